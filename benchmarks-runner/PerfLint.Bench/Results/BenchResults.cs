using System.Text.Json;
using System.Text.Json.Serialization;
using PerfLint.Bench.Utilization;

namespace PerfLint.Bench.Results;

/// <summary>results.json (schema: docs/schemas/bench-results.schema.json). Read back by the MSBuild task and by --baseline.</summary>
public sealed class BenchResults
{
    public int SchemaVersion { get; set; } = 1;
    public string Tool { get; set; } = "perflint bench";
    public string SpecFile { get; set; } = "";
    public string StartedUtc { get; set; } = "";
    public string? Engine { get; set; }
    public bool Passed { get; set; }
    public bool Valid { get; set; }
    public string? BaselineFile { get; set; }
    public double? RegressionThreshold { get; set; }
    public List<BenchmarkResult> Benchmarks { get; set; } = new();

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static BenchResults FromJson(string json) =>
        JsonSerializer.Deserialize<BenchResults>(json, JsonOptions) ?? throw new JsonException("empty results file");
}

public sealed class BenchmarkResult
{
    public string Name { get; set; } = "";
    /// <summary>The spec variant this result measured (null when the benchmark has none); results are identified by (name, variant, host).</summary>
    public string? Variant { get; set; }
    public string Image { get; set; } = "";
    public bool Passed { get; set; }
    public bool Valid { get; set; }
    /// <summary>Why the run is invalid (too few requests for a budgeted percentile), or null.</summary>
    public string? Validity { get; set; }
    /// <summary>Infrastructure error (exit 2: image missing, never ready) or server failure (crash) message.</summary>
    public string? Error { get; set; }
    public bool InfrastructureError { get; set; }
    public string? ContainerLogTail { get; set; }
    public string? InstanceType { get; set; }
    /// <summary>The host it ran on (the spec's <c>hosts</c> name, else the engine URL); null for the one default engine. A result is identified by (name, variant, host).</summary>
    public string? Host { get; set; }

    /// <summary>The spec's <c>endpoint</c>: the SageMaker endpoint this benchmark stands for (perflint recommend --write keys on it).</summary>
    public string? Endpoint { get; set; }
    public double? OnDemandUsdPerHour { get; set; }
    public bool PriceIsFloor { get; set; }
    public string? CostNote { get; set; }
    public int Repeat { get; set; } = 1;
    /// <summary>Set when a baseline was given with fewer than 3 repeats.</summary>
    public string? JudgementNote { get; set; }
    /// <summary>Every measured run of every step (repeat index 1..N).</summary>
    public List<RunResult> Runs { get; set; } = new();
    /// <summary>One row per load step: the median over repeats. Budgets and baselines judge these.</summary>
    public List<RunResult> Steps { get; set; } = new();
    public List<BudgetResult> Budgets { get; set; } = new();
    /// <summary>The golden requests' comparison (spec <c>quality</c>), measured before load; null without one.</summary>
    public QualityResult? Quality { get; set; }

    /// <summary>The name and variant ("resnet (fp16)"), as a host's progress lines name it: they carry the host as a prefix.</summary>
    [JsonIgnore]
    public string Label => Variant == null ? Name : $"{Name} ({Variant})";

    /// <summary>The name as reports show it: "resnet (fp16) on g5" for a variant that ran on one of several hosts.</summary>
    [JsonIgnore]
    public string DisplayName => Label + (Host == null ? "" : $" on {Host}");
}

/// <summary>The measured difference between the golden responses and the expected ones, over every golden request.</summary>
public sealed class QualityResult
{
    /// <summary>"exact", "maxAbsError" or "cosine".</summary>
    public string Compare { get; set; } = "";
    /// <summary>The spec's tolerance (maxAbsError or cosine); null for exact.</summary>
    public double? Limit { get; set; }
    public int Requests { get; set; }
    /// <summary>Largest |expected - actual| over every number of every response; null when no response could be compared numerically.</summary>
    public double? MaxAbsError { get; set; }
    /// <summary>Smallest cosine similarity of a response's numbers with the expected ones.</summary>
    public double? MinCosine { get; set; }
    /// <summary>Whether every response was byte-for-byte the expected body (inline JSON: the same JSON value).</summary>
    public bool Exact { get; set; }
    public bool Passed { get; set; }
    /// <summary>Why a request could not be compared (HTTP error, not JSON, different shape), or null.</summary>
    public string? Problem { get; set; }
}

public sealed class RunResult
{
    /// <summary>1..N for a measured run; 0 for a step's median row.</summary>
    public int Repeat { get; set; }
    public int? Concurrency { get; set; }
    public double? RatePerSecond { get; set; }
    public string Arrival { get; set; } = "closed";
    public long Requests { get; set; }
    public long Successes { get; set; }
    public long Errors { get; set; }
    public double ErrorRate { get; set; }
    public SortedDictionary<string, long> ErrorsByKind { get; set; } = new();
    public double? P50Ms { get; set; }
    public double? P90Ms { get; set; }
    public double? P95Ms { get; set; }
    public double? P99Ms { get; set; }
    public double? P999Ms { get; set; }
    public double? MaxMs { get; set; }
    public double? MeanMs { get; set; }
    public double ThroughputPerSecond { get; set; }
    public double DurationSeconds { get; set; }
    public long? LateSends { get; set; }
    /// <summary>Open loop: p50/p99 of how late sends left versus their schedule (part of the reported latency).</summary>
    public double? SendLagP50Ms { get; set; }
    public double? SendLagP99Ms { get; set; }
    public long? MinRequestsRequired { get; set; }
    public bool Valid { get; set; } = true;
    public string? Aborted { get; set; }
    public double? CostPerMillionUsd { get; set; }
    public UtilizationResult? Utilization { get; set; }
    /// <summary>[percentile (0-100), latency ms] pairs for the distribution plot.</summary>
    public List<double[]>? Distribution { get; set; }

    [JsonIgnore]
    public string Label => Concurrency is { } c ? $"concurrency {c}" : $"{RatePerSecond:0.###} req/s ({Arrival})";

    [JsonIgnore]
    public double LoadValue => Concurrency ?? RatePerSecond ?? 0;

    public bool SameStep(RunResult other) =>
        Concurrency == other.Concurrency && Nullable.Equals(RatePerSecond, other.RatePerSecond) && Arrival == other.Arrival;
}

public sealed class BudgetResult
{
    /// <summary>Spec key (p99Ms, ...), or "regression:&lt;metric&gt;", "validity", "server".</summary>
    public string Name { get; set; } = "";
    public string Code { get; set; } = "";
    public string Level { get; set; } = "error";
    public double? Limit { get; set; }
    public double? Actual { get; set; }
    public bool Passed { get; set; }
    /// <summary>True when the budget could not be measured here (e.g. GPU utilization without nvidia-smi).</summary>
    public bool Skipped { get; set; }
    public string? Step { get; set; }
    public string Message { get; set; } = "";
    public string SpecFile { get; set; } = "";
    public int Line { get; set; }
    public int Column { get; set; }
}
