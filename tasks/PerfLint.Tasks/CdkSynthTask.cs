using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace PerfLint.Tasks
{
    /// <summary>
    /// `-p:PerfLintSynth=true`, first step: runs the built CDK app (`dotnet exec`, no second build) as `cdk synth` would
    /// (<see cref="CdkCliSettings"/>: from its cdk.json's directory, with the CLI's context), with CDK_OUTDIR in obj/.
    /// A synth that fails gives one error with the app's first meaningful lines and the path of its full output.
    /// </summary>
    public sealed class PerfLintCdkSynth : DotnetToolTask
    {
        private const string SynthFailedCode = "PLSYNTH";
        private const string LookupCode = "PLSYNTHLOOKUP";
        private const int TailLines = 40;
        private const int FirstLines = 12;
        // Standard output and error are read on separate threads, so their lines arrive in no reliable order: one shared
        // tail could let output written before the error push the error out. Each stream keeps its own.
        private readonly Queue<string> _output = new Queue<string>();
        private readonly Queue<string> _errors = new Queue<string>();
        private readonly List<string> _firstErrors = new List<string>();
        private StreamWriter? _log;
        private string _workingDirectory = string.Empty;

        /// <summary>The built app ($(TargetPath)).</summary>
        [Required]
        public string AppPath { get; set; } = string.Empty;

        /// <summary>Where the app writes its cloud assembly (CDK_OUTDIR), normally obj/&lt;cfg&gt;/&lt;tfm&gt;/cdk.out.</summary>
        [Required]
        public string CloudAssemblyDirectory { get; set; } = string.Empty;

        /// <summary>The project directory: cdk.json is looked for here and above.</summary>
        [Required]
        public string ProjectDirectory { get; set; } = string.Empty;

        /// <summary>The project file ($(MSBuildProjectFullPath)): a cdk.json above the project applies when its app names it.</summary>
        public string ProjectFile { get; set; } = string.Empty;

        /// <summary>Context as `cdk synth -c key=value` gives it ($(PerfLintSynthContext), <c>key=value</c> items).</summary>
        public string[] Context { get; set; } = Array.Empty<string>();

        /// <summary>Where the app's whole output goes (beside the cloud assembly).</summary>
        public string LogFile => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(CloudAssemblyDirectory))!, "perflint-synth.log");

        public int SynthTimeoutSeconds { get; set; } = 600;

        protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.Normal;

        protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.Low;

        public override bool Execute()
        {
            if (Directory.Exists(CloudAssemblyDirectory))
            {
                // Templates of stacks the app no longer defines must not be checked.
                Directory.Delete(CloudAssemblyDirectory, recursive: true);
            }

            Directory.CreateDirectory(CloudAssemblyDirectory);
            CdkCliSettings settings;
            try
            {
                settings = CdkCliSettings.For(ProjectDirectory, ProjectFile, Context, Environment.GetEnvironmentVariable("HOME"), note => Log.LogMessage(MessageImportance.Normal, note));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidDataException)
            {
                Log.LogError(null, SynthFailedCode, null, ProjectFile, 0, 0, 0, 0, "PerfLint: CDK synth not started: {0}", e.Message);
                return false;
            }

            _workingDirectory = settings.WorkingDirectory;
            var temp = Path.Combine(Path.GetTempPath(), "perflint-synth-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(temp);
            // jsii unpacks ~66 MB per run into TMPDIR; a private one is deleted afterwards.
            var environment = new List<string> { "CDK_OUTDIR=" + CloudAssemblyDirectory, "TMPDIR=" + temp, "TMP=" + temp, "TEMP=" + temp };
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CDK_CONTEXT_JSON")))
            {
                // A CDK_CONTEXT_JSON of the caller's own is kept as given.
                environment.Add("CDK_CONTEXT_JSON=" + settings.ContextJson);
            }

            EnvironmentVariables = environment.ToArray();
            Timeout = SynthTimeoutSeconds * 1000;
            Log.LogMessage(MessageImportance.Normal, "PerfLint: synthesizing {0} into {1} (in {2}{3})", AppPath, CloudAssemblyDirectory, _workingDirectory,
                settings.CdkJson == null ? ", no cdk.json" : ", context of " + settings.CdkJson);
            try
            {
                _log = new StreamWriter(LogFile);
                if (!base.Execute())
                {
                    // A timeout kills the app with only MSBuild's warning; a cancelled build needs no error.
                    return Log.HasLoggedErrors || ToolCanceled.WaitOne(0) ? false : Failed("ran longer than " + SynthTimeoutSeconds + " s");
                }
            }
            finally
            {
                _log?.Dispose();
                try
                {
                    Directory.Delete(temp, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            var manifest = Path.Combine(CloudAssemblyDirectory, "manifest.json");
            if (!File.Exists(manifest))
            {
                return Failed("wrote no manifest.json (does it call app.Synth()?)");
            }

            WarnAboutLookups(manifest);
            return true;
        }

        /// <summary>
        /// Values the app looks up in the AWS account (Vpc.FromLookup, ...) and cdk.context.json does not hold: the CLI
        /// would fetch them and synthesize again; here the templates keep the CDK's dummy values, which the user must know.
        /// </summary>
        private void WarnAboutLookups(string manifest)
        {
            string[] keys;
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(manifest));
                keys = document.RootElement.TryGetProperty("missing", out var missing) && missing.ValueKind == System.Text.Json.JsonValueKind.Array
                    ? missing.EnumerateArray().Select(m => m.TryGetProperty("key", out var key) ? key.GetString() ?? "?" : "?").ToArray()
                    : Array.Empty<string>();
            }
            catch (System.Text.Json.JsonException)
            {
                return;
            }

            if (keys.Length > 0)
            {
                Log.LogWarning(null, LookupCode, null, ProjectFile, 0, 0, 0, 0,
                    "PerfLint: the app looks up {0} value(s) in the AWS account that cdk.context.json does not hold ({1}); the templates checked use the CDK's placeholders for them. Run 'cdk synth' once with AWS credentials and network access to cache them in cdk.context.json.",
                    keys.Length, string.Join(", ", keys));
            }
        }

        protected override string GenerateCommandLineCommands()
        {
            var builder = new CommandLineBuilder();
            builder.AppendSwitch("exec");
            builder.AppendFileNameIfNotNull(AppPath);
            return builder.ToString();
        }

        protected override string GetWorkingDirectory() => _workingDirectory;

        protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
        {
            // jsii prints a banner of "!!" lines about the node version on every run; it is noise in an error.
            if (singleLine.StartsWith("!!", StringComparison.Ordinal))
            {
                return;
            }

            _log?.WriteLine(singleLine);
            var isError = messageImportance == StandardErrorImportanceToUse;
            // The first lines of an error say what went wrong; stack frames ("   at ...") say where, and are in the log.
            if (isError && _firstErrors.Count < FirstLines && singleLine.Trim().Length > 0 && !singleLine.TrimStart().StartsWith("at ", StringComparison.Ordinal))
            {
                _firstErrors.Add(singleLine);
            }

            var tail = isError ? _errors : _output;
            tail.Enqueue(singleLine);
            if (tail.Count > TailLines)
            {
                tail.Dequeue();
            }

            Log.LogMessage(messageImportance, "{0}", singleLine);
        }

        protected override bool HandleTaskExecutionErrors() => Failed("exited with code " + ExitCode);

        private bool Failed(string what)
        {
            // The first lines of standard error without stack frames (an exception's message), else the end of the output.
            List<string> lines;
            if (_firstErrors.Count > 0)
            {
                lines = _firstErrors;
            }
            else
            {
                lines = new List<string>(_output);
                lines.RemoveRange(0, Math.Max(0, lines.Count - TailLines));
            }

            var all = string.Join(Environment.NewLine, _output.Concat(_errors));
            var shown = string.Join(Environment.NewLine, lines);
            Log.LogError(null, SynthFailedCode, null, AppPath, 0, 0, 0, 0,
                "PerfLint: CDK synth failed: 'dotnet exec {0}' in {1} {2}.{3} Its output:{4}{5}{4}(whole output: {6})",
                Path.GetFileName(AppPath), _workingDirectory, what, Hint(all), Environment.NewLine, shown.Length == 0 ? "(no output)" : shown, LogFile);
            return false;
        }

        /// <summary>What a failure's output says about its cause, when it is one the user fixes outside the app.</summary>
        private static string Hint(string output)
        {
            if (output.IndexOf("node", StringComparison.OrdinalIgnoreCase) >= 0 &&
                (output.IndexOf("ENOENT", StringComparison.Ordinal) >= 0 || output.IndexOf("not found", StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return " CDK needs Node.js on PATH.";
            }

            var network = new[] { "ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "getaddrinfo", "Could not load credentials", "Unable to locate credentials",
                "Need to perform AWS calls", "Unable to resolve AWS account", "UnrecognizedClientException", "ExpiredToken" };
            return network.Any(n => output.IndexOf(n, StringComparison.OrdinalIgnoreCase) >= 0)
                ? " The app needs network access or AWS credentials to synthesize (an AWS call or download while it runs); PerfLint's synth has neither unless the build environment gives them."
                : string.Empty;
        }
    }
}
