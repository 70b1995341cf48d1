using PerfLint.Testing;
namespace PerfLint.Check.Tests.Infrastructure;

/// <summary>
/// Synthesizes CDK C# apps for real (node via jsii), once per app per test run. Each synth gets its own TMPDIR
/// (jsii unpacks its files there on every synth), deleted afterwards.
/// </summary>
public static class Synth
{
    private static readonly Lazy<string> WholeApp = new(() => Run(Paths.WholeAppAssembly, "wholeapp"));

    private static readonly Lazy<string> CdkProviders = new(() => Run(Paths.CdkProvidersAssembly, "cdkproviders"));

    /// <summary>The cloud assembly of Apps/WholeApp (built with the test project).</summary>
    public static string WholeAppAssembly => WholeApp.Value;

    /// <summary>The cloud assembly of Apps/CdkProviders (the CDK's own Lambda functions next to the user's).</summary>
    public static string CdkProvidersAssembly => CdkProviders.Value;

    public static string Run(string appAssembly, string name, IDictionary<string, string>? extraEnvironment = null)
    {
        Assert.That(File.Exists(appAssembly), Is.True, $"{appAssembly} is built with the test project");
        var outDir = Path.Combine(Paths.NewScratchDirectory(name), "cdk.out");
        var temp = Paths.NewScratchDirectory(name + "-tmp");
        try
        {
            var environment = new Dictionary<string, string> { ["CDK_OUTDIR"] = outDir, ["TMPDIR"] = temp };
            foreach (var (k, v) in extraEnvironment ?? new Dictionary<string, string>())
            {
                environment[k] = v;
            }

            var result = ProcessRunner.Run("dotnet", new[] { "exec", appAssembly }, Path.GetDirectoryName(appAssembly)!, environment, timeout: TimeSpan.FromSeconds(300));
            Assert.That(result.ExitCode, Is.Zero, "synth failed:\n" + result.Output);
            Assert.That(File.Exists(Path.Combine(outDir, "manifest.json")), Is.True, "synth wrote no manifest.json:\n" + result.Output);
            return outDir;
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
