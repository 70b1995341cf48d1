using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>A string or number read from a CDK context file for one key: what <c>Node.TryGetContext(key)</c> returns at synth.</summary>
    public sealed class CdkContextValue
    {
        internal CdkContextValue(string fileName, string key, object value, Location location)
        {
            FileName = fileName;
            Key = key;
            Value = value;
            Location = location;
        }

        /// <summary>The file the value is written in (<c>cdk.json</c> or <c>cdk.context.json</c>).</summary>
        public string FileName { get; }

        /// <summary>The context key.</summary>
        public string Key { get; }

        /// <summary>The string, or the number as a double.</summary>
        public object Value { get; }

        /// <summary>The value in the JSON file (an additional file's location).</summary>
        public Location Location { get; }

        /// <summary>What every finding about a context value adds to the rule's message: the one wording of it.</summary>
        public string MessageSuffix => " (" + FileName + " context \"" + Key + "\")";
    }

    /// <summary>
    /// The CDK context the app is synthesized with, as far as files show it: the <c>context</c> object of the
    /// <c>cdk.json</c> among the additional files (the package's targets add the nearest one above the project) and the
    /// <c>cdk.context.json</c> beside it. A key of both files is cdk.json's: the CDK CLI reads context from the
    /// command line, then cdk.json's <c>context</c>, then cdk.context.json, then ~/.cdk.json, and a key's value is the
    /// first one found (aws-cdk CLI, <c>Configuration.load</c> and <c>Context.get</c>, lib/api/context.ts: "Reads come
    /// from the first property bag that has the given key"; the CDK v2 guide, "Save and retrieve context variable
    /// values", https://docs.aws.amazon.com/cdk/v2/guide/get-context-var.html: "If you specify a context variable using
    /// both the AWS CDK CLI and cdk.json file, the AWS CDK CLI value takes precedence"). A <c>-c</c> on the command
    /// line cannot be seen here. Read once per compilation; a missing or malformed file gives no values (never throws).
    /// </summary>
    public sealed class CdkContext
    {
        /// <summary>The project file whose <c>context</c> object holds the user's context.</summary>
        public const string ProjectFile = "cdk.json";

        /// <summary>The file where the CDK CLI caches looked-up context (a flat object).</summary>
        public const string CacheFile = "cdk.context.json";

        /// <summary>No context files.</summary>
        public static readonly CdkContext Empty = new CdkContext(new List<Source>());

        private static readonly ConditionalWeakTable<AnalyzerOptions, CdkContext> PerCompilation = new ConditionalWeakTable<AnalyzerOptions, CdkContext>();

        private readonly List<Source> _sources;

        private CdkContext(List<Source> sources)
        {
            _sources = sources;
            foreach (var source in sources)
            {
                foreach (var entry in source.Entries.Values)
                {
                    HasValues |= entry.IsScalar;
                }
            }
        }

        /// <summary>True when some key holds a string or a number (only then can a <c>TryGetContext</c> call matter to a rule).</summary>
        public bool HasValues { get; }

        /// <summary>The context of the compilation whose options these are.</summary>
        public static CdkContext For(AnalyzerOptions? options) => options == null ? Empty : PerCompilation.GetValue(options, Load);

        /// <summary>The string or number <paramref name="key"/> resolves to; null when it is missing, or an object, array, boolean or null.</summary>
        public CdkContextValue? Lookup(string key)
        {
            foreach (var source in _sources)
            {
                if (source.Entries.TryGetValue(key, out var entry))
                {
                    // The first file holding the key decides, whatever its value (the CLI's reads stop there).
                    return !entry.IsScalar ? null
                        : new CdkContextValue(source.FileName, key, entry.Value!, Location.Create(source.Path, entry.Span, source.Text.Lines.GetLinePositionSpan(entry.Span)));
                }
            }

            return null;
        }

        private static CdkContext Load(AnalyzerOptions options)
        {
            try
            {
                var project = First(options, ProjectFile, null);
                var cache = First(options, CacheFile, project);
                var sources = new List<Source>();
                AddSource(sources, project, "context");
                AddSource(sources, cache, null);
                return sources.Count == 0 ? Empty : new CdkContext(sources);
            }
            catch (Exception)
            {
                // A context file must never break analysis (AD0001): without it, TryGetContext stays unknown.
                return Empty;
            }
        }

        /// <summary>The first additional file called <paramref name="name"/>, in the directory of <paramref name="beside"/> when given (not another project's).</summary>
        private static AdditionalText? First(AnalyzerOptions options, string name, AdditionalText? beside)
        {
            foreach (var file in options.AdditionalFiles)
            {
                if (string.Equals(System.IO.Path.GetFileName(file.Path), name, StringComparison.OrdinalIgnoreCase) &&
                    (beside == null || string.Equals(System.IO.Path.GetDirectoryName(file.Path), System.IO.Path.GetDirectoryName(beside.Path), StringComparison.Ordinal)))
                {
                    return file;
                }
            }

            return null;
        }

        private static void AddSource(List<Source> sources, AdditionalText? file, string? member)
        {
            var text = file?.GetText();
            var entries = text == null ? null : ContextJson.Read(text.ToString(), member);
            if (file != null && text != null && entries != null)
            {
                sources.Add(new Source(file.Path, System.IO.Path.GetFileName(file.Path), text, entries));
            }
        }

        private sealed class Source
        {
            public Source(string path, string fileName, SourceText text, Dictionary<string, ContextEntry> entries)
            {
                Path = path;
                FileName = fileName;
                Text = text;
                Entries = entries;
            }

            public string Path { get; }

            public string FileName { get; }

            public SourceText Text { get; }

            public Dictionary<string, ContextEntry> Entries { get; }
        }
    }
}
