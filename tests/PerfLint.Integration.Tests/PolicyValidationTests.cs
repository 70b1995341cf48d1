using PerfLint.Testing;
using PerfLint.Integration.Tests.Infrastructure;

namespace PerfLint.Integration.Tests;

/// <summary>
/// PerfLint.Cdk from a local feed in a fresh CDK app: the policy-validation plugin sees the stacks inside a Stage, runs
/// the packaged runner of the PerfLint package the app references, and fails synthesis (the app's exit code, which
/// `cdk synth` reports) at the configured severity.
/// </summary>
[Category("Package")]
public class PolicyValidationTests
{
    private const string Program = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.EC2;
        using PerfLint.Cdk;

        var plugin = new PerfLintPolicyValidation(new PerfLintPolicyValidationProps { FailOn = System.Environment.GetEnvironmentVariable("FAIL_ON") });
        var app = new App(new AppProps
        {
            Outdir = System.Environment.GetEnvironmentVariable("CDK_OUTDIR"),
            PolicyValidationBeta1 = new IPolicyValidationPluginBeta1[] { plugin },
        });
        var prod = new Stage(app, "Prod");
        var stack = new Stack(prod, "Data");
        new Volume(stack, "Logs", new VolumeProps
        {
            AvailabilityZone = "us-east-1a",
            Size = Size.Gibibytes(100),
            VolumeType = EbsDeviceVolumeType.GP2,
        });
        app.Synth();
        """;

    [Test]
    public void The_plugin_fails_synthesis_on_a_finding_in_a_Stage_and_passes_below_the_configured_severity()
    {
        using var work = new TempDirectory("perflint-policy");
        var feed = work.Combine("feed");
        var perflint = LocalFeed.PackTestVersion("analyzers/PerfLint.Package/PerfLint.Package.csproj", feed);
        var plugin = LocalFeed.PackTestVersion("tasks/PerfLint.Cdk/PerfLint.Cdk.csproj", feed);
        using var restoredPerflint = LocalFeed.Restored("PerfLint", perflint);
        using var restoredPlugin = LocalFeed.Restored("PerfLint.Cdk", plugin);

        var app = work.Combine("app");
        LocalFeed.WriteCdkConsumer(app, feed, Program, ("PerfLint", perflint), ("PerfLint.Cdk", plugin));
        var tmp = work.Combine("tmp");
        Directory.CreateDirectory(tmp);
        var build = ProcessRunner.Dotnet(app, TimeSpan.FromMinutes(8), new Dictionary<string, string> { ["TMPDIR"] = tmp }, "build", "-nologo");
        Assert.That(build.ExitCode, Is.Zero, build.Tail());

        // What `cdk synth` runs: the app, with CDK_OUTDIR set.
        var failing = ProcessRunner.Dotnet(app, TimeSpan.FromMinutes(5),
            new Dictionary<string, string> { ["TMPDIR"] = tmp, ["CDK_OUTDIR"] = work.Combine("out-default") }, "run", "--no-build");
        var passing = ProcessRunner.Dotnet(app, TimeSpan.FromMinutes(5),
            new Dictionary<string, string> { ["TMPDIR"] = tmp, ["CDK_OUTDIR"] = work.Combine("out-error"), ["FAIL_ON"] = "error" }, "run", "--no-build");
        Assert.Multiple(() =>
        {
            Assert.That(failing.ExitCode, Is.EqualTo(1), failing.Tail());
            Assert.That(failing.Output, Does.Contain("PL4001"), failing.Tail());
            Assert.That(failing.Output, Does.Contain("gp2 volume"), failing.Tail());
            Assert.That(failing.Output, Does.Contain("Validation failed"), failing.Tail());
            Assert.That(passing.ExitCode, Is.Zero, passing.Tail());
            Assert.That(passing.Output, Does.Contain("Policy Validation Successful!"), passing.Tail());
            Assert.That(passing.Output, Does.Not.Contain("PL4001"), passing.Tail());
        });
    }
}
