using PerfLint.Check.Checks;
using PerfLint.Check.Config;
using PerfLint.Check.Findings;
using PerfLint.Check.Mapping;
using PerfLint.Check.Output;
using PerfLint.Check.Templates;

namespace PerfLint.Check;

/// <summary>
/// `perflint check`: read a cloud assembly, run the template rules of the shared knowledge base, map findings to
/// C# lines, drop what the analyzers already reported, write text/SARIF/JSON. Exit 0 (nothing at the fail-on
/// severity), 1 (something), 2 (bad input or usage).
/// </summary>
public static class CheckCommand
{
    public const int ExitOk = 0;
    public const int ExitFindings = 1;
    public const int ExitBadInput = 2;

    /// <summary>The action of <see cref="CheckCommandDefinition"/>: check, write the report, return the exit code.</summary>
    public static int Run(CheckArguments arguments, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var report = Report(arguments);
            Write(report, arguments, stdout);
            var failing = arguments.FailOn is { } threshold && report.Findings.Any(f => f.Severity >= threshold);
            return failing ? ExitFindings : ExitOk;
        }
        catch (Exception e) when (e is CheckInputException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("perflint check: " + e.Message);
            return ExitBadInput;
        }
    }

    public static CheckReport Report(CheckArguments arguments)
    {
        // PERFLINT_CHECK_TIMINGS=1 prints where the time goes (stderr), for performance work.
        var timings = Environment.GetEnvironmentVariable("PERFLINT_CHECK_TIMINGS") == "1";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string name, TimeSpan elapsed)
        {
            if (timings)
            {
                Console.Error.WriteLine($"perflint check: {name}: {elapsed.TotalMilliseconds:0} ms");
            }
        }

        var model = CloudAssemblyReader.Read(arguments.Input);
        Phase("read", watch.Elapsed);
        var projectDirectory = arguments.Project ?? ProjectLocator.FindProjectDirectory(model.RootDirectory);
        if (arguments.Project != null && !Directory.Exists(arguments.Project))
        {
            throw new CheckInputException($"{arguments.Project}: --project directory not found");
        }

        var settings = EditorConfigLoader.Load(projectDirectory, arguments.EditorConfig);
        if (projectDirectory == null && arguments.EditorConfig == null)
        {
            // Settings are per project: without one, none of the project's .editorconfig options apply. Said once, so lost settings show.
            model.Notes.Add($"no C# project found in or above {model.RootDirectory}: no .editorconfig applies and findings are not mapped to C# (pass --project or --editorconfig)");
        }

        // The user price file the analyzers read too: --prices (the build passes $(PerfLintPricesFile)), else
        // perflint.prices.json beside the project, or perflint_prices_file.
        if (PerfLint.Prices.PriceFileLocator.Find(arguments.Prices, settings.PricesFile, projectDirectory)?.Book is { } prices)
        {
            settings.UsePrices(prices);
        }

        // The measured capacity file the analyzers read too (perflint.capacity.json beside the project); a bad one is ignored, as there.
        var capacityPath = projectDirectory == null ? null : Path.Combine(projectDirectory, PerfLint.Knowledge.Capacity.CapacityFile.DefaultFileName);
        if (capacityPath != null && File.Exists(capacityPath) && PerfLint.Knowledge.Capacity.CapacityFile.TryParse(File.ReadAllText(capacityPath)) is { } capacity)
        {
            settings.UseCapacity(capacity, Path.GetFileName(capacityPath));
        }

        var findings = TemplateChecker.Run(model, settings, Phase);
        watch.Restart();
        if (projectDirectory != null)
        {
            var index = CSharpSourceIndex.Build(projectDirectory);
            foreach (var finding in findings)
            {
                // The CDK's own constructs have no line in the app; a like-named id of the user's is another construct.
                if (!finding.Resource.IsCdkOwned && index.Find(finding.Resource.ConstructPath) is { } site)
                {
                    finding.SourcePosition = site.Refine(finding.SourceProperty ?? finding.Property);
                    finding.SourceSpan = site.StatementLines;
                    finding.SourceConstruct = site.Construct;
                    if (arguments.ExcludeReported != null)
                    {
                        // Only the comparison with the analyzers' results reads where a helper creates the construct.
                        finding.HelperCreations = index.CreationsInside(site).Select(c => (c.FilePath, c.StatementLines, c.Construct)).ToList();
                    }
                }
            }
        }

        Phase("map to C#", watch.Elapsed);
        var excluded = 0;
        if (arguments.ExcludeReported != null)
        {
            var reported = ReportedFindings.Load(arguments.ExcludeReported);
            excluded = findings.RemoveAll(f => f.SourcePosition is { } p &&
                                               (reported.Contains(f.RuleId, p.File, p.Line, f.SourceSpan, f.SourceConstruct) ||
                                                f.HelperCreations.Any(h => reported.Contains(f.RuleId, h.File, h.Span.Start, h.Span, h.Construct)) ||
                                                reported.ContainsMessage(f.RuleId, p.File, f.EquivalentMessages.Prepend(f.Message))));
        }

        return new CheckReport(Path.GetFullPath(arguments.Input), projectDirectory, model.Stacks.Count, model.Resources.Count(), findings, model.Notes, excluded);
    }

    private static void Write(CheckReport report, CheckArguments arguments, TextWriter stdout)
    {
        // Read before anything is written: a bad --srcroot or --baseline is bad input, not a half-written report.
        var root = arguments.Format is ReportFormat.Sarif or ReportFormat.Markdown
            ? Sarif.SourceRoot.Find(arguments.SrcRoot, report.ProjectDirectory ?? report.Input)
            : null;
        var baseline = arguments.Baseline == null ? null : Sarif.BaselineKeys.Load(arguments.Baseline);
        if (arguments.Format is ReportFormat.Text or ReportFormat.MsBuild or ReportFormat.Markdown)
        {
            Action<CheckReport, TextWriter> write = arguments.Format switch
            {
                ReportFormat.Text => TextReportWriter.Write,
                ReportFormat.MsBuild => MsBuildReportWriter.Write,
                _ => (r, w) => MarkdownReportWriter.Write(r, w, root!, baseline),
            };
            if (arguments.Output == null)
            {
                write(report, stdout);
                return;
            }

            using var file = new StreamWriter(arguments.Output);
            write(report, file);
            return;
        }

        using var stream = arguments.Output == null ? new MemoryStream() : (Stream)File.Create(arguments.Output);
        if (arguments.Format == ReportFormat.Sarif)
        {
            SarifReportWriter.Write(report, stream, root!);
        }
        else
        {
            JsonReportWriter.Write(report, stream);
        }

        if (stream is MemoryStream memory)
        {
            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(memory.ToArray()));
        }
    }
}
