using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PerfLint.Tasks
{
    /// <summary>
    /// What the CDK CLI hands a CDK app when `cdk synth` runs it: the directory of the app's <c>cdk.json</c> (the nearest
    /// one in or above the project, when its <c>app</c> runs this project) as the working directory, and the context as
    /// <c>CDK_CONTEXT_JSON</c>. The context is the CLI's (aws-cdk <c>settings.ts</c>, <c>Configuration.load</c>): the
    /// command line's <c>--context</c> over <c>cdk.json</c>'s <c>context</c> over <c>cdk.context.json</c> over
    /// <c>~/.cdk.json</c>'s <c>context</c>, objects merged key by key; then, as its <c>exec.ts</c> does, path and asset
    /// metadata and version reporting on unless <c>cdk.json</c> turns them off, and every stack bundled.
    /// </summary>
    /// <remarks>Written here rather than taken from the CLI: the CLI is a node program the build need not have.</remarks>
    public sealed class CdkCliSettings
    {
        private CdkCliSettings(string workingDirectory, string? cdkJson, string contextJson)
        {
            WorkingDirectory = workingDirectory;
            CdkJson = cdkJson;
            ContextJson = contextJson;
        }

        /// <summary>Where the app runs: the directory of its cdk.json, else the project's.</summary>
        public string WorkingDirectory { get; }

        /// <summary>The cdk.json read, or null when none applies.</summary>
        public string? CdkJson { get; }

        /// <summary>The value of <c>CDK_CONTEXT_JSON</c>.</summary>
        public string ContextJson { get; }

        /// <summary>
        /// The settings for the project in <paramref name="projectDirectory"/> (file <paramref name="projectFile"/>),
        /// with <paramref name="assignments"/> (<c>key=value</c>, as <c>cdk synth -c</c>) and the user's home directory
        /// (null: none). <paramref name="note"/> receives why a cdk.json found was not used.
        /// </summary>
        public static CdkCliSettings For(string projectDirectory, string projectFile, IEnumerable<string> assignments, string? home, Action<string> note)
        {
            var cdkJson = FindCdkJson(projectDirectory);
            JsonObject? config = null;
            if (cdkJson != null)
            {
                config = ReadObject(cdkJson);
                var app = (config?["app"] as JsonValue)?.ToString();
                var directory = Path.GetDirectoryName(cdkJson)!;
                if (!SameDirectory(directory, projectDirectory) && (app == null || app.IndexOf(Path.GetFileName(projectFile), StringComparison.OrdinalIgnoreCase) < 0))
                {
                    note($"PerfLint: {cdkJson} runs another app ('{app}'); synthesizing {Path.GetFileName(projectFile)} in its own directory without that file's context");
                    cdkJson = null;
                    config = null;
                }
            }

            var workingDirectory = cdkJson == null ? projectDirectory : Path.GetDirectoryName(cdkJson)!;
            var bags = new List<JsonObject?>
            {
                CommandLine(assignments),
                config?["context"] as JsonObject,
                cdkJson == null ? null : ReadObject(Path.Combine(workingDirectory, "cdk.context.json")),
                home == null ? null : ReadObject(Path.Combine(home, ".cdk.json"))?["context"] as JsonObject,
            };

            var context = new JsonObject();
            for (var i = bags.Count - 1; i >= 0; i--)
            {
                Merge(context, bags[i]);
            }

            // exec.ts: settings that default to on (cdk.json may turn them off) become context the app reads.
            if (Setting(config, "pathMetadata"))
            {
                context["aws:cdk:enable-path-metadata"] = true;
            }

            if (Setting(config, "assetMetadata"))
            {
                context["aws:cdk:enable-asset-metadata"] = true;
            }

            if (Setting(config, "versionReporting"))
            {
                context["aws:cdk:version-reporting"] = true;
            }
            else
            {
                context["aws:cdk:disable-version-reporting"] = true;
            }

            if (!Setting(config, "staging"))
            {
                context["aws:cdk:disable-asset-staging"] = true;
            }

            context["aws:cdk:bundling-stacks"] = new JsonArray("**");
            return new CdkCliSettings(workingDirectory, cdkJson, context.ToJsonString());
        }

        private static string? FindCdkJson(string directory)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir != null; dir = dir.Parent)
            {
                var file = Path.Combine(dir.FullName, "cdk.json");
                if (File.Exists(file))
                {
                    return file;
                }
            }

            return null;
        }

        private static bool SameDirectory(string a, string b) =>
            string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);

        /// <summary><c>key=value</c> pairs; the value is a string, as the CLI passes it (an item without '=' is ignored, as the CLI warns and skips it).</summary>
        private static JsonObject CommandLine(IEnumerable<string> assignments)
        {
            var bag = new JsonObject();
            foreach (var assignment in assignments)
            {
                var equals = assignment.IndexOf('=');
                if (equals > 0)
                {
                    bag[assignment.Substring(0, equals).Trim()] = assignment.Substring(equals + 1);
                }
            }

            return bag;
        }

        /// <summary>A boolean setting of cdk.json that defaults to true.</summary>
        private static bool Setting(JsonObject? config, string name) =>
            !(config?[name] is JsonValue value && value.TryGetValue<bool>(out var on) && !on);

        /// <summary>The CLI's deep merge: <paramref name="source"/>'s keys win, objects on both sides merge key by key.</summary>
        private static void Merge(JsonObject target, JsonObject? source)
        {
            if (source == null)
            {
                return;
            }

            foreach (var pair in source.ToList())
            {
                if (pair.Value is JsonObject inner && target[pair.Key] is JsonObject existing)
                {
                    Merge(existing, inner);
                }
                else
                {
                    target[pair.Key] = pair.Value?.DeepClone();
                }
            }
        }

        private static JsonObject? ReadObject(string file)
        {
            if (!File.Exists(file))
            {
                return null;
            }

            try
            {
                return JsonNode.Parse(File.ReadAllText(file)) as JsonObject;
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{file}: malformed JSON: {e.Message}", e);
            }
        }
    }
}
