using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace PerfLint.Tasks
{
    /// <summary>
    /// `-p:PerfLintSynth=true`, first step: runs the built CDK app (`dotnet exec`) with CDK_OUTDIR in obj/. A synth that
    /// fails gives one error with the tail of the app's output, not one message per line.
    /// </summary>
    public sealed class PerfLintCdkSynth : DotnetToolTask
    {
        private const string SynthFailedCode = "PLSYNTH";
        private const int TailLines = 40;
        // Standard output and error are read on separate threads, so their lines arrive in no reliable order: one shared
        // tail could let output written before the error push the error out. Each stream keeps its own.
        private readonly Queue<string> _output = new Queue<string>();
        private readonly Queue<string> _errors = new Queue<string>();

        /// <summary>The built app ($(TargetPath)).</summary>
        [Required]
        public string AppPath { get; set; } = string.Empty;

        /// <summary>Where the app writes its cloud assembly (CDK_OUTDIR), normally obj/&lt;cfg&gt;/&lt;tfm&gt;/cdk.out.</summary>
        [Required]
        public string CloudAssemblyDirectory { get; set; } = string.Empty;

        /// <summary>The app's working directory (the project directory).</summary>
        [Required]
        public string ProjectDirectory { get; set; } = string.Empty;

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
            var temp = Path.Combine(Path.GetTempPath(), "perflint-synth-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(temp);
            // jsii unpacks ~66 MB per run into TMPDIR; a private one is deleted afterwards.
            var environment = new List<string> { "CDK_OUTDIR=" + CloudAssemblyDirectory, "TMPDIR=" + temp, "TMP=" + temp, "TEMP=" + temp };
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CDK_CONTEXT_JSON")))
            {
                // What the CDK CLI sets: construct paths and nested-stack asset paths in the templates' metadata.
                environment.Add("CDK_CONTEXT_JSON={\"aws:cdk:enable-path-metadata\":true,\"aws:cdk:enable-asset-metadata\":true}");
            }

            EnvironmentVariables = environment.ToArray();
            Timeout = SynthTimeoutSeconds * 1000;
            Log.LogMessage(MessageImportance.Normal, "PerfLint: synthesizing {0} into {1}", AppPath, CloudAssemblyDirectory);
            try
            {
                if (!base.Execute())
                {
                    // A timeout kills the app with only MSBuild's warning; a cancelled build needs no error.
                    return Log.HasLoggedErrors || ToolCanceled.WaitOne(0) ? false : Failed("ran longer than " + SynthTimeoutSeconds + " s");
                }
            }
            finally
            {
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

            return File.Exists(Path.Combine(CloudAssemblyDirectory, "manifest.json")) || Failed("wrote no manifest.json (does it call app.Synth()?)");
        }

        protected override string GenerateCommandLineCommands()
        {
            var builder = new CommandLineBuilder();
            builder.AppendSwitch("exec");
            builder.AppendFileNameIfNotNull(AppPath);
            return builder.ToString();
        }

        protected override string GetWorkingDirectory() => ProjectDirectory;

        protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
        {
            // jsii prints a banner of "!!" lines about the node version on every run; it is noise in an error.
            if (singleLine.StartsWith("!!", StringComparison.Ordinal))
            {
                return;
            }

            var tail = messageImportance == StandardErrorImportanceToUse ? _errors : _output;
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
            // The last lines of the output, at most 40: the end of standard output, then the end of standard error.
            var lines = new List<string>(_output);
            lines.RemoveRange(0, Math.Max(0, lines.Count - (TailLines - _errors.Count)));
            lines.AddRange(_errors);
            var tail = string.Join(Environment.NewLine, lines);
            var hint = tail.IndexOf("node", StringComparison.OrdinalIgnoreCase) >= 0 &&
                       (tail.IndexOf("ENOENT", StringComparison.Ordinal) >= 0 || tail.IndexOf("not found", StringComparison.OrdinalIgnoreCase) >= 0)
                ? " CDK needs Node.js on PATH." : string.Empty;
            Log.LogError(null, SynthFailedCode, null, AppPath, 0, 0, 0, 0,
                "PerfLint: CDK synth failed: 'dotnet exec {0}' {1}.{2} Last lines of its output:{3}{4}",
                Path.GetFileName(AppPath), what, hint, Environment.NewLine, tail.Length == 0 ? "(no output)" : tail);
            return false;
        }
    }
}
