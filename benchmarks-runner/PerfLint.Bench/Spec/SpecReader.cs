using System.Globalization;
using System.Text;
using PerfLint.Json;

namespace PerfLint.Bench.Spec;

/// <summary>
/// Reads a spec file into <see cref="BenchSpecFile"/>. Strict: unknown keys, wrong types and impossible values are
/// errors at their file:line:col, because a typo in a budget key would otherwise silently disable the budget.
/// Works on the shared positioned tree (<see cref="PositionedJsonParser"/>): a value's errors point at its node, a
/// key's (unknown property, budget position) at its <see cref="JsonProperty"/>.
/// </summary>
public sealed class SpecReader
{
    private readonly string _file;
    private readonly string _dir;

    private SpecReader(string file)
    {
        _file = file;
        _dir = System.IO.Path.GetDirectoryName(file) ?? ".";
    }

    public static BenchSpecFile ReadFile(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new SpecException(full, 1, 1, "spec file not found");
        return Read(File.ReadAllBytes(full), full);
    }

    public static BenchSpecFile Read(byte[] utf8, string file)
    {
        JsonNode root;
        try
        {
            root = PositionedJsonParser.Parse(utf8, file);
        }
        catch (JsonSyntaxException e)
        {
            throw new SpecException(file, e.Line, e.Column, e.Reason.StartsWith("empty file", StringComparison.Ordinal) ? "the spec file is empty" : "invalid JSON: " + e.Reason);
        }
        return new SpecReader(file).ReadRoot(root);
    }

    private BenchSpecFile ReadRoot(JsonNode node)
    {
        var root = ExpectObject(node, "the spec");
        AllowOnly(root, "$schema", "description", "benchmarks", "hosts");
        var list = ExpectArray(Required(root, "benchmarks", "the spec").Value, "\"benchmarks\"");
        if (list.Items.Count == 0) throw Error(list, "\"benchmarks\" must list at least one benchmark");
        var benchmarks = list.Items.Select(ReadBenchmark).ToList();
        var duplicate = benchmarks.GroupBy(b => b.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null)
            throw new SpecException(_file, duplicate.Skip(1).First().NamePos, $"duplicate benchmark name \"{duplicate.Key}\"");
        return new BenchSpecFile(_file, benchmarks) { Hosts = ReadHosts(root.Property("hosts")) };
    }

    private BenchmarkSpec ReadBenchmark(JsonNode node)
    {
        var b = ExpectObject(node, "a benchmark");
        AllowOnly(b, "name", "description", "image", "accelerator", "env", "readinessTimeoutSeconds",
            "requestTimeoutSeconds", "request", "load", "instanceType", "endpoint", "repeat", "budgets");
        var name = Required(b, "name", "a benchmark");
        var image = Required(b, "image", "a benchmark");
        return new BenchmarkSpec
        {
            Name = NonEmptyString(name.Value, "name"),
            NamePos = new SourcePos(name.Line, name.Column),
            Image = NonEmptyString(image.Value, "image"),
            Accelerator = ReadAccelerator(b["accelerator"]),
            Env = ReadEnv(b["env"]),
            ReadinessTimeoutSeconds = Positive(b["readinessTimeoutSeconds"], "readinessTimeoutSeconds") ?? 240,
            RequestTimeoutSeconds = Positive(b["requestTimeoutSeconds"], "requestTimeoutSeconds") ?? 60,
            Request = ReadRequest(Required(b, "request", "a benchmark").Value),
            Load = ReadLoad(Required(b, "load", "a benchmark").Value),
            InstanceType = b["instanceType"] is { } it ? NonEmptyString(it, "instanceType") : null,
            Endpoint = b["endpoint"] is { } ep ? NonEmptyString(ep, "endpoint") : null,
            Repeat = b["repeat"] is { } r ? PositiveInt(r, "repeat") : 1,
            Budgets = b["budgets"] is { } budgets ? ReadBudgets(budgets) : Array.Empty<Budget>(),
        };
    }

    private Accelerator ReadAccelerator(JsonNode? n) => n == null ? Accelerator.None : NonEmptyString(n, "accelerator") switch
    {
        "none" => Accelerator.None,
        "nvidia" => Accelerator.Nvidia,
        "neuron" => Accelerator.Neuron,
        var other => throw Error(n, $"\"accelerator\" must be \"none\", \"nvidia\" or \"neuron\", not \"{other}\""),
    };

    private IReadOnlyDictionary<string, string> ReadEnv(JsonNode? n)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (n == null) return env;
        foreach (var p in ExpectObject(n, "\"env\"").Properties)
        {
            env[p.Name] = p.Value switch
            {
                JsonScalarNode { Kind: JsonScalarKind.String or JsonScalarKind.True or JsonScalarKind.False } s => s.Text,
                var v when Number(v) is { } number => number.ToString(CultureInfo.InvariantCulture),
                var v => throw Error(v, $"\"env.{p.Name}\" must be a string, number or boolean"),
            };
        }
        return env;
    }

    private RequestSpec ReadRequest(JsonNode node)
    {
        var n = ExpectObject(node, "\"request\"");
        AllowOnly(n, "body", "bodyFile", "contentType", "path", "method");
        var body = n["body"];
        var bodyFile = n.Property("bodyFile");
        if (body != null && bodyFile != null)
            throw Error(bodyFile, "\"request\" takes \"body\" or \"bodyFile\", not both");
        byte[] bytes;
        if (bodyFile != null)
        {
            var rel = NonEmptyString(bodyFile.Value, "bodyFile");
            var path = ResolveFile(rel) ?? throw Error(bodyFile.Value,
                $"request body file \"{rel}\" not found (looked beside the spec and in the current directory)");
            bytes = File.ReadAllBytes(path);
        }
        else if (body != null)
        {
            bytes = body is JsonScalarNode { Kind: JsonScalarKind.String } s
                ? Encoding.UTF8.GetBytes(s.Text)
                : throw Error(body, "\"body\" must be a string (use \"bodyFile\" for binary payloads)");
        }
        else throw Error(n, "\"request\" needs \"body\" or \"bodyFile\"");
        var method = n["method"] is { } m ? NonEmptyString(m, "method").ToUpperInvariant() : "POST";
        return new RequestSpec(bytes,
            n["contentType"] is { } ct ? NonEmptyString(ct, "contentType") : "application/octet-stream",
            n["path"] is { } p ? NonEmptyString(p, "path") : "/invocations",
            method);
    }

    /// <summary>Relative body files resolve beside the spec first (the spec travels with its payload), then the current directory.</summary>
    private string? ResolveFile(string rel)
    {
        if (System.IO.Path.IsPathRooted(rel)) return File.Exists(rel) ? rel : null;
        var besideSpec = System.IO.Path.GetFullPath(System.IO.Path.Combine(_dir, rel));
        if (File.Exists(besideSpec)) return besideSpec;
        var inCwd = System.IO.Path.GetFullPath(rel);
        return File.Exists(inCwd) ? inCwd : null;
    }

    private LoadSpec ReadLoad(JsonNode node)
    {
        var n = ExpectObject(node, "\"load\"");
        AllowOnly(n, "concurrency", "ratePerSecond", "arrival", "durationSeconds", "warmupSeconds", "maxOutstanding");
        var concurrency = n["concurrency"] is { } c ? NumberList(c, "concurrency").Select(x => PositiveInt(x, "concurrency")).ToList() : new List<int>();
        var rates = n["ratePerSecond"] is { } r ? NumberList(r, "ratePerSecond").Select(x => PositiveNumber(x, "ratePerSecond")).ToList() : new List<double>();
        if (concurrency.Count == 0 && rates.Count == 0)
            throw Error(n, "\"load\" needs a non-empty \"concurrency\" (closed loop) or \"ratePerSecond\" (open loop) list");
        var arrival = Arrival.Constant;
        if (n["arrival"] is { } a)
        {
            arrival = NonEmptyString(a, "arrival") switch
            {
                "constant" => Arrival.Constant,
                "poisson" => Arrival.Poisson,
                var other => throw Error(a, $"\"arrival\" must be \"constant\" or \"poisson\", not \"{other}\""),
            };
        }
        return new LoadSpec
        {
            Concurrency = concurrency,
            RatePerSecond = rates,
            Arrival = arrival,
            DurationSeconds = Positive(n["durationSeconds"], "durationSeconds") ?? 30,
            WarmupSeconds = NonNegative(n["warmupSeconds"], "warmupSeconds") ?? 5,
            MaxOutstanding = n["maxOutstanding"] is { } mo ? PositiveInt(mo, "maxOutstanding") : 256,
        };
    }

    private IReadOnlyList<Budget> ReadBudgets(JsonNode n)
    {
        var budgets = new List<Budget>();
        foreach (var p in ExpectObject(n, "\"budgets\"").Properties)
        {
            var kind = BudgetKind.FromKey(p.Name) ?? throw Error(p,
                $"unknown budget \"{p.Name}\"; known budgets: {string.Join(", ", BudgetKind.All.Select(k => k.Key))}");
            budgets.Add(ReadBudget(kind, p));
        }
        return budgets;
    }

    /// <summary>A budget is a number or { "max"|"min": number, "level": "error"|"warn" }; it is reported at its key.</summary>
    private Budget ReadBudget(BudgetKind kind, JsonProperty budget)
    {
        var keyPos = new SourcePos(budget.Line, budget.Column);
        if (Number(budget.Value) != null)
            return new Budget(kind, NonNegativeNumber(budget.Value, kind.Key), BudgetLevel.Error, keyPos);
        if (budget.Value is not JsonObjectNode value)
            throw Error(budget.Value, $"budget \"{kind.Key}\" must be a number or an object like {{ \"{LimitKey(kind)}\": 120, \"level\": \"warn\" }}, not {KindName(budget.Value)}");
        AllowOnly(value, "max", "min", "limit", "level");
        var limitNode = value[LimitKey(kind)] ?? value["limit"] ?? throw Error(value,
            $"budget \"{kind.Key}\" needs \"{LimitKey(kind)}\"");
        var level = BudgetLevel.Error;
        if (value["level"] is { } l)
        {
            level = NonEmptyString(l, "level") switch
            {
                "error" => BudgetLevel.Error,
                "warn" or "warning" => BudgetLevel.Warn,
                var other => throw Error(l, $"\"level\" must be \"error\" or \"warn\", not \"{other}\""),
            };
        }
        var wrongKey = kind.Direction == LimitDirection.AtMost ? "min" : "max";
        if (value.Property(wrongKey) is { } wrong)
            throw Error(wrong, $"budget \"{kind.Key}\" is {(kind.Direction == LimitDirection.AtMost ? "an upper" : "a lower")} limit: use \"{LimitKey(kind)}\"");
        return new Budget(kind, NonNegativeNumber(limitNode, kind.Key), level, keyPos);
    }

    private static string LimitKey(BudgetKind kind) => kind.Direction == LimitDirection.AtMost ? "max" : "min";

    // ---- small typed accessors, each failing at the value's position ----

    private JsonProperty Required(JsonObjectNode obj, string key, string what) =>
        obj.Property(key) ?? throw Error(obj, $"{what} needs \"{key}\"");

    private JsonObjectNode ExpectObject(JsonNode n, string what) =>
        n as JsonObjectNode ?? throw Error(n, $"{what} must be an object, not {KindName(n)}");

    private JsonArrayNode ExpectArray(JsonNode n, string what) =>
        n as JsonArrayNode ?? throw Error(n, $"{what} must be an array, not {KindName(n)}");

    private void AllowOnly(JsonObjectNode obj, params string[] keys)
    {
        foreach (var p in obj.Properties)
            if (!keys.Contains(p.Name))
                throw Error(p, $"unknown property \"{p.Name}\"; expected one of: {string.Join(", ", keys)}");
    }

    private string NonEmptyString(JsonNode n, string key) =>
        n is JsonScalarNode { Kind: JsonScalarKind.String } s && !string.IsNullOrWhiteSpace(s.Text)
            ? s.Text
            : throw Error(n, $"\"{key}\" must be a non-empty string, not {KindName(n)}");

    private IReadOnlyList<JsonNode> NumberList(JsonNode n, string key) =>
        Number(n) != null ? new[] { n } : ExpectArray(n, $"\"{key}\"").Items;

    private double NonNegativeNumber(JsonNode n, string key) =>
        Number(n) is { } v && v >= 0 && double.IsFinite(v)
            ? v
            : throw Error(n, $"\"{key}\" must be a number >= 0, not {Describe(n)}");

    private double PositiveNumber(JsonNode n, string key) =>
        Number(n) is { } v && v > 0 && double.IsFinite(v)
            ? v
            : throw Error(n, $"\"{key}\" must be a number > 0, not {Describe(n)}");

    private double? Positive(JsonNode? n, string key) => n == null ? null : PositiveNumber(n, key);

    private double? NonNegative(JsonNode? n, string key) => n == null ? null : NonNegativeNumber(n, key);

    private int PositiveInt(JsonNode n, string key) =>
        Number(n) is { } v && v >= 1 && v <= 100_000 && v == Math.Floor(v)
            ? (int)v
            : throw Error(n, $"\"{key}\" must be a whole number between 1 and 100000, not {Describe(n)}");

    /// <summary>The value of a number node (as written, read invariantly), or null for any other node.</summary>
    private static double? Number(JsonNode n) =>
        n is JsonScalarNode { Kind: JsonScalarKind.Number } s ? double.Parse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    private static string Describe(JsonNode n) =>
        Number(n) is { } v ? v.ToString(CultureInfo.InvariantCulture) : KindName(n);

    private static string KindName(JsonNode n) => n switch
    {
        JsonObjectNode => "an object",
        JsonArrayNode => "an array",
        JsonScalarNode { Kind: JsonScalarKind.String } => "a string",
        JsonScalarNode { Kind: JsonScalarKind.Number } => "a number",
        JsonScalarNode { Kind: JsonScalarKind.True or JsonScalarKind.False } => "a boolean",
        _ => "null",
    };

    private SpecException Error(JsonNode at, string message) => new(_file, at.Line, at.Column, message);

    private SpecException Error(JsonProperty key, string message) => new(_file, key.Line, key.Column, message);

    #region hosts (many hosts, one matrix)

    /// <summary>The top-level <c>hosts</c> list: name, engineUrl (required), engine, targetHost, instanceType, env.</summary>
    private IReadOnlyList<HostSpec> ReadHosts(JsonProperty? hosts)
    {
        if (hosts == null) return Array.Empty<HostSpec>();
        var list = ExpectArray(hosts.Value, "\"hosts\"");
        if (list.Items.Count == 0) throw Error(hosts, "\"hosts\" must list at least one host (leave it out to use the default engine)");
        var read = list.Items.Select(item =>
        {
            var h = ExpectObject(item, "a host");
            AllowOnly(h, "name", "engineUrl", "engine", "targetHost", "instanceType", "env");
            var url = NonEmptyString(Required(h, "engineUrl", "a host").Value, "engineUrl");
            var engine = h["engine"] is { } e ? NonEmptyString(e, "engine") : null;
            if (engine is not (null or "docker" or "podman")) throw Error(h["engine"]!, $"\"engine\" must be \"docker\" or \"podman\", not \"{engine}\"");
            return new HostSpec
            {
                Name = h["name"] is { } n ? NonEmptyString(n, "name") : url,
                EngineUrl = url,
                Engine = engine,
                TargetHost = h["targetHost"] is { } t ? NonEmptyString(t, "targetHost") : null,
                InstanceType = h["instanceType"] is { } it ? NonEmptyString(it, "instanceType") : null,
                Env = ReadEnv(h["env"]),
                Pos = new SourcePos(item.Line, item.Column),
            };
        }).ToList();
        var duplicate = read.GroupBy(x => x.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null)
            throw new SpecException(_file, duplicate.Skip(1).First().Pos!.Value, $"duplicate host name \"{duplicate.Key}\" (each host needs its own name or engineUrl)");
        return read;
    }

    #endregion
}
