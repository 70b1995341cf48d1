using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>
/// PL2002 on EC2 Fleets (Apps/WholeApp/Ec2FleetStack.cs, synthesized for real): a fleet shape written only in
/// Knowledge's whole-app rules, which `perflint check` reports with no code of its own.
/// </summary>
[TestFixture]
public sealed class Ec2FleetFindingsTests
{
    [Test]
    public void FleetWithoutClusterPlacementIsReportedOnItsOverrideAndThePlacedOneIsNot()
    {
        var assembly = Synth.Run(Paths.WholeAppAssembly, "ec2fleets", new Dictionary<string, string> { ["WHOLEAPP_STACK"] = "Ec2FleetStack" });
        var result = CheckRun.Json(assembly, "--project", Paths.WholeAppSources, "--editorconfig", CheckRun.EditorConfig());

        Assert.That(result.FindingsOf("PL2002").Select(f => f.GetProperty("constructPath").GetString()), Is.EqualTo(new[] { "Ec2FleetStack/Trainers" }), result.Summary);
        var finding = result.Single("PL2002", "Ec2FleetStack/Trainers");
        // TotalTargetCapacity 8 / WeightedCapacity 2 = 4 instances; p5.48xlarge in instance-types.csv: 192 vCPU, 2048 GiB, 8x H100 of 80 GiB.
        Assert.That(finding.GetProperty("message").GetString(), Is.EqualTo(
            "Up to 4 'p5.48xlarge' instances (192 vCPU, 2048 GiB, 8x H100 (640 GiB)) run without a cluster placement group: collective operations between them cross the wider AZ network; add a placement group with strategy 'cluster'"));
        Assert.That(finding.GetProperty("property").GetString(), Is.EqualTo("LaunchTemplateConfigs[0].Overrides[0].InstanceType"));

        // Mapped back to the override's InstanceType in the C# of the Trainers fleet (the first fleet of the file).
        var file = Path.Combine(Paths.WholeAppSources, "Ec2FleetStack.cs");
        var lines = File.ReadAllLines(file);
        var line = Array.FindIndex(lines, l => l.Contains("InstanceType = \"p5.48xlarge\"", StringComparison.Ordinal)) + 1;
        var source = finding.GetProperty("source");
        Assert.That(source.GetProperty("file").GetString(), Is.EqualTo(file));
        Assert.That((source.GetProperty("line").GetInt32(), source.GetProperty("column").GetInt32()), Is.EqualTo((line, lines[line - 1].IndexOf("\"p5.48xlarge\"", StringComparison.Ordinal) + 1)));
    }
}
