using PerfLint.Testing;
using PerfLint.Integration.Tests.Infrastructure;

namespace PerfLint.Integration.Tests;

/// <summary>
/// What a team does on Monday: pack PerfLint, add one PackageReference to a CDK app from a local feed, build. The
/// analyzers must squiggle from analyzers/dotnet/cs, and `-p:PerfLintSynth=true` must run the packaged tasks and the
/// packaged runner (tools/perflint.dll) on the synthesized template.
/// </summary>
[Category("Package")]
public class PackageConsumptionTests
{
    private const string Program = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.EC2;

        var app = new App(new AppProps { Outdir = System.Environment.GetEnvironmentVariable("CDK_OUTDIR") });
        var stack = new Stack(app, "PackagedStack");
        new Volume(stack, "Data", new VolumeProps
        {
            AvailabilityZone = "us-east-1a",
            Size = Size.Gibibytes(100),
            VolumeType = EbsDeviceVolumeType.GP2,
        });
        // Built at run time: only the synthesized template shows "m4.large".
        var family = string.Join("", new[] { "m", "4" });
        new CfnInstance(stack, "Legacy", new CfnInstanceProps { InstanceType = family + ".large", ImageId = "ami-12345678" });
        app.Synth();
        """;

    [Test]
    public void The_READMEs_pack_command_works_on_a_fresh_clone_with_NUGET_PACKAGES_without_a_trailing_slash()
    {
        if (!Directory.Exists(Path.Combine(Repository.Root, ".git")))
        {
            Assert.Ignore("not a git checkout: nothing to clone");
        }

        using var work = new TempDirectory("perflint-fresh-pack");
        var clone = work.Combine("clone");
        var cloned = ProcessRunner.Run("git", new[] { "clone", "--quiet", Repository.Root, clone }, work.Path, null, TimeSpan.FromMinutes(2));
        Assert.That(cloned.ExitCode, Is.Zero, cloned.Output);
        // The cache this machine already has, named as CI caches name it: no trailing slash.
        var cache = LocalFeed.GlobalPackagesFolder.TrimEnd('/');
        var pack = ProcessRunner.Dotnet(clone, TimeSpan.FromMinutes(8), new Dictionary<string, string> { ["NUGET_PACKAGES"] = cache },
            "pack", "analyzers/PerfLint.Package", "-c", "Release", "-o", "feed", "-nologo");
        Assert.That(pack.ExitCode, Is.Zero, pack.Tail());
        Assert.That(Directory.GetFiles(Path.Combine(clone, "feed"), "PerfLint.*.nupkg"), Has.Length.EqualTo(1));
    }

    [Test]
    public void The_tool_package_installs_globally_and_in_a_local_manifest_and_runs_check()
    {
        using var work = new TempDirectory("perflint-tool");
        var feed = work.Combine("feed");
        // The assembly's version too (--version prints it), not only the package's.
        var version = LocalFeed.PackTestVersion("benchmarks-runner/PerfLint.Runner/PerfLint.Runner.csproj", feed);

        // dotnet tool install -g, into a folder of its own (--tool-path) so the machine's tools stay as they are.
        var tools = work.Combine("tools");
        var install = ProcessRunner.Dotnet(work.Path, TimeSpan.FromMinutes(3), null, "tool", "install", "PerfLint.Tool", "--version", version, "--tool-path", tools, "--add-source", feed);
        Assert.That(install.ExitCode, Is.Zero, install.Tail());
        var perflint = Path.Combine(tools, "perflint");
        var versionRun = ProcessRunner.Run(perflint, new[] { "--version" }, work.Path, null, TimeSpan.FromMinutes(1));
        Assert.That(versionRun.Output.Trim(), Does.StartWith(version + "+"), versionRun.Output);
        var template = work.File("Solo.template.json", """{ "Resources": { "V": { "Type": "AWS::EC2::Volume", "Properties": { "VolumeType": "gp2" } } } }""");
        var check = ProcessRunner.Run(perflint, new[] { "check", template, "--format", "msbuild" }, work.Path, null, TimeSpan.FromMinutes(1));
        Assert.That(check.Output, Does.Contain("warning PL4001: gp2 volume"), check.Output);

        // A local tool: the manifest entry, then `dotnet perflint`.
        var repo = work.Combine("repo");
        Directory.CreateDirectory(repo);
        Assert.That(ProcessRunner.Dotnet(repo, TimeSpan.FromMinutes(1), null, "new", "tool-manifest").ExitCode, Is.Zero);
        var local = ProcessRunner.Dotnet(repo, TimeSpan.FromMinutes(3), null, "tool", "install", "PerfLint.Tool", "--version", version, "--add-source", feed);
        Assert.That(local.ExitCode, Is.Zero, local.Tail());
        Assert.That(File.ReadAllText(Directory.GetFiles(repo, "dotnet-tools.json", SearchOption.AllDirectories).Single()), Does.Contain("\"perflint.tool\"").And.Contain("\"perflint\""));
        var localRun = ProcessRunner.Dotnet(repo, TimeSpan.FromMinutes(1), null, "perflint", "--version");
        Assert.That(localRun.Output.Trim(), Does.StartWith(version + "+"), localRun.Output);
    }

    [Test]
    public void Packed_package_brings_analyzers_tasks_and_runner()
    {
        using var work = new TempDirectory("perflint-package");
        var feed = work.Combine("feed");
        var version = LocalFeed.PackTestVersion("analyzers/PerfLint.Package/PerfLint.Package.csproj", feed);

        var app = work.Combine("app");
        LocalFeed.WriteCdkConsumer(app, feed, Program, ("PerfLint", version));

        // Each run restores a unique version into the global packages folder: remove it afterwards.
        var packages = LocalFeed.GlobalPackagesFolder;
        using var cached = LocalFeed.Restored("PerfLint", version);
        var tmp = work.Combine("tmp");
        Directory.CreateDirectory(tmp);
        // -v:n shows the compiler's command line: which analyzer images it was handed.
        var build = ProcessRunner.Dotnet(app, TimeSpan.FromMinutes(8), new Dictionary<string, string> { ["TMPDIR"] = tmp },
            "build", "-p:PerfLintSynth=true", "-nologo", "-v:n");

        Assert.That(build.ExitCode, Is.Zero, build.Tail());
        Assert.Multiple(() =>
        {
            // Analyzer from the package, at the enum member's line (Program.cs line 10).
            Assert.That(build.Output, Does.Match(@"Program\.cs\(10,\d+\): warning PL4001"), build.Tail());
            // Template-only finding from the packaged runner: the instance type exists only after synth.
            Assert.That(build.Output, Does.Match(@"warning PL1001: [^\r\n]*m4\.large"), build.Tail());
            // On linux-x64 the package's precompiled images (readytorun/, outside analyzers/) replace the IL ones.
            if (Repository.ReadyToRunApplies)
            {
                var package = Path.Combine(packages, "perflint", version.ToLowerInvariant());
                Assert.That(Path.Combine(package, "readytorun", "linux-x64", "PerfLint.Analyzers.dll"), Does.Exist);
                Assert.That(build.Output, Does.Match(@"/analyzer:\S*/perflint/[^/]+/readytorun/linux-x64/PerfLint\.Analyzers\.dll"));
                Assert.That(build.Output, Does.Not.Match(@"/analyzer:\S*/perflint/[^/]+/analyzers/dotnet/cs/PerfLint\.Analyzers\.dll"),
                    "the IL image was handed to the compiler as well");
            }
        });
    }
}
