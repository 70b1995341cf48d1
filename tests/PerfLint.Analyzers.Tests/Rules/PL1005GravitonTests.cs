using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Rules;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using static PerfLint.Analyzers.Tests.Infrastructure.CdkSource;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<PerfLint.Analyzers.Rules.GravitonAnalyzer, PerfLint.CodeFixes.GravitonFixer>;
using VerifyAnalyzer = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.GravitonAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL1005 (info, off by default): Graviton twins and Lambda functions on x86_64. The verifiers turn PL1005 on.</summary>
public class PL1005GravitonTests
{
    private const string LambdaProps = "Runtime = Runtime.NODEJS_20_X, Handler = \"index.handler\", Code = Code.FromInline(\"x\")";

    private static DiagnosticResult Expect(int location, string instanceType)
    {
        var finding = GravitonRule.EvaluateInstance(instanceType) ?? throw new AssertionException("no PL1005 finding for " + instanceType);
        return VerifyAnalyzer.Diagnostic(RuleIds.GravitonOpportunity).WithLocation(location).WithSeverity(DiagnosticSeverity.Info).WithMessage(finding.Message);
    }

    private static DiagnosticResult ExpectLambda(int location) =>
        VerifyAnalyzer.Diagnostic(RuleIds.GravitonOpportunity).WithLocation(location).WithSeverity(DiagnosticSeverity.Info)
            .WithMessage(GravitonRule.EvaluateLambdaArchitecture(null)!.Message);

    [Test]
    public Task X86_general_purpose_families_with_a_graviton_twin() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new InstanceProps { InstanceType = InstanceType.Of({|#0:InstanceClass.M7I|}, InstanceSize.LARGE) };
        new InstanceProps { InstanceType = InstanceType.Of({|#1:InstanceClass.BURSTABLE3|}, InstanceSize.MICRO) };
        new Rds.DatabaseInstanceProps { InstanceType = InstanceType.Of({|#2:InstanceClass.M6I|}, InstanceSize.LARGE) };
        new CfnInstanceProps { InstanceType = {|#3:"m6i.xlarge"|} };
        """), Expect(0, "m7i.large"), Expect(1, "t3.micro"), Expect(2, "db.m6i.large"), Expect(3, "m6i.xlarge"));

    [Test]
    public Task Graviton_compute_memory_and_accelerated_families_are_not_reported() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new InstanceProps { InstanceType = InstanceType.Of(InstanceClass.M7G, InstanceSize.LARGE) };
        new InstanceProps { InstanceType = InstanceType.Of(InstanceClass.C5, InstanceSize.LARGE) };
        new InstanceProps { InstanceType = InstanceType.Of(InstanceClass.R5, InstanceSize.LARGE) };
        new InstanceProps { InstanceType = InstanceType.Of(InstanceClass.G5, InstanceSize.XLARGE) };
        """));

    [Test]
    public Task Lambda_on_x86_64_explicitly_or_by_default() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack($$"""
        new Function(this, "A", new {|#0:FunctionProps|} { {{LambdaProps}} });
        new Function(this, "B", new FunctionProps { {{LambdaProps}}, Architecture = {|#1:Architecture.X86_64|} });
        new Function(this, "C", new FunctionProps { {{LambdaProps}}, Architecture = Architecture.ARM_64 });
        var props = new FunctionProps { {{LambdaProps}} };
        new Function(this, "D", props);
        Function.FromFunctionAttributes(this, "E", new FunctionAttributes { FunctionArn = "arn" });
        """), ExpectLambda(0), ExpectLambda(1));

    private const string CfnProps = "Code = new CfnFunction.CodeProperty { ZipFile = \"x\" }, Role = \"arn:aws:iam::1:role/r\"";

    [Test]
    public Task Cfn_function_on_x86_64_explicitly_or_by_default() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack($$"""
        new CfnFunction(this, "G", new CfnFunctionProps { {{CfnProps}}, Architectures = new[] { {|#0:"x86_64"|} } });
        new CfnFunction(this, "H", new {|#1:CfnFunctionProps|} { {{CfnProps}} });
        new CfnFunction(this, "I", new CfnFunctionProps { {{CfnProps}}, Architectures = new[] { "arm64" } });
        """), ExpectLambda(0), ExpectLambda(1));

    [Test]
    public Task Fix_for_cfn_functions() => Verify.VerifyCodeFixAsync(Stack($$"""
        new CfnFunction(this, "G", new CfnFunctionProps { {{CfnProps}}, Architectures = new[] { {|#0:"x86_64"|} } });
        new CfnFunction(this, "H", new {|#1:CfnFunctionProps|} { {{CfnProps}} });
        """), new[] { ExpectLambda(0), ExpectLambda(1) }, Stack($$"""
        new CfnFunction(this, "G", new CfnFunctionProps { {{CfnProps}}, Architectures = new[] { "arm64" } });
        new CfnFunction(this, "H", new CfnFunctionProps { {{CfnProps}}, Architectures = new[] { "arm64" } });
        """));

    [Test]
    public Task Architecture_through_a_helper_is_reported_at_the_call_site() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack($$"""
        AddFunction(this, {|#0:Architecture.X86_64|});
        AddFunction(this, Architecture.ARM_64);
        """, $$"""
        static void AddFunction(Construct scope, Architecture architecture) =>
            new Function(scope, "F" + architecture.Name, new FunctionProps { {{LambdaProps}}, Architecture = architecture });
        """), ExpectLambda(0));

    [Test]
    public Task Off_by_default()
    {
        return Run();

        static async Task Run()
        {
            var source = Stack("new InstanceProps { InstanceType = InstanceType.Of(InstanceClass.M7I, InstanceSize.LARGE) };");
            var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(new[] { source }),
                System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new GravitonAnalyzer()));
            Assert.That(run.AnalyzerDiagnostics, Is.Empty);
            var enabled = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(new[] { source }),
                System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new GravitonAnalyzer()),
                new Dictionary<string, ReportDiagnostic> { ["PL1005"] = ReportDiagnostic.Info });
            Assert.That(enabled.AnalyzerDiagnostics.Select(d => d.Id), Is.EqualTo(new[] { "PL1005" }));
        }
    }

    [Test]
    public Task Allowed_families_option() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new InstanceProps { InstanceType = InstanceType.Of(InstanceClass.M7I, InstanceSize.LARGE) };
        new InstanceProps { InstanceType = InstanceType.Of({|#0:InstanceClass.T3|}, InstanceSize.LARGE) };
        """), "PL1005.allowed_families = m7i", Expect(0, "t3.large"));

    [Test]
    public Task Fix_switches_to_graviton_and_fixes_all() => Verify.VerifyCodeFixAsync(Stack($$"""
        new InstanceProps { InstanceType = InstanceType.Of({|#0:InstanceClass.M7I|}, InstanceSize.LARGE) };
        new CfnInstanceProps { InstanceType = {|#1:"m6i.xlarge"|} };
        new Function(this, "B", new FunctionProps { {{LambdaProps}}, Architecture = {|#2:Architecture.X86_64|} });
        new Function(this, "A", new {|#3:FunctionProps|} { {{LambdaProps}} });
        new Function(this, "C", new {|#4:FunctionProps|}
        {
            Runtime = Runtime.NODEJS_20_X,
            Handler = "index.handler",
            Code = Code.FromInline("x"),
        });
        """), new[] { Expect(0, "m7i.large"), Expect(1, "m6i.xlarge"), ExpectLambda(2), ExpectLambda(3), ExpectLambda(4) }, Stack($$"""
        new InstanceProps { InstanceType = InstanceType.Of(InstanceClass.M7G, InstanceSize.LARGE) };
        new CfnInstanceProps { InstanceType = "m6g.xlarge" };
        new Function(this, "B", new FunctionProps { {{LambdaProps}}, Architecture = Architecture.ARM_64 });
        new Function(this, "A", new FunctionProps { {{LambdaProps}}, Architecture = Architecture.ARM_64 });
        new Function(this, "C", new FunctionProps
        {
            Runtime = Runtime.NODEJS_20_X,
            Handler = "index.handler",
            Code = Code.FromInline("x"),
            Architecture = Architecture.ARM_64,
        });
        """));

    private static IEnumerable<TestCaseData> Shapes() =>
        ValueFlowShapes.For("new CfnInstanceProps { InstanceType = {V} };", "string", "\"m7i.large\"")
            .Concat(ValueFlowShapes.For("new Function(scope, \"F\", new FunctionProps { " + LambdaProps + ", Architecture = {V} });", "Architecture", "Architecture.X86_64", "lambda: ", canBeConst: false));

    [TestCaseSource(nameof(Shapes))]
    public Task Every_value_flow_shape(string source) => VerifyAnalyzer.VerifyAnalyzerAsync(source,
        source.Contains("X86_64") ? ExpectLambda(0) : Expect(0, "m7i.large"));

    [Test]
    public Task Nothing_without_the_cdk() => NoCdkAssert.NoDiagnosticsWithoutCdkAsync("""
        namespace Amazon.CDK.AWS.Lambda
        {
            public class Architecture { public static Architecture X86_64 { get; } = new(); }
            public class FunctionProps { public Architecture? Architecture { get; set; } }
            public class Function { public Function(object scope, string id, FunctionProps props) { } }
            class U { void M() { new Function(this, "F", new FunctionProps { Architecture = Architecture.X86_64 }); new Function(this, "G", new FunctionProps()); } }
        }
        """);
}
