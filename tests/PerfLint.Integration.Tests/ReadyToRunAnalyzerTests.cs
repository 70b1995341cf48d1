using PerfLint.Testing;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using PerfLint.Integration.Tests.Infrastructure;

namespace PerfLint.Integration.Tests;

/// <summary>
/// The analyzers' precompiled (ReadyToRun) images for linux-x64: the build makes them beside each analyzer assembly
/// (analyzers/ReadyToRun.targets), and PerfLint.ReadyToRun.targets hands them to the .NET SDK's compiler instead of
/// the IL images. Checked on what matters: they are images of the same assemblies, and a fresh compiler really runs
/// their code instead of JIT-compiling PerfLint, with the same diagnostics.
/// </summary>
[TestFixture]
public sealed class ReadyToRunAnalyzerTests
{
    // The PE machine of a ReadyToRun image for Linux on x64: IMAGE_FILE_MACHINE_AMD64 xor the runtime's Linux marker.
    private const ushort LinuxX64ReadyToRunMachine = 0x8664 ^ 0x7B79;

    private static readonly Regex PerfLintMethodJitted = new(@"JIT compiled PerfLint\.", RegexOptions.Compiled);

    [SetUp]
    public void OnlyOnLinuxX64()
    {
        if (!Repository.ReadyToRunApplies)
        {
            Assert.Ignore("ReadyToRun images are built and used on linux-x64 only");
        }
    }

    [TestCaseSource(nameof(AnalyzerAssemblies))]
    public void Build_makes_a_linux_x64_ReadyToRun_image_of_the_same_assembly(string ilImage)
    {
        var image = Repository.ReadyToRunImage(ilImage);
        Assert.That(File.Exists(image), Is.True, image + " was not built");

        using var il = new PEReader(File.OpenRead(ilImage));
        using var r2r = new PEReader(File.OpenRead(image));
        Assert.Multiple(() =>
        {
            Assert.That(il.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size, Is.Zero, "the IL image must stay IL only");
            Assert.That(r2r.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size, Is.Positive, "no ReadyToRun header");
            Assert.That((ushort)r2r.PEHeaders.CoffHeader.Machine, Is.EqualTo(LinuxX64ReadyToRunMachine));
            Assert.That(Mvid(r2r), Is.EqualTo(Mvid(il)), "the image was compiled from another build of the assembly");
        });
    }

    [Test]
    public void Fresh_compiler_runs_the_precompiled_analyzers_with_the_same_diagnostics()
    {
        using var project = ScratchProject.Copy("WorkerStack", referenceCdk: true);

        var (precompiledJit, precompiled) = BuildWithJitLog(project, "precompiled");
        var precompiledResults = Results(project);
        var (ilJit, il) = BuildWithJitLog(project, "il", "-p:PerfLintReadyToRun=false");
        var ilResults = Results(project);
        TestContext.Out.WriteLine($"PerfLint methods JIT-compiled by a fresh compiler: {precompiledJit} with the images, {ilJit} with IL");

        Assert.Multiple(() =>
        {
            Assert.That(precompiled.Output, Does.Contain("readytorun/linux-x64/PerfLint.Analyzers.dll"), "the compiler was not given the precompiled image");
            Assert.That(il.Output, Does.Not.Contain("readytorun/linux-x64/PerfLint"), "PerfLintReadyToRun=false must keep the IL images");
            Assert.That(precompiledResults, Is.Not.Empty, "the sample's findings are missing");
            Assert.That(precompiledResults, Is.EqualTo(ilResults), "the precompiled analyzers report differently");
            // With IL images a fresh compiler JIT-compiles hundreds of PerfLint methods; with the images only those
            // ReadyToRun rejects.
            Assert.That(ilJit, Is.GreaterThan(150), "the IL build JIT-compiled too few PerfLint methods to compare");
            Assert.That(precompiledJit, Is.LessThan(ilJit / 10), "the compiler JIT-compiled PerfLint instead of running its precompiled code");
        });
    }

    private static IEnumerable<string> AnalyzerAssemblies() => Repository.AnalyzerAssemblies;

    private static Guid Mvid(PEReader reader)
    {
        var metadata = reader.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }

    /// <summary>
    /// A full build with a fresh compiler whose JIT lists every method it compiles (every process of the build
    /// appends to the file; only the compiler loads PerfLint): the number of PerfLint methods JIT-compiled.
    /// </summary>
    private static (int PerfLintMethodsJitted, ProcessResult Build) BuildWithJitLog(ScratchProject project, string name, params string[] extra)
    {
        var log = Path.Combine(project.Directory, "jit-" + name + ".txt");
        var environment = new Dictionary<string, string> { ["DOTNET_JitStdOutFile"] = log, ["DOTNET_JitDisasmSummary"] = "1" };
        var build = project.Build(environment, new[] { "--no-incremental", "-v:n", "-p:UseSharedCompilation=false" }.Concat(extra).ToArray());
        Assert.That(build.ExitCode, Is.Zero, build.Tail());
        Assert.That(File.Exists(log), Is.True, "the runtime wrote no JIT log");
        return (File.ReadLines(log).Count(PerfLintMethodJitted.IsMatch), build);
    }

    private static List<string> Results(ScratchProject project) =>
        SarifLog.Load(project.SarifPath).PerfLintResults.Select(r => $"{r.RuleId} {r.Line} {r.Message}").OrderBy(r => r, StringComparer.Ordinal).ToList();
}
