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

    // Messages written from Data/instance-types.csv (vCPU, memory, us-east-1 On-Demand Linux price of both types).
    private const string M7iLarge = "'m7i.large' runs on x86; the Graviton twin 'm7g.large' (2 vCPU, 8 GiB, $0.0816/h vs $0.1008/h, EC2 On-Demand us-east-1, 2026-07-20) gives better price-performance if the software supports arm64";
    private const string M6iXlarge = "'m6i.xlarge' runs on x86; the Graviton twin 'm6g.xlarge' (4 vCPU, 16 GiB, $0.154/h vs $0.192/h, EC2 On-Demand us-east-1, 2026-07-20) gives better price-performance if the software supports arm64";
    private const string T3Micro = "'t3.micro' runs on x86; the Graviton twin 't4g.micro' (2 vCPU, 1 GiB, $0.0084/h vs $0.0104/h, EC2 On-Demand us-east-1, 2026-07-20) gives better price-performance if the software supports arm64";
    private const string T3Large = "'t3.large' runs on x86; the Graviton twin 't4g.large' (2 vCPU, 8 GiB, $0.0672/h vs $0.0832/h, EC2 On-Demand us-east-1, 2026-07-20) gives better price-performance if the software supports arm64";
    private const string DbM6iLarge = "'db.m6i.large' runs on x86; the Graviton twin 'db.m6g.large' (2 vCPU, 8 GiB, $0.077/h vs $0.096/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher)) gives better price-performance if the software supports arm64";
    private const string ImageMustChange = "; the machine image must change to an arm64 image too";
    private const string Lambda = "Lambda function runs on x86_64; arm64 (Graviton) is priced about 20% lower per GB-second and is often faster, if its dependencies support arm64";

    private static DiagnosticResult Expect(int location, string message) =>
        VerifyAnalyzer.Diagnostic(RuleIds.GravitonOpportunity).WithLocation(location).WithSeverity(DiagnosticSeverity.Info).WithMessage(message);

    private static DiagnosticResult ExpectLambda(int location) => Expect(location, Lambda);

    [Test]
    public Task X86_general_purpose_families_with_a_graviton_twin() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new InstanceProps { InstanceType = InstanceType.Of({|#0:InstanceClass.M7I|}, InstanceSize.LARGE) };
        new InstanceProps { InstanceType = InstanceType.Of({|#1:InstanceClass.BURSTABLE3|}, InstanceSize.MICRO) };
        new Rds.DatabaseInstanceProps { InstanceType = InstanceType.Of({|#2:InstanceClass.M6I|}, InstanceSize.LARGE) };
        new CfnInstanceProps { InstanceType = {|#3:"m6i.xlarge"|} };
        """), Expect(0, M7iLarge), Expect(1, T3Micro), Expect(2, DbM6iLarge), Expect(3, M6iXlarge));

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
        """), "PL1005.allowed_families = m7i", Expect(0, T3Large));

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
        """), new[] { Expect(0, M7iLarge), Expect(1, M6iXlarge), ExpectLambda(2), ExpectLambda(3), ExpectLambda(4) }, Stack($$"""
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
        source.Contains("X86_64") ? ExpectLambda(0) : Expect(0, M7iLarge));

    [Test]
    public Task Windows_images_have_no_arm64_build_and_are_not_reported() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new InstanceProps { InstanceType = InstanceType.Of(InstanceClass.T3, InstanceSize.MICRO), MachineImage = MachineImage.LatestWindows(WindowsVersion.WINDOWS_SERVER_2022_ENGLISH_FULL_BASE) };
        new InstanceProps { MachineImage = new WindowsImage(WindowsVersion.WINDOWS_SERVER_2019_ENGLISH_FULL_BASE), InstanceType = InstanceType.Of(InstanceClass.M7I, InstanceSize.LARGE) };
        new InstanceProps { InstanceType = new InstanceType("m6i.xlarge"), MachineImage = MachineImage.GenericWindows(new System.Collections.Generic.Dictionary<string, string> { ["us-east-1"] = "ami-0123456789abcdef0" }) };
        new LaunchTemplateProps { InstanceType = InstanceType.Of(InstanceClass.T3, InstanceSize.LARGE), MachineImage = MachineImage.LatestWindows(WindowsVersion.WINDOWS_SERVER_2022_ENGLISH_FULL_BASE) };
        """));

    [Test]
    public Task X86_or_unknown_image_is_reported_without_a_fix_and_says_the_image_must_change() => Verify.VerifyNoFixAsync(Stack("""
        new InstanceProps { InstanceType = InstanceType.Of({|#0:InstanceClass.M7I|}, InstanceSize.LARGE), MachineImage = MachineImage.LatestAmazonLinux2() };
        new InstanceProps { InstanceType = InstanceType.Of({|#1:InstanceClass.T3|}, InstanceSize.MICRO), MachineImage = MachineImage.LatestAmazonLinux2023() };
        new LaunchTemplateProps { MachineImage = MachineImage.LatestAmazonLinux2023(new AmazonLinux2023ImageSsmParameterProps { CpuType = AmazonLinuxCpuType.X86_64 }), InstanceType = InstanceType.Of({|#2:InstanceClass.T3|}, InstanceSize.LARGE) };
        new CfnInstanceProps { ImageId = "ami-0123456789abcdef0", InstanceType = {|#3:"m6i.xlarge"|} };
        """), Expect(0, M7iLarge + ImageMustChange), Expect(1, T3Micro + ImageMustChange), Expect(2, T3Large + ImageMustChange), Expect(3, M6iXlarge + ImageMustChange));

    [Test]
    public Task Arm64_image_or_no_image_keeps_the_fix() => Verify.VerifyCodeFixAsync(Stack("""
        new InstanceProps { InstanceType = InstanceType.Of({|#0:InstanceClass.M7I|}, InstanceSize.LARGE), MachineImage = MachineImage.LatestAmazonLinux2023(new AmazonLinux2023ImageSsmParameterProps { CpuType = AmazonLinuxCpuType.ARM_64 }) };
        new InstanceProps { InstanceType = InstanceType.Of({|#1:InstanceClass.T3|}, InstanceSize.MICRO), MachineImage = MachineImage.LatestAmazonLinux2(new AmazonLinux2ImageSsmParameterProps { CpuType = AmazonLinuxCpuType.ARM_64 }) };
        new LaunchTemplateProps { InstanceType = InstanceType.Of({|#2:InstanceClass.T3|}, InstanceSize.LARGE) };
        """), new[] { Expect(0, M7iLarge), Expect(1, T3Micro), Expect(2, T3Large) }, Stack("""
        new InstanceProps { InstanceType = InstanceType.Of(InstanceClass.M7G, InstanceSize.LARGE), MachineImage = MachineImage.LatestAmazonLinux2023(new AmazonLinux2023ImageSsmParameterProps { CpuType = AmazonLinuxCpuType.ARM_64 }) };
        new InstanceProps { InstanceType = InstanceType.Of(InstanceClass.T4G, InstanceSize.MICRO), MachineImage = MachineImage.LatestAmazonLinux2(new AmazonLinux2ImageSsmParameterProps { CpuType = AmazonLinuxCpuType.ARM_64 }) };
        new LaunchTemplateProps { InstanceType = InstanceType.Of(InstanceClass.T4G, InstanceSize.LARGE) };
        """));

    [Test]
    public Task Runtimes_without_arm64_are_not_reported() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack($$"""
        new Function(this, "A", new FunctionProps { Runtime = Runtime.PYTHON_3_7, Handler = "index.handler", Code = Code.FromInline("x") });
        new Function(this, "B", new FunctionProps { Runtime = Runtime.PYTHON_3_7, Handler = "index.handler", Code = Code.FromInline("x"), Architecture = Architecture.X86_64 });
        new Function(this, "C", new FunctionProps { Runtime = Runtime.GO_1_X, Handler = "main", Code = Code.FromInline("x") });
        new Function(this, "D", new FunctionProps { Runtime = Runtime.JAVA_8, Handler = "App::handle", Code = Code.FromInline("x") });
        new CfnFunction(this, "E", new CfnFunctionProps { {{CfnProps}}, Runtime = "python3.7" });
        new CfnFunction(this, "F", new CfnFunctionProps { {{CfnProps}}, Runtime = "python3.7", Architectures = new[] { "x86_64" } });
        """));

    [Test]
    public Task Runtimes_with_arm64_are_reported() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack($$"""
        new Function(this, "A", new {|#0:FunctionProps|} { Runtime = Runtime.PYTHON_3_12, Handler = "index.handler", Code = Code.FromInline("x") });
        new Function(this, "B", new FunctionProps { Runtime = Runtime.PYTHON_3_8, Handler = "index.handler", Code = Code.FromInline("x"), Architecture = {|#1:Architecture.X86_64|} });
        new CfnFunction(this, "C", new {|#2:CfnFunctionProps|} { {{CfnProps}}, Runtime = "python3.12" });
        new CfnFunction(this, "D", new CfnFunctionProps { {{CfnProps}}, Runtime = "java8.al2", Architectures = new[] { {|#3:"x86_64"|} } });
        """), ExpectLambda(0), ExpectLambda(1), ExpectLambda(2), ExpectLambda(3));

    [Test]
    public Task Runtime_through_a_helper_is_read_with_the_architecture() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack($$"""
        AddFunction(this, Runtime.PYTHON_3_7, Architecture.X86_64);
        AddFunction(this, Runtime.PYTHON_3_9, {|#0:Architecture.X86_64|});
        """, $$"""
        static void AddFunction(Construct scope, Runtime runtime, Architecture architecture) =>
            new Function(scope, "F" + runtime.Name, new FunctionProps { Runtime = runtime, Handler = "index.handler", Code = Code.FromInline("x"), Architecture = architecture });
        """), ExpectLambda(0));

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
