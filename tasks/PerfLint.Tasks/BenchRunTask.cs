using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace PerfLint.Tasks
{
    /// <summary>
    /// Runs `perflint bench` out of process for each spec and turns its results.json into build diagnostics: every
    /// missed budget becomes `error PLBxxxx` (warning for "level": "warn") at the spec file's line and column of that
    /// budget, plus one summary line per benchmark. Exit code 2 (bad spec, no engine, never ready) is one clear error
    /// with the runner's stderr. Cancelling the build sends the runner SIGTERM so it removes its containers.
    /// </summary>
    public sealed class BenchRunTask : DotnetToolTask
    {
        private readonly StringBuilder _stderr = new StringBuilder();
        private string _spec = "";
        private string _outDir = "";
        private Process? _process;
        // Set before the runner gets SIGTERM: it may exit, cleaned up, before the base class learns of the cancel.
        private volatile bool _cancelled;

        /// <summary>Path of perflint.dll (started with `dotnet exec`).</summary>
        [Required] public string RunnerPath { get; set; } = "";

        [Required] public ITaskItem[] SpecFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>Reports go to OutputDirectory/&lt;spec name&gt;/.</summary>
        [Required] public string OutputDirectory { get; set; } = "";

        public string? Baseline { get; set; }
        public string? RegressionThreshold { get; set; }
        public string? Engine { get; set; }
        public string? ExtraArguments { get; set; }
        public string? WorkingDirectory { get; set; }
        /// <summary>Seconds to wait for the runner to clean up after SIGTERM before it is killed.</summary>
        public int CancelGraceSeconds { get; set; } = 30;

        // Progress lines go to the build log as they come; standard error is kept for the error it explains. ToolTask
        // tells the streams apart only by their importance, so they differ.
        protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.Normal;

        protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.High;

        public override bool Execute()
        {
            if (!File.Exists(RunnerPath))
            {
                Log.LogError(null, "PLB0102", null, null, 0, 0, 0, 0,
                    "perflint runner not found at '{0}'. Set PerfLintRunnerPath to perflint.dll.", RunnerPath);
                return false;
            }
            // Plain progress lines, not a live terminal line, in the build log.
            EnvironmentVariables = new[] { "CI=true" };
            var index = 0;
            foreach (var spec in SpecFiles)
            {
                if (_cancelled) break;
                _spec = spec.GetMetadata("FullPath");
                _outDir = Path.Combine(OutputDirectory, SpecFiles.Length == 1
                    ? Path.GetFileNameWithoutExtension(_spec)
                    : index + "-" + Path.GetFileNameWithoutExtension(_spec));
                index++;
                RunOne();
            }
            return !Log.HasLoggedErrors && !_cancelled;
        }

        private void RunOne()
        {
            if (!File.Exists(_spec))
            {
                Log.LogError(null, "PLB0100", null, _spec, 0, 0, 0, 0, "benchmark spec not found: {0}", _spec);
                return;
            }
            var resultsFile = Path.Combine(_outDir, "results.json");
            if (File.Exists(resultsFile)) File.Delete(resultsFile);
            _stderr.Clear();
            base.Execute();
            var err = _stderr.ToString().Trim();
            if (_cancelled)
            {
                Log.LogWarning(null, "PLB0103", null, _spec, 0, 0, 0, 0, "benchmark run cancelled; the runner removed its containers");
                return;
            }
            if (ExitCode == 2)
            {
                ReportRunnerError(_spec, err);
                return;
            }
            if ((ExitCode == 0 || ExitCode == 1) && File.Exists(resultsFile))
            {
                ReportResults(resultsFile, ExitCode);
                return;
            }
            Log.LogError(null, "PLB0100", null, _spec, 0, 0, 0, 0,
                "perflint bench exited with code {0} without results: {1}", ExitCode, err.Length > 0 ? err : "(no output)");
        }

        protected override string GenerateCommandLineCommands()
        {
            var builder = new CommandLineBuilder();
            builder.AppendSwitch("exec");
            builder.AppendFileNameIfNotNull(RunnerPath);
            builder.AppendSwitch("bench");
            builder.AppendFileNameIfNotNull(_spec);
            builder.AppendSwitchIfNotNull("--output ", _outDir);
            if (!string.IsNullOrEmpty(Baseline)) builder.AppendSwitchIfNotNull("--baseline ", Baseline);
            if (!string.IsNullOrEmpty(RegressionThreshold)) builder.AppendSwitchIfNotNull("--regression-threshold ", RegressionThreshold);
            if (!string.IsNullOrEmpty(Engine)) builder.AppendSwitchIfNotNull("--engine ", Engine);
            if (!string.IsNullOrWhiteSpace(ExtraArguments)) builder.AppendTextUnquoted(" " + ExtraArguments);
            return builder.ToString();
        }

        protected override string GetWorkingDirectory() =>
            string.IsNullOrEmpty(WorkingDirectory) ? Path.GetDirectoryName(_spec)! : WorkingDirectory!;

        protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
        {
            if (messageImportance == StandardOutputImportanceToUse)
                Log.LogMessage(messageImportance, "{0}", singleLine);
            else
                lock (_stderr) _stderr.AppendLine(singleLine);
        }

        // Exit codes 1 and 2 are outcomes the task reports itself (RunOne).
        protected override bool HandleTaskExecutionErrors() => false;

        /// <summary>
        /// Ctrl+C on the build: SIGTERM lets the runner remove its containers (it handles it as it handles Ctrl+C); kill
        /// only after the grace period. Not SIGINT: a build started from a script in the background (<c>dotnet build &amp;</c>,
        /// CI wrappers) inherits SIGINT as ignored, as POSIX shells set it for background jobs, and so does the runner,
        /// which would then sit out the whole grace period with its containers running.
        /// </summary>
        protected override Process StartToolProcess(Process proc)
        {
            lock (_stderr) _process = base.StartToolProcess(proc);
            return _process;
        }

        /// <summary>
        /// Ctrl+C on the build: SIGTERM lets the runner remove its containers (it handles it as it handles Ctrl+C); the
        /// base kills it only after the grace period. Not SIGINT: a build started from a script in the background
        /// (<c>dotnet build &amp;</c>, CI wrappers) inherits SIGINT as ignored, as POSIX shells set it for background jobs,
        /// and so does the runner, which would then sit out the whole grace period with its containers running.
        /// </summary>
        public override void Cancel()
        {
            Process? process;
            _cancelled = true;
            lock (_stderr) process = _process;
            try
            {
                if (process != null && !process.HasExited && Environment.OSVersion.Platform == PlatformID.Unix)
                {
                    using (var kill = Process.Start(new ProcessStartInfo("kill", "-TERM " + process.Id) { UseShellExecute = false }))
                        kill?.WaitForExit(5000);
                    process.WaitForExit(CancelGraceSeconds * 1000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
            base.Cancel();
        }

        /// <summary>One error: at the spec position when the runner printed one (bad spec), else at the spec file.</summary>
        private void ReportRunnerError(string specPath, string stderr)
        {
            var first = stderr.Split('\n').Select(RunnerLine.TryParse).FirstOrDefault(l => l != null && l.Severity == "error");
            if (first != null)
            {
                first.Log(Log, "perflint bench: " + first.Text);
                return;
            }
            Log.LogError(null, "PLB0100", null, specPath, 0, 0, 0, 0,
                "perflint bench failed (configuration or infrastructure error): {0}", stderr.Length > 0 ? stderr : "(no output)");
        }

        private void ReportResults(string resultsFile, int exitCode)
        {
            BenchResultsFile results;
            try
            {
                results = BenchResultsFile.Read(resultsFile);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException || ex is IOException)
            {
                Log.LogError(null, "PLB0100", null, resultsFile, 0, 0, 0, 0, "cannot read {0}: {1}", resultsFile, ex.Message);
                return;
            }
            var errorsBefore = Log.HasLoggedErrors;
            var loggedError = false;
            foreach (var benchmark in results.Benchmarks)
            {
                foreach (var budget in benchmark.Budgets)
                {
                    var message = benchmark.Name + ": " + budget.Message;
                    if (budget.Skipped || (!budget.Passed && budget.Level == "warn"))
                        Log.LogWarning(null, budget.Code, null, budget.SpecFile, budget.Line, budget.Column, 0, 0, "{0}", message);
                    else if (!budget.Passed)
                    {
                        Log.LogError(null, budget.Code, null, budget.SpecFile, budget.Line, budget.Column, 0, 0, "{0}", message);
                        loggedError = true;
                    }
                }
                Log.LogMessage(MessageImportance.High, "{0}", benchmark.Summary());
                if (benchmark.JudgementNote != null) Log.LogMessage(MessageImportance.High, "  note: {0}", benchmark.JudgementNote);
            }
            if (exitCode == 1 && !loggedError && !errorsBefore)
                Log.LogError(null, "PLB0100", null, resultsFile, 0, 0, 0, 0, "perflint bench reported a failure; see {0}", resultsFile);
            Log.LogMessage(MessageImportance.Normal, "perflint bench reports: {0}", Path.GetDirectoryName(resultsFile));
        }
    }
}
