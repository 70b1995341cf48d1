using System.Globalization;
using CliWrap;
using System.Text.Json;
using PerfLint.Bench.Containers;
using PerfLint.Bench.Spec;

namespace PerfLint.Bench.Utilization;

/// <summary>
/// Samples the container's CPU and memory through the engine (always) and the accelerator through nvidia-smi or
/// neuron-monitor when those tools are on PATH, while a step runs. A missing or failing tool gives "n/a", never an error.
/// Accelerator tools read this machine: with a remote engine they are skipped (noted in the report).
/// </summary>
public sealed class UtilizationSampler
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly ContainerEngine _engine;
    private readonly string _containerId;
    private readonly Accelerator _accelerator;

    public UtilizationSampler(ContainerEngine engine, string containerId, Accelerator accelerator)
    {
        _engine = engine;
        _containerId = containerId;
        _accelerator = accelerator;
    }

    /// <summary>Samples until <paramref name="stop"/> fires, then returns the averages.</summary>
    public async Task<UtilizationResult> SampleAsync(CancellationToken stop)
    {
        var cpu = new List<double>();
        var mem = new List<double>();
        var gpu = new List<double>();
        var gpuMem = new List<double>();
        var power = new List<double>();
        var result = new UtilizationResult();
        var nvidiaSmi = _accelerator == Accelerator.Nvidia && !_engine.IsRemote ? ProcessRunner.FindOnPath("nvidia-smi") : null;
        var neuron = _accelerator == Accelerator.Neuron && !_engine.IsRemote ? NeuronMonitor.TryStart() : null;
        NoteMissingTools(result, nvidiaSmi, neuron);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var stats = await ProcessRunner.RunAsync(_engine.CliPath,
                    new[] { "stats", "--no-stream", "--format", "json", _containerId }, TimeSpan.FromSeconds(15), stop);
                if (stats.Ok)
                {
                    var (c, m) = StatsParsing.Parse(stats.Stdout);
                    if (c is { } cv) cpu.Add(cv);
                    if (m is { } mv) mem.Add(mv);
                }
                if (nvidiaSmi != null) await SampleNvidiaAsync(nvidiaSmi, gpu, gpuMem, power, stop);
                result.Samples++;
                await Task.Delay(Interval, stop);
            }
        }
        catch (OperationCanceledException) { }
        finally
        {
            if (neuron != null) result.NeuronCoreUtilizationPercent = neuron.StopAndAverage();
        }
        result.ContainerCpuPercent = Avg(cpu);
        result.ContainerMemoryMiB = mem.Count > 0 ? mem.Max() : null;
        result.GpuUtilizationPercent = Avg(gpu);
        result.GpuMemoryMiB = gpuMem.Count > 0 ? gpuMem.Max() : null;
        result.GpuPowerWatts = Avg(power);
        if (cpu.Count == 0) result.Notes.Add($"container CPU/memory: n/a ({_engine.Name} stats gave no sample)");
        return result;
    }

    private void NoteMissingTools(UtilizationResult result, string? nvidiaSmi, NeuronMonitor? neuron)
    {
        if (_accelerator == Accelerator.Nvidia && nvidiaSmi == null)
            result.Notes.Add(_engine.IsRemote ? "GPU: n/a (remote engine; nvidia-smi reads this machine)" : "GPU: n/a (nvidia-smi not found)");
        if (_accelerator == Accelerator.Neuron && neuron == null)
            result.Notes.Add(_engine.IsRemote ? "Neuron: n/a (remote engine)" : "Neuron: n/a (neuron-monitor not found)");
    }

    private static double? Avg(List<double> values) => values.Count > 0 ? values.Average() : null;

    private static async Task SampleNvidiaAsync(string nvidiaSmi, List<double> gpu, List<double> gpuMem, List<double> power,
        CancellationToken stop)
    {
        var r = await ProcessRunner.RunAsync(nvidiaSmi,
            new[] { "--query-gpu=utilization.gpu,memory.used,power.draw", "--format=csv,noheader,nounits" },
            TimeSpan.FromSeconds(10), stop);
        if (!r.Ok) return;
        var (util, memory, watts) = ParseNvidiaSmi(r.Stdout);
        if (util is { } u) gpu.Add(u);
        if (memory is { } m) gpuMem.Add(m);
        if (watts is { } w) power.Add(w);
    }

    /// <summary>
    /// `nvidia-smi --query-gpu=utilization.gpu,memory.used,power.draw --format=csv,noheader,nounits`: one line per GPU,
    /// e.g. "87, 30512, 412.35". Several GPUs: utilization and power averaged, memory summed. "[N/A]" fields give null.
    /// </summary>
    internal static (double? Utilization, double? MemoryMiB, double? PowerWatts) ParseNvidiaSmi(string csv)
    {
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(',').Select(f => double.TryParse(f.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null).ToArray())
            .Where(f => f.Length >= 3).ToList();
        if (rows.Count == 0) return (null, null, null);
        return (
            rows.All(f => f[0].HasValue) ? rows.Average(f => f[0]!.Value) : null,
            rows.All(f => f[1].HasValue) ? rows.Sum(f => f[1]!.Value) : null,
            rows.All(f => f[2].HasValue) ? rows.Average(f => f[2]!.Value) : null);
    }

    /// <summary>neuron-monitor streams one JSON report per period; we average every neuroncore_utilization value seen.</summary>
    private sealed class NeuronMonitor
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly List<double> _values = new();
        private Task _run = Task.CompletedTask;

        public static NeuronMonitor? TryStart()
        {
            var path = ProcessRunner.FindOnPath("neuron-monitor");
            if (path == null) return null;
            var monitor = new NeuronMonitor();
            try
            {
                // Runs until StopAndAverage cancels it, which kills it.
                monitor._run = CliWrap.Cli.Wrap(path).WithStandardOutputPipe(PipeTarget.ToDelegate(monitor.OnLine))
                    .WithValidation(CommandResultValidation.None).ExecuteAsync(monitor._stop.Token).Task;
                return monitor;
            }
            catch (Exception)
            {
                return null;
            }
        }

        private void OnLine(string? line)
        {
            if (string.IsNullOrWhiteSpace(line)) return;
            try
            {
                using var doc = JsonDocument.Parse(line);
                lock (_values) Collect(doc.RootElement, _values);
            }
            catch (JsonException) { }
        }

        private static void Collect(JsonElement e, List<double> into)
        {
            if (e.ValueKind == JsonValueKind.Object)
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name == "neuroncore_utilization" && p.Value.ValueKind == JsonValueKind.Number) into.Add(p.Value.GetDouble());
                    else Collect(p.Value, into);
                }
            else if (e.ValueKind == JsonValueKind.Array)
                foreach (var item in e.EnumerateArray()) Collect(item, into);
        }

        public double? StopAndAverage()
        {
            _stop.Cancel();
            try { _run.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
            _stop.Dispose();
            lock (_values) return _values.Count > 0 ? _values.Average() : null;
        }
    }
}
