using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace PerfLint.Tasks
{
    /// <summary>
    /// `-p:PerfLintSynth=true`: runs the built CDK app with CDK_OUTDIR in obj/, then `perflint check --format json`,
    /// and logs each finding as an MSBuild error, warning or (for info) message at the C# line when mapped, else at the
    /// template line. Severities already reflect the project's .editorconfig (perflint reads it); `none` is dropped
    /// there. A synth that fails gives one error with the tail of the app's output.
    /// </summary>
    public sealed class PerfLintCheckSynth : Task, ICancelableTask
    {
        private const string SynthFailedCode = "PLSYNTH";
        private const string CheckFailedCode = "PLCHECK";
        private CheckChildProcess? _current;
        private volatile bool _cancelled;

        /// <summary>The built app ($(TargetPath)).</summary>
        [Required]
        public string AppPath { get; set; } = string.Empty;

        /// <summary>Where the app writes its cloud assembly (CDK_OUTDIR), normally obj/&lt;cfg&gt;/&lt;tfm&gt;/cdk.out.</summary>
        [Required]
        public string CloudAssemblyDirectory { get; set; } = string.Empty;

        /// <summary>perflint.dll ($(PerfLintRunnerPath)).</summary>
        [Required]
        public string RunnerPath { get; set; } = string.Empty;

        /// <summary>The project directory: the app's working directory, and the C# sources for line mapping.</summary>
        [Required]
        public string ProjectDirectory { get; set; } = string.Empty;

        /// <summary>The compiler's SARIF log ($(ErrorLog), "file,version=2.1"): findings already reported there are not repeated.</summary>
        public string? ErrorLog { get; set; }

        /// <summary>The user price file the analyzers quote ($(PerfLintPricesFile)); passed on so both front ends quote the same prices.</summary>
        public string? PricesFile { get; set; }

        /// <summary>The dotnet host; defaults to DOTNET_HOST_PATH (set by `dotnet build`), else "dotnet".</summary>
        public string? DotnetHostPath { get; set; }

        public int SynthTimeoutSeconds { get; set; } = 600;

        /// <summary>Number of findings logged (all severities), for callers and tests.</summary>
        [Output]
        public int FindingCount { get; set; }

        public void Cancel()
        {
            _cancelled = true;
            _current?.Cancel();
        }

        public override bool Execute()
        {
            var dotnet = !string.IsNullOrEmpty(DotnetHostPath) ? DotnetHostPath! : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            if (!File.Exists(RunnerPath))
            {
                Log.LogError(null, CheckFailedCode, null, null, 0, 0, 0, 0, "PerfLint: the perflint runner was not found at '{0}' (PerfLintRunnerPath).", RunnerPath);
                return false;
            }

            return Synthesize(dotnet) && !_cancelled && Check(dotnet) && !Log.HasLoggedErrors;
        }

        private bool Synthesize(string dotnet)
        {
            if (Directory.Exists(CloudAssemblyDirectory))
            {
                // Templates of stacks the app no longer defines must not be checked.
                Directory.Delete(CloudAssemblyDirectory, recursive: true);
            }

            Directory.CreateDirectory(CloudAssemblyDirectory);
            var temp = Path.Combine(Path.GetTempPath(), "perflint-synth-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(temp);
            try
            {
                var environment = new Dictionary<string, string>
                {
                    ["CDK_OUTDIR"] = CloudAssemblyDirectory,
                    // jsii unpacks its files into TMPDIR on every run; a private one is deleted afterwards.
                    ["TMPDIR"] = temp,
                    ["TMP"] = temp,
                    ["TEMP"] = temp,
                };
                if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CDK_CONTEXT_JSON")))
                {
                    // What the CDK CLI sets: construct paths and nested-stack asset paths in the templates' metadata.
                    environment["CDK_CONTEXT_JSON"] = "{\"aws:cdk:enable-path-metadata\":true,\"aws:cdk:enable-asset-metadata\":true}";
                }

                Log.LogMessage(MessageImportance.Normal, "PerfLint: synthesizing {0} into {1}", AppPath, CloudAssemblyDirectory);
                var child = _current = new CheckChildProcess();
                int exit;
                try
                {
                    exit = child.Run(dotnet, new[] { "exec", AppPath }, ProjectDirectory, environment, TimeSpan.FromSeconds(SynthTimeoutSeconds));
                }
                catch (System.ComponentModel.Win32Exception e)
                {
                    Log.LogError(null, SynthFailedCode, null, AppPath, 0, 0, 0, 0, "PerfLint: CDK synth could not start '{0}': {1}", dotnet, e.Message);
                    return false;
                }

                if (_cancelled)
                {
                    return false;
                }

                var manifest = Path.Combine(CloudAssemblyDirectory, "manifest.json");
                if (exit != 0 || !File.Exists(manifest))
                {
                    var tail = child.OutputTail();
                    var hint = tail.IndexOf("node", StringComparison.OrdinalIgnoreCase) >= 0 &&
                               (tail.IndexOf("ENOENT", StringComparison.Ordinal) >= 0 || tail.IndexOf("not found", StringComparison.OrdinalIgnoreCase) >= 0)
                        ? " CDK needs Node.js on PATH." : string.Empty;
                    var what = exit != 0 ? "exited with code " + exit : "wrote no manifest.json (does it call app.Synth()?)";
                    Log.LogError(null, SynthFailedCode, null, AppPath, 0, 0, 0, 0,
                        "PerfLint: CDK synth failed: 'dotnet exec {0}' {1}.{2} Last lines of its output:{3}{4}",
                        Path.GetFileName(AppPath), what, hint, Environment.NewLine, tail.Length == 0 ? "(no output)" : tail);
                    return false;
                }

                return true;
            }
            finally
            {
                TryDelete(temp);
            }
        }

        private bool Check(string dotnet)
        {
            var results = Path.Combine(Path.GetTempPath(), "perflint-check-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                var arguments = new List<string> { "exec", RunnerPath, "check", CloudAssemblyDirectory, "--format", "json", "--output", results, "--project", ProjectDirectory, "--fail-on", "never" };
                if (!string.IsNullOrWhiteSpace(PricesFile))
                {
                    arguments.Add("--prices");
                    arguments.Add(Path.GetFullPath(Path.Combine(ProjectDirectory, PricesFile!)));
                }

                var sarif = CompilerSarif();
                if (sarif != null)
                {
                    arguments.Add("--exclude-reported");
                    arguments.Add(sarif);
                }

                var child = _current = new CheckChildProcess();
                var exit = child.Run(dotnet, arguments, ProjectDirectory, new Dictionary<string, string>(), TimeSpan.FromSeconds(SynthTimeoutSeconds));
                if (_cancelled)
                {
                    return false;
                }

                if (exit != 0 || !File.Exists(results))
                {
                    Log.LogError(null, CheckFailedCode, null, CloudAssemblyDirectory, 0, 0, 0, 0, "PerfLint: perflint check failed (exit code {0}): {1}", exit, child.OutputTail());
                    return false;
                }

                LogFindings(RunnerJson.Parse(File.ReadAllText(results)));
                return true;
            }
            finally
            {
                TryDelete(results);
            }
        }

        private void LogFindings(object? report)
        {
            if (!(RunnerJson.Get(report, "findings") is List<object?> findings))
            {
                Log.LogError(null, CheckFailedCode, null, CloudAssemblyDirectory, 0, 0, 0, 0, "PerfLint: perflint check wrote no findings array.");
                return;
            }

            foreach (var finding in findings)
            {
                var position = RunnerJson.Get(finding, "source") ?? RunnerJson.Get(finding, "template");
                var file = RunnerJson.Str(position, "file");
                var line = RunnerJson.Int(position, "line");
                var column = RunnerJson.Int(position, "column");
                var rule = RunnerJson.Str(finding, "ruleId");
                var help = RunnerJson.Str(finding, "helpUri");
                var message = RunnerJson.Str(finding, "message") + " [" + RunnerJson.Str(finding, "constructPath") + "]";
                switch (RunnerJson.Str(finding, "severity"))
                {
                    case "error":
                        Log.LogError("PerfLint", rule, null, help, file, line, column, 0, 0, message);
                        break;
                    case "warning":
                        Log.LogWarning("PerfLint", rule, null, help, file, line, column, 0, 0, message);
                        break;
                    case "info":
                        // MSBuild has no info level; a high-importance message shows in the default verbosity.
                        Log.LogMessage("PerfLint", rule, null, file, line, column, 0, 0, MessageImportance.High, rule + ": " + message);
                        break;
                    default:
                        continue;
                }

                FindingCount++;
            }
        }

        /// <summary>The compiler's SARIF file from ErrorLog ("path,version=2.1"), if it exists.</summary>
        private string? CompilerSarif()
        {
            if (string.IsNullOrWhiteSpace(ErrorLog))
            {
                return null;
            }

            var path = ErrorLog!.Split(',')[0].Trim();
            if (!Path.IsPathRooted(path))
            {
                path = Path.Combine(ProjectDirectory, path);
            }

            return File.Exists(path) ? path : null;
        }

        private static void TryDelete(string path)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
                else if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
