namespace PerfLint.Bench.Utilization;

/// <summary>Averages over a step's measured phase (memory: peak). Null means "n/a": the tool was missing or silent.</summary>
public sealed class UtilizationResult
{
    public double? ContainerCpuPercent { get; set; }
    public double? ContainerMemoryMiB { get; set; }
    public double? GpuUtilizationPercent { get; set; }
    public double? GpuMemoryMiB { get; set; }
    public double? GpuPowerWatts { get; set; }
    public double? NeuronCoreUtilizationPercent { get; set; }
    public int Samples { get; set; }
    public List<string> Notes { get; set; } = new();
}
