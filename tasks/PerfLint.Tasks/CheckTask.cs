using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace PerfLint.Tasks
{
    /// <summary>
    /// `-p:PerfLintSynth=true`, second step: `perflint check --format msbuild` on the synthesized cloud assembly. Each
    /// finding line becomes an MSBuild error, warning or (for info) message at the C# line when mapped, else at the
    /// template line. Severities already reflect the project's .editorconfig (perflint reads it); `none` is dropped there.
    /// </summary>
    public sealed class PerfLintCheck : DotnetToolTask
    {
        private const string CheckFailedCode = "PLCHECK";
        private readonly System.Text.StringBuilder _errors = new System.Text.StringBuilder();

        /// <summary>The cloud assembly the synth step wrote.</summary>
        [Required]
        public string CloudAssemblyDirectory { get; set; } = string.Empty;

        /// <summary>perflint.dll ($(PerfLintRunnerPath)).</summary>
        [Required]
        public string RunnerPath { get; set; } = string.Empty;

        /// <summary>The project directory: the C# sources for line mapping, and its .editorconfig.</summary>
        [Required]
        public string ProjectDirectory { get; set; } = string.Empty;

        /// <summary>The compiler's SARIF log ($(ErrorLog), "file,version=2.1"): findings already reported there are not repeated.</summary>
        public string? ErrorLog { get; set; }

        /// <summary>
        /// The copy of the compiler's SARIF log the last compilation kept in obj/ (PerfLintKeepAnalyzerResults): used
        /// before <see cref="ErrorLog"/>, so an incremental build that skipped the compiler still compares with the
        /// analyzers' results for the assembly it synthesizes.
        /// </summary>
        public string? AnalyzerResults { get; set; }

        /// <summary>The user price file the analyzers quote ($(PerfLintPricesFile)); passed on so both front ends quote the same prices.</summary>
        public string? PricesFile { get; set; }

        /// <summary>Number of findings logged (all severities), for callers and tests.</summary>
        [Output]
        public int FindingCount { get; set; }

        public override bool Execute() => base.Execute() && !Log.HasLoggedErrors;

        protected override string GenerateCommandLineCommands()
        {
            var builder = new CommandLineBuilder();
            builder.AppendSwitch("exec");
            builder.AppendFileNameIfNotNull(RunnerPath);
            builder.AppendSwitch("check");
            builder.AppendFileNameIfNotNull(CloudAssemblyDirectory);
            builder.AppendSwitch("--format msbuild --fail-on never");
            builder.AppendSwitchIfNotNull("--project ", ProjectDirectory);
            if (!string.IsNullOrWhiteSpace(PricesFile))
            {
                builder.AppendSwitchIfNotNull("--prices ", Path.GetFullPath(Path.Combine(ProjectDirectory, PricesFile!)));
            }

            builder.AppendSwitchIfNotNull("--exclude-reported ", CompilerSarif());
            return builder.ToString();
        }

        protected override string GetWorkingDirectory() => ProjectDirectory;

        protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
        {
            var finding = RunnerLine.TryParse(singleLine);
            if (finding == null)
            {
                // Standard error (its importance differs from standard output's) explains a failed check.
                if (messageImportance == StandardErrorImportanceToUse)
                {
                    _errors.AppendLine(singleLine);
                }

                Log.LogMessage(messageImportance, "{0}", singleLine);
                return;
            }

            finding.Log(Log, finding.Text);
            FindingCount++;
        }

        protected override bool HandleTaskExecutionErrors()
        {
            Log.LogError(null, CheckFailedCode, null, CloudAssemblyDirectory, 0, 0, 0, 0, "PerfLint: perflint check failed (exit code {0}): {1}", ExitCode, _errors.ToString().Trim());
            return false;
        }

        /// <summary>The kept copy of the compiler's SARIF log, else the file from ErrorLog ("path,version=2.1"), if it exists.</summary>
        private string? CompilerSarif()
        {
            if (!string.IsNullOrWhiteSpace(AnalyzerResults) && File.Exists(AnalyzerResults))
            {
                return AnalyzerResults;
            }

            if (string.IsNullOrWhiteSpace(ErrorLog))
            {
                return null;
            }

            var path = ErrorLog!.Split(',')[0].Trim();
            path = Path.IsPathRooted(path) ? path : Path.Combine(ProjectDirectory, path);
            return File.Exists(path) ? path : null;
        }
    }
}
