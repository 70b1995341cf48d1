using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>
/// PL1006 and PL4003 on a synthesized template (Apps/WholeApp/AcceleratorRoleStack.cs): the whole-app rules of
/// Knowledge judge the template with no check code of their own. Messages are written by hand from
/// Data/sagemaker-types.csv, Data/instance-types.csv and Data/file-storage-throughput.csv.
/// </summary>
[TestFixture]
public sealed class AcceleratorRoleFindingsTests
{
    private CheckRun.Result _result = null!;

    [OneTimeSetUp]
    public void SynthesizeAndCheck()
    {
        var assembly = Synth.Run(Paths.WholeAppAssembly, "acceleratorrole", new Dictionary<string, string> { ["WHOLEAPP_STACK"] = "AcceleratorRoleStack" });
        _result = CheckRun.Json(assembly, "--project", Paths.WholeAppSources, "--editorconfig", CheckRun.EditorConfig());
    }

    [Test]
    public void TrainingTaskOnInferentiaIsAWarningReadFromTheStateMachineDefinition()
    {
        var findings = _result.FindingsOf("PL1006").Where(f => f.GetProperty("severity").GetString() == "warning").ToList();
        Assert.That(findings, Has.Count.EqualTo(1), _result.Summary);
        // Data/accelerator-roles.csv: inf1 is AWS Inferentia, inference only; trn1/trn1n/trn2 are the training accelerators.
        Assert.That(findings[0].GetProperty("message").GetString(), Is.EqualTo(
            "Training job on 'ml.inf1.xlarge': AWS Inferentia supports inference only, so the job cannot train there; train on a training accelerator (AWS Trainium, AWS Trainium2) or a GPU type"));
        // Shown at the state machine whose definition holds the task, in the template and at its C# creation.
        Assert.That(findings[0].GetProperty("constructPath").GetString(), Is.EqualTo("AcceleratorRoleStack/Training"));
        var file = Path.Combine(Paths.WholeAppSources, "AcceleratorRoleStack.cs");
        var line = Array.FindIndex(File.ReadAllLines(file), l => l.Contains("new Sfn.StateMachine(this, \"Training\"", StringComparison.Ordinal)) + 1;
        var source = findings[0].GetProperty("source");
        Assert.That((source.GetProperty("file").GetString(), source.GetProperty("line").GetInt32()), Is.EqualTo((file, line)));
    }

    [Test]
    public void SmallModelOnATrainingInstanceIsInfoWithCandidates()
    {
        var findings = _result.FindingsOf("PL1006").Where(f => f.GetProperty("severity").GetString() == "info").ToList();
        Assert.That(findings, Has.Count.EqualTo(1), _result.Summary);
        // Mistral 7B: 7.3B x 2 bytes = 13.6 GiB, x 1.2 = 16.32 GiB; ml.p4de.24xlarge: 8x A100 = 640 GiB; the smallest GPU hosting types holding it.
        Assert.That((findings[0].GetProperty("severity").GetString(), findings[0].GetProperty("message").GetString()), Is.EqualTo(("info",
            "Training instance serving a model that fits a much smaller one: 'mistralai/Mistral-7B-Instruct-v0.2' needs 16.32 GiB (~7.3B parameters x 2 bytes (fp16/bf16 (default)) + 20% headroom), " +
            "at most 1/4 of the 640 GiB of 8x A100 on 'ml.p4de.24xlarge', a training instance; benchmark inference instances whose accelerators hold it: " +
            "'ml.g5.xlarge' (4 vCPU, 16 GiB, 1x A10G (22.35 GiB)), 'ml.g6.xlarge' (4 vCPU, 16 GiB, 1x L4 (22.35 GiB)), 'ml.g5.2xlarge' (8 vCPU, 32 GiB, 1x A10G (22.35 GiB))")));
    }

    [Test]
    public void DefaultThroughputEfsReadByAGpuInstanceIsReportedAndTheElasticOneIsNot()
    {
        var findings = _result.FindingsOf("PL4003");
        Assert.That(findings, Has.Count.EqualTo(1), _result.Summary);
        // g5.xlarge: 4 vCPU, 16 GiB, 1x A10G of 22.35 GiB; the L2 writes no ThroughputMode, and the EFS default is bursting.
        Assert.That((findings[0].GetProperty("severity").GetString(), findings[0].GetProperty("message").GetString()), Is.EqualTo(("info",
            "EFS file system 'AcceleratorRoleStack/TrainingData' is read by accelerated compute 'AcceleratorRoleStack/Trainer' ('g5.xlarge', 4 vCPU, 16 GiB, 1x A10G (22.35 GiB)): " +
            "Bursting throughput (the EFS default when ThroughputMode is unset) gives a baseline of 50 KiB/s per GiB stored and bursts to 100 MiB/s only while burst credits last; " +
            "use Elastic throughput (20-60 GiBps read, 1-5 GiBps write per file system) or FSx for Lustre PERSISTENT_2 (125, 250, 500, 1000 MB/s per TiB of storage)")));
    }
}
