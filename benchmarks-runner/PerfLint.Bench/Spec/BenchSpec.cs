namespace PerfLint.Bench.Spec;

/// <summary>Source position (1-based) of a key or value in the spec file.</summary>
public readonly record struct SourcePos(int Line, int Column);

/// <summary>A parsed spec file: one or more benchmarks.</summary>
public sealed record BenchSpecFile(string Path, IReadOnlyList<BenchmarkSpec> Benchmarks)
{
    /// <summary>The spec's <c>hosts</c> list: every benchmark runs on each of them, in parallel; empty: the one default engine.</summary>
    public IReadOnlyList<HostSpec> Hosts { get; init; } = Array.Empty<HostSpec>();
}

public enum Accelerator { None, Nvidia, Neuron }

public enum Arrival { Constant, Poisson }

/// <summary>One benchmark: a container image, the request it serves, the load plan and the budgets.</summary>
public sealed record BenchmarkSpec
{
    public required string Name { get; init; }
    /// <summary>Where errors about this benchmark are placed: its name key, or its variant's name key for a variant.</summary>
    public required SourcePos NamePos { get; init; }
    /// <summary>The variant's name when the spec lists <c>variants</c> (each is expanded into its own benchmark), else null.</summary>
    public string? Variant { get; init; }
    public required string Image { get; init; }
    public Accelerator Accelerator { get; init; }
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
    public double ReadinessTimeoutSeconds { get; init; } = 240;
    public double RequestTimeoutSeconds { get; init; } = 60;
    public required RequestSpec Request { get; init; }
    public required LoadSpec Load { get; init; }
    public string? InstanceType { get; init; }
    /// <summary>The SageMaker endpoint (name or CDK construct id) this benchmark stands for: the key of its perflint.capacity.json entry.</summary>
    public string? Endpoint { get; init; }
    /// <summary>How many times the whole load plan is repeated (regressions are judged on the median of the runs).</summary>
    public int Repeat { get; init; } = 1;
    public IReadOnlyList<Budget> Budgets { get; init; } = Array.Empty<Budget>();
    /// <summary>Golden requests replayed once the container is ready, before load; null when the spec has no <c>quality</c>.</summary>
    public QualitySpec? Quality { get; init; }

    /// <summary>"name" or "name (variant)": how reports and progress lines name this run.</summary>
    public string DisplayName => Variant == null ? Name : $"{Name} ({Variant})";
}

public sealed record RequestSpec(byte[] Body, string ContentType, string Path, string Method);

/// <summary>Closed-loop steps (concurrency) and/or open-loop steps (requests per second).</summary>
public sealed record LoadSpec
{
    public IReadOnlyList<int> Concurrency { get; init; } = Array.Empty<int>();
    public IReadOnlyList<double> RatePerSecond { get; init; } = Array.Empty<double>();
    public Arrival Arrival { get; init; } = Arrival.Constant;
    public double DurationSeconds { get; init; } = 30;
    public double WarmupSeconds { get; init; } = 5;
    /// <summary>Open loop: most requests in flight at once (and connections); later sends wait, their latency still counts from the schedule.</summary>
    public int MaxOutstanding { get; init; } = 256;
}

public enum BudgetLevel { Error, Warn }

public sealed record Budget(BudgetKind Kind, double Limit, BudgetLevel Level, SourcePos Pos);

/// <summary>How a golden response is compared with the expected one.</summary>
public enum QualityCompare { Exact, MaxAbsError, Cosine }

/// <summary>
/// The quality gate: every request is sent once and its response compared with the expected body. Pos is the
/// <c>quality</c> key, where a missed gate is reported.
/// </summary>
public sealed record QualitySpec(IReadOnlyList<GoldenRequest> Requests, QualityCompare Compare, double Limit, SourcePos Pos);

/// <summary>
/// A golden request and its expected response: a file's bytes, or inline JSON serialized as UTF-8
/// (<paramref name="ExpectedIsInlineJson"/>; "exact" then means the same JSON value, every number equal).
/// </summary>
public sealed record GoldenRequest(byte[] Body, string ContentType, string Path, byte[] Expected, bool ExpectedIsInlineJson, string Label);
