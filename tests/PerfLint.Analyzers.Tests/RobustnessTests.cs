using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Tests.Infrastructure;

namespace PerfLint.Analyzers.Tests;

/// <summary>
/// No PerfLint analyzer may throw (AD0001) or hang on code as it is typed in an IDE: half-written expressions,
/// missing arguments, wrong types, and a deterministic fuzz over mutated samples. Runs every analyzer of
/// PerfLint.Analyzers (both authors' rules), with PL1005 switched on.
/// </summary>
public class RobustnessTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = AnalyzerRunner.AllAnalyzers();

    private static readonly Dictionary<string, ReportDiagnostic> AllOn = new() { ["PL1005"] = ReportDiagnostic.Info };

    /// <summary>Bodies as typed, one keystroke at a time; each is placed into a stack constructor.</summary>
    private static readonly string[] Incomplete =
    {
        "new InstanceType(",
        "new InstanceType()",
        "new InstanceType(42);",
        "InstanceType.Of(InstanceClass.",
        "InstanceType.Of(InstanceClass.M4, );",
        "InstanceType.Of(InstanceClass.M4);",
        "InstanceType.Of(InstanceSize.LARGE, InstanceClass.M4);",
        "new InstanceProps { InstanceType = InstanceType.Of(InstanceClass.M4, InstanceSize.LARGE",
        "new InstanceProps { InstanceType = }",
        "new InstanceProps { InstanceType = \"m4.large\" };",
        "new InstanceProps { InstanceType = null };",
        "new CfnCacheClusterProps { CacheNodeType = 42 };",
        "new CfnCacheClusterProps { CacheNodeType = \"cache.\" + };",
        "new CfnCacheClusterProps { CacheNodeType = $\"cache.{}.large\" };",
        "new CfnCacheClusterProps { CacheNodeType = Missing.Value };",
        "new CfnCacheClusterProps { CacheNodeType = x };",
        "var x = x; new CfnCacheClusterProps { CacheNodeType = x };",
        "new CfnCacheClusterProps { CacheNodeType = Helper( };",
        "Helper(\"cache.m4.large\"",
        "Helper(\"cache.m4.large\", 1, 2);",
        "Helper();",
        "Recurse(\"cache.m4.large\");",
        "new VolumeProps { VolumeType = EbsDeviceVolumeType. };",
        "new VolumeProps { VolumeType = \"gp2\" };",
        "new Rds.DatabaseInstanceProps { StorageType = Rds.StorageType.GP2 + 1 };",
        "new Function(this, \"F\", new FunctionProps {",
        "new Function(this, \"F\", new FunctionProps { Architecture = Architecture. });",
        "new Function(this, \"F\", new FunctionProps { Architecture = \"arm64\" });",
        "new Function(this, \"F\", new());",
        "new EnableScalingProps { MinCapacity = 2, MaxCapacity = };",
        "new EnableScalingProps { MinCapacity = \"2\", MaxCapacity = 2 };",
        "new EnableScalingProps { MinCapacity = 2, MinCapacity = 2, MaxCapacity = 2 };",
        "new BasicTargetTrackingScalingPolicyProps { PredefinedMetric = PredefinedMetric., TargetValue = 70 };",
        "new BasicTargetTrackingScalingPolicyProps { TargetValue = 1 / 0 };",
        "new CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty { TargetValue = 70, PredefinedMetricSpecification = new() { PredefinedMetricType = } };",
        "new Sm.CfnEndpointConfig.ProductionVariantProperty { InstanceType = , VariantName = };",
        "new Sm.CfnModel(this, \"M\", new Sm.CfnModelProps { PrimaryContainer = new Sm.CfnModel.ContainerDefinitionProperty { Image = , Environment = new Dictionary<string, object> { [\"HF_MODEL_ID\"] = } } });",
        "new CfnCacheClusterProps { CacheNodeType = Stage switch { \"prod\" => , _ => } };",
        "new CfnCacheClusterProps { CacheNodeType = Stage switch { \"prod\" => \"cache.m4.large\", _ };",
        "string n; switch (Stage) { case : n = \"cache.m4.large\"; break; case \"x\" n = ; } new CfnCacheClusterProps { CacheNodeType = n };",
        "new CfnCacheClusterProps { CacheNodeType = Stage == \"prod\" ? : \"cache.m4.large\" };",
        "new CfnCacheClusterProps { CacheNodeType = Stage ? \"cache.m4.large\" : \"cache.t3.small\" };",
        "new CfnCacheClusterProps { CacheNodeType = Stage ?? };",
        "new CfnCacheClusterProps { CacheNodeType = ?? \"cache.m4.large\" };",
        "string[] c = [ ; new CfnCacheClusterProps { CacheNodeType = c[0] };",
        "string[] c = [.., \"cache.m4.large\"]; new CfnCacheClusterProps { CacheNodeType = c[1] };",
        "List<string> c = [\"cache.m4.large\", 42]; new CfnCacheClusterProps { CacheNodeType = c[0] };",
        "var c = [\"cache.m4.large\"]; new CfnCacheClusterProps { CacheNodeType = c[0] };",
        "Dictionary<string, string> c = new() { [\"prod\"] = }; new CfnCacheClusterProps { CacheNodeType = c[Stage] };",
        "new CfnCacheClusterProps { CacheNodeType = Nodes[ };",
        "new CfnCacheClusterProps { CacheNodeType = Nodes[Stage, 1] };",
        "Nodes.TryGetValue(Stage, out ); new CfnCacheClusterProps { CacheNodeType = n };",
        "Nodes.TryGetValue(out var n); new CfnCacheClusterProps { CacheNodeType = n };",
        "new CfnCacheClusterProps { CacheNodeType = (Prod with { Node = }).Node };",
        "new CfnCacheClusterProps { CacheNodeType = new Sizing().Node };",
        "new CfnCacheClusterProps { CacheNodeType = new Sizing(\"cache.m4.large\") { Node = }.Node };",
        "new CfnCacheClusterProps { CacheNodeType = Prod. };",
        "Func<string, string> f = n => ; new CfnCacheClusterProps { CacheNodeType = f(\"cache.m4.large\") };",
        "Func<string, string> f = (a, b) => a; new CfnCacheClusterProps { CacheNodeType = f(\"cache.m4.large\") };",
        "string L(string n) => ; new CfnCacheClusterProps { CacheNodeType = L(\"cache.m4.large\") };",
        "string L(string n) => L(n); new CfnCacheClusterProps { CacheNodeType = L(L(\"cache.m4.large\")) };",
        "new PrimaryWorker(this, );",
        "new PrimaryWorker(this, \"cache.m4.large\", 3);",
        "new Worker(this, );",
        "new Worker(",
        "}}}}",
        "{{{{",
        "new",
        "= = =",
    };

    private const string Members = """
        static string Helper(string nodeType) { new CfnCacheClusterProps { CacheNodeType = nodeType }; return nodeType; }
        static string Recurse(string n) => Recurse(Recurse(n));
        class Worker : Construct { public Worker(Construct s, InstanceClass c) : base(s, "w") { new InstanceProps { InstanceType = InstanceType.Of(c, InstanceSize.LARGE) }; } }
        static readonly string Stage = "prod";
        static readonly Dictionary<string, string> Nodes = new() { ["prod"] = "cache.m4.large" };
        record Sizing(string Node);
        static readonly Sizing Prod = new("cache.m4.large");
        class PrimaryWorker(Construct s, string node) : Construct(s, "p") { CfnCacheClusterProps P => new() { CacheNodeType = node }; }
        """;

    [TestCaseSource(nameof(Incomplete))]
    public async Task Incomplete_code_does_not_make_any_analyzer_throw(string body)
    {
        var source = CdkSource.Stack(body, Members).Replace("using Constructs;", "using Constructs;\nusing System.Collections.Generic;");
        var run = await RunAsync(new[] { source });
        Assert.That(run.Exceptions, Is.Empty);
    }

    [Test]
    public async Task Seeds_compile_and_are_analyzed_without_exceptions()
    {
        var compilation = AnalyzerRunner.Compile(RobustnessTestsSamples.Seeds);
        Assert.That(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty, "the fuzz seeds must be valid code");
        var run = await RunAsync(RobustnessTestsSamples.Seeds);
        Assert.That(run.Exceptions, Is.Empty);
        Assert.That(run.AnalyzerDiagnostics.Select(d => d.Id).Distinct(), Does.Contain("PL1001").And.Contain("PL4001").And.Contain("PL5003"),
            "the seeds reach the rules, so the mutations exercise them");
    }

    /// <summary>
    /// 480 variants (seed 20261129): delete, duplicate or swap random tokens of the seeds. Each batch of variants
    /// is one compilation; every analyzer runs over it under a time limit.
    /// </summary>
    [Test]
    public async Task Fuzzed_samples_do_not_make_any_analyzer_throw()
    {
        var random = new Random(20261129);
        var seeds = RobustnessTestsSamples.Seeds.Select(s => CSharpSyntaxTree.ParseText(s).GetRoot().DescendantTokens(descendIntoTrivia: false).ToArray()).ToArray();
        const int Batches = 60, PerBatch = 8;
        for (var b = 0; b < Batches; b++)
        {
            var variants = new List<string>();
            for (var v = 0; v < PerBatch; v++)
            {
                variants.Add(Mutate(seeds[random.Next(seeds.Length)], random));
            }

            var run = await RunAsync(variants);
            Assert.That(run.Exceptions, Is.Empty, "batch " + b + ":\n" + string.Join("\n-----\n", variants));
        }
    }

    [Test]
    public async Task The_harness_catches_an_analyzer_that_throws()
    {
        // Proves the assertions above can fail: an analyzer exception surfaces in AnalyzerRun.Exceptions.
        var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(new[] { "class C { int M() => 1; }" }),
            ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()));
        Assert.That(run.Exceptions, Has.Some.Contains("ThrowingAnalyzer"));
    }

#pragma warning disable RS1036, RS2008 // test-only analyzer
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("THROW", "t", "t", "Test", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => throw new InvalidOperationException("boom"), OperationKind.Literal);
        }
    }
#pragma warning restore RS1036, RS2008

    private static string Mutate(SyntaxToken[] tokens, Random random)
    {
        var list = tokens.Select(t => t.ToFullString()).ToList();
        var edits = 1 + random.Next(4);
        for (var i = 0; i < edits && list.Count > 2; i++)
        {
            var at = random.Next(list.Count - 1);
            switch (random.Next(3))
            {
                case 0:
                    list.RemoveAt(at);
                    break;
                case 1:
                    list.Insert(at, list[random.Next(list.Count)]);
                    break;
                default:
                    (list[at], list[at + 1]) = (list[at + 1], list[at]);
                    break;
            }
        }

        return string.Concat(list);
    }

    private static async Task<AnalyzerRun> RunAsync(IEnumerable<string> sources)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(sources), Analyzers, AllOn, timeout.Token);
    }
}
