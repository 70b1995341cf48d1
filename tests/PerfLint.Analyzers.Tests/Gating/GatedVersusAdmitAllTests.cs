using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PerfLint.AnalyzerBenchmarks.Generation;
using PerfLint.Analyzers.Gating;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Testing;

namespace PerfLint.Analyzers.Tests.Gating;

/// <summary>
/// The gates decide from syntax which bodies are bound, and each must admit every body its rule could report: these
/// tests run every PerfLint analyzer over real apps twice, gated and with every body admitted
/// (<see cref="OperationDispatch.AdmitAllBodiesKey"/>), and require the same diagnostics (id, location, severity,
/// message). The analyzer verifiers run every rule test both ways too (<see cref="TestSetup.AdmitAllBodies"/>).
/// </summary>
public class GatedVersusAdmitAllTests
{
    /// <summary>The CDK apps of this repository, each compiled on its own.</summary>
    private static readonly string[] AppDirectories =
    {
        "samples/CdkApp",
        "tests/PerfLint.Check.Tests/Apps/WholeApp",
        "tests/PerfLint.Check.Tests/Apps/CdkProviders",
    };

    // PL1005 is off by default: turned on so that its gate is compared too.
    private static readonly Dictionary<string, ReportDiagnostic> EveryRule = new() { ["PL1005"] = ReportDiagnostic.Info };

    [TestCaseSource(nameof(AppDirectories))]
    public async Task An_app_of_the_repository(string directory)
    {
        var root = Path.Combine(RepositoryRoot.Path, directory);
        var sources = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllText);
        var gated = await AssertSameAsync(sources);
        if (directory == "samples/CdkApp")
        {
            Assert.That(gated, Is.Not.Empty, "the sample has a problem for every rule");
        }
    }

    [Test]
    public async Task The_generated_600_file_app_of_the_benchmarks()
    {
        var gated = await AssertSameAsync(CdkProjectGenerator.Generate(600).Sources);
        Assert.That(gated, Is.Not.Empty, "one construct in eight carries a problem");
    }

    [Test]
    public async Task The_robustness_seeds()
    {
        for (var i = 0; i < RobustnessTestsSamples.Seeds.Length; i++)
        {
            await AssertSameAsync(new Dictionary<string, string> { ["Seed" + i + ".cs"] = RobustnessTestsSamples.Seeds[i] });
        }
    }

    /// <summary>Runs every analyzer gated and admitting every body, asserts the same diagnostics and no exceptions, and returns them.</summary>
    private static async Task<List<string>> AssertSameAsync(IReadOnlyDictionary<string, string> sources)
    {
        var compilation = CSharpCompilation.Create(
            "GatedVersusAdmitAll",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Value, new CSharpParseOptions(LanguageVersion.Latest), path: "/app/" + s.Key)),
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var gated = await RunAsync(compilation, admitAll: false);
        var admitAll = await RunAsync(compilation, admitAll: true);
        Assert.Multiple(() =>
        {
            Assert.That(admitAll.Except(gated), Is.Empty, "reported only with every body admitted: a gate turned away a body its rule needs");
            Assert.That(gated.Except(admitAll), Is.Empty, "reported only when gated");
            Assert.That(gated, Is.EqualTo(admitAll), "the same diagnostics, as often");
        });
        return gated;
    }

    private static async Task<List<string>> RunAsync(Compilation compilation, bool admitAll)
    {
        var global = admitAll ? new Dictionary<string, string> { [OperationDispatch.AdmitAllBodiesKey] = "true" } : new Dictionary<string, string>();
        var run = await AnalyzerRunner.RunAsync(compilation, AnalyzerRunner.AllAnalyzers(), EveryRule,
            configOptions: new TestConfigOptionsProvider(new Dictionary<string, string>(), global));
        Assert.That(run.Exceptions, Is.Empty);
        return run.AnalyzerDiagnostics
            .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.Severity}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToList();
    }
}
