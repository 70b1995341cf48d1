using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
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
    public sealed class BenchRunTask : Task, ICancelableTask
    {
        private static readonly Regex CanonicalError =
            new Regex(@"^(?<file>.+?)\((?<line>\d+),(?<col>\d+)\): error (?<code>PLB\d+): (?<msg>.*)$", RegexOptions.Compiled);

        private readonly object _gate = new object();
        private Process? _current;
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
        /// <summary>The dotnet host; defaults to DOTNET_HOST_PATH (set by MSBuild under the .NET SDK), then `dotnet` on PATH.</summary>
        public string? DotnetHostPath { get; set; }
        public string? WorkingDirectory { get; set; }
        /// <summary>Seconds to wait for the runner to clean up after SIGTERM before it is killed.</summary>
        public int CancelGraceSeconds { get; set; } = 30;

        public override bool Execute()
        {
            if (!File.Exists(RunnerPath))
            {
                Log.LogError(null, "PLB0102", null, null, 0, 0, 0, 0,
                    "perflint runner not found at '{0}'. Set PerfLintRunnerPath to perflint.dll.", RunnerPath);
                return false;
            }
            var index = 0;
            foreach (var spec in SpecFiles)
            {
                if (_cancelled) break;
                var specPath = spec.GetMetadata("FullPath");
                var outDir = Path.Combine(OutputDirectory, SpecFiles.Length == 1
                    ? Path.GetFileNameWithoutExtension(specPath)
                    : index + "-" + Path.GetFileNameWithoutExtension(specPath));
                index++;
                RunOne(specPath, outDir);
            }
            return !Log.HasLoggedErrors && !_cancelled;
        }

        private void RunOne(string specPath, string outDir)
        {
            if (!File.Exists(specPath))
            {
                Log.LogError(null, "PLB0100", null, specPath, 0, 0, 0, 0, "benchmark spec not found: {0}", specPath);
                return;
            }
            var resultsFile = Path.Combine(outDir, "results.json");
            if (File.Exists(resultsFile)) File.Delete(resultsFile);

            var args = new List<string> { "exec", RunnerPath, "bench", specPath, "--output", outDir };
            if (!string.IsNullOrEmpty(Baseline)) { args.Add("--baseline"); args.Add(Baseline!); }
            if (!string.IsNullOrEmpty(RegressionThreshold)) { args.Add("--regression-threshold"); args.Add(RegressionThreshold!); }
            if (!string.IsNullOrEmpty(Engine)) { args.Add("--engine"); args.Add(Engine!); }
            var commandLine = string.Join(" ", args.Select(Quote)) +
                              (string.IsNullOrWhiteSpace(ExtraArguments) ? "" : " " + ExtraArguments);
            var dotnet = DotnetHost();
            Log.LogMessage(MessageImportance.Normal, "{0} {1}", dotnet, commandLine);

            var stderr = new StringBuilder();
            int exitCode;
            using (var process = new Process())
            {
                process.StartInfo = new ProcessStartInfo(dotnet, commandLine)
                {
                    UseShellExecute = false,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    WorkingDirectory = string.IsNullOrEmpty(WorkingDirectory) ? Path.GetDirectoryName(specPath) : WorkingDirectory,
                };
                // Plain progress lines, not a live terminal line, in the build log.
                process.StartInfo.EnvironmentVariables["CI"] = "true";
                process.OutputDataReceived += (_, e) => { if (e.Data != null) Log.LogMessage(MessageImportance.Normal, "{0}", e.Data); };
                process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (stderr) stderr.AppendLine(e.Data); };
                lock (_gate)
                {
                    if (_cancelled) return;
                    process.Start();
                    _current = process;
                }
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                process.WaitForExit();
                lock (_gate) _current = null;
                exitCode = process.ExitCode;
            }

            string err;
            lock (stderr) err = stderr.ToString().Trim();
            if (_cancelled)
            {
                Log.LogWarning(null, "PLB0103", null, specPath, 0, 0, 0, 0, "benchmark run cancelled; the runner removed its containers");
                return;
            }
            if (exitCode == 2)
            {
                ReportRunnerError(specPath, err);
                return;
            }
            if ((exitCode == 0 || exitCode == 1) && File.Exists(resultsFile))
            {
                ReportResults(resultsFile, exitCode);
                return;
            }
            Log.LogError(null, "PLB0100", null, specPath, 0, 0, 0, 0,
                "perflint bench exited with code {0} without results: {1}", exitCode, err.Length > 0 ? err : "(no output)");
        }

        /// <summary>One error: at the spec position when the runner printed one (bad spec), else at the spec file.</summary>
        private void ReportRunnerError(string specPath, string stderr)
        {
            var first = stderr.Split('\n').Select(l => CanonicalError.Match(l.Trim())).FirstOrDefault(m => m.Success);
            if (first != null)
            {
                Log.LogError(null, first.Groups["code"].Value, null, first.Groups["file"].Value,
                    int.Parse(first.Groups["line"].Value), int.Parse(first.Groups["col"].Value), 0, 0,
                    "perflint bench: {0}", first.Groups["msg"].Value);
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
            catch (Exception ex) when (ex is FormatException || ex is IOException || ex is InvalidCastException)
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

        private string DotnetHost()
        {
            if (!string.IsNullOrEmpty(DotnetHostPath)) return DotnetHostPath!;
            var fromMsBuild = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return string.IsNullOrEmpty(fromMsBuild) ? "dotnet" : fromMsBuild!;
        }

        /// <summary>
        /// Ctrl+C on the build: SIGTERM lets the runner remove its containers (it handles it as it handles Ctrl+C); kill
        /// only after the grace period. Not SIGINT: a build started from a script in the background (<c>dotnet build &amp;</c>,
        /// CI wrappers) inherits SIGINT as ignored, as POSIX shells set it for background jobs, and so does the runner,
        /// which would then sit out the whole grace period with its containers running.
        /// </summary>
        public void Cancel()
        {
            Process? process;
            lock (_gate)
            {
                _cancelled = true;
                process = _current;
            }
            if (process == null) return;
            try
            {
                if (Environment.OSVersion.Platform == PlatformID.Unix || Environment.OSVersion.Platform == PlatformID.MacOSX)
                {
                    SendSignal(process.Id, "TERM");
                    if (process.WaitForExit(CancelGraceSeconds * 1000)) return;
                }
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
        }

        private static void SendSignal(int pid, string signal)
        {
            using (var kill = Process.Start(new ProcessStartInfo("kill", "-" + signal + " " + pid) { UseShellExecute = false }))
                kill?.WaitForExit(5000);
        }

        private static string Quote(string arg) =>
            arg.Length > 0 && arg.IndexOfAny(new[] { ' ', '"', '\t', '\'' }) < 0 ? arg : "\"" + arg.Replace("\"", "\\\"") + "\"";
    }
}
