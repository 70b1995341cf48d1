using PerfLint.Testing;
namespace PerfLint.Integration.Tests.Infrastructure;

/// <summary>
/// One `dotnet build samples/CdkApp` with the real SDK, into a temp folder of its own (so it always compiles and
/// never collides with a build in the working tree), writing a SARIF 2.1 error log. Built once, read by many tests.
/// </summary>
internal sealed class SampleBuild
{
    private static readonly Lazy<SampleBuild> Shared = new(() => new SampleBuild(), LazyThreadSafetyMode.ExecutionAndPublication);

    private SampleBuild()
    {
        // Deleted at process exit rather than per test: several fixtures read this one build.
        Output = new TempDirectory("perflint-sample");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Output.Dispose();
        SarifPath = Output.Combine("out.sarif");
        Result = ProcessRunner.Dotnet(Repository.Root, TimeSpan.FromMinutes(5), null,
            "build", Path.Combine(Repository.SampleDirectory, "CdkApp.csproj"),
            "-c", Repository.Configuration, "-nologo",
            // The analyzers were built by AnalyzerBuild; building them again here would race nothing but cost time.
            "-p:BuildProjectReferences=false",
            "-p:PerfLintSampleOutput=" + Output.Path,
            "-p:ErrorLog=" + SarifPath + "%2Cversion=2.1");
    }

    public static SampleBuild Instance => Shared.Value;

    public TempDirectory Output { get; }

    public string SarifPath { get; }

    public ProcessResult Result { get; }

    public SarifLog Sarif => SarifLog.Load(SarifPath);
}
