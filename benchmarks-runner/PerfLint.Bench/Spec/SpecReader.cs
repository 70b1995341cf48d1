using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PerfLint.Bench.Spec;

/// <summary>
/// Reads a spec file into <see cref="BenchSpecFile"/>. Strict: unknown keys, wrong types and impossible values are
/// errors at their file:line:col, because a typo in a budget key would otherwise silently disable the budget.
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
        var root = JsonPosParser.Parse(utf8, file);
        return new SpecReader(file).ReadRoot(root);
    }

    private BenchSpecFile ReadRoot(JsonPosNode root)
    {
        Expect(root, JsonValueKind.Object, "the spec");
        AllowOnly(root, "$schema", "description", "benchmarks");
        var list = Required(root, "benchmarks", "the spec");
        Expect(list, JsonValueKind.Array, "\"benchmarks\"");
        if (list.Items.Count == 0) throw Error(list.Pos, "\"benchmarks\" must list at least one benchmark");
        var benchmarks = list.Items.Select(ReadBenchmark).ToList();
        var duplicate = benchmarks.GroupBy(b => b.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null)
            throw Error(duplicate.Skip(1).First().NamePos, $"duplicate benchmark name \"{duplicate.Key}\"");
        return new BenchSpecFile(_file, benchmarks);
    }

    private BenchmarkSpec ReadBenchmark(JsonPosNode b)
    {
        Expect(b, JsonValueKind.Object, "a benchmark");
        AllowOnly(b, "name", "description", "image", "accelerator", "env", "readinessTimeoutSeconds",
            "requestTimeoutSeconds", "request", "load", "instanceType", "repeat", "budgets");
        var name = Required(b, "name", "a benchmark");
        var image = Required(b, "image", "a benchmark");
        return new BenchmarkSpec
        {
            Name = NonEmptyString(name, "name"),
            NamePos = name.KeyPos,
            Image = NonEmptyString(image, "image"),
            Accelerator = ReadAccelerator(b["accelerator"]),
            Env = ReadEnv(b["env"]),
            ReadinessTimeoutSeconds = Positive(b["readinessTimeoutSeconds"], "readinessTimeoutSeconds") ?? 240,
            RequestTimeoutSeconds = Positive(b["requestTimeoutSeconds"], "requestTimeoutSeconds") ?? 60,
            Request = ReadRequest(Required(b, "request", "a benchmark")),
            Load = ReadLoad(Required(b, "load", "a benchmark")),
            InstanceType = b["instanceType"] is { } it ? NonEmptyString(it, "instanceType") : null,
            Repeat = b["repeat"] is { } r ? PositiveInt(r, "repeat") : 1,
            Budgets = b["budgets"] is { } budgets ? ReadBudgets(budgets) : Array.Empty<Budget>(),
        };
    }

    private Accelerator ReadAccelerator(JsonPosNode? n) => n == null ? Accelerator.None : NonEmptyString(n, "accelerator") switch
    {
        "none" => Accelerator.None,
        "nvidia" => Accelerator.Nvidia,
        "neuron" => Accelerator.Neuron,
        var other => throw Error(n.Pos, $"\"accelerator\" must be \"none\", \"nvidia\" or \"neuron\", not \"{other}\""),
    };

    private IReadOnlyDictionary<string, string> ReadEnv(JsonPosNode? n)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (n == null) return env;
        Expect(n, JsonValueKind.Object, "\"env\"");
        foreach (var (key, value) in n.Properties)
        {
            env[key] = value.Kind switch
            {
                JsonValueKind.String => value.String!,
                JsonValueKind.Number => value.Number.ToString(CultureInfo.InvariantCulture),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => throw Error(value.Pos, $"\"env.{key}\" must be a string, number or boolean"),
            };
        }
        return env;
    }

    private RequestSpec ReadRequest(JsonPosNode n)
    {
        Expect(n, JsonValueKind.Object, "\"request\"");
        AllowOnly(n, "body", "bodyFile", "contentType", "path", "method");
        var body = n["body"];
        var bodyFile = n["bodyFile"];
        if (body != null && bodyFile != null)
            throw Error(bodyFile.KeyPos, "\"request\" takes \"body\" or \"bodyFile\", not both");
        byte[] bytes;
        if (bodyFile != null)
        {
            var rel = NonEmptyString(bodyFile, "bodyFile");
            var path = ResolveFile(rel) ?? throw Error(bodyFile.Pos,
                $"request body file \"{rel}\" not found (looked beside the spec and in the current directory)");
            bytes = File.ReadAllBytes(path);
        }
        else if (body != null)
        {
            bytes = body.Kind == JsonValueKind.String
                ? Encoding.UTF8.GetBytes(body.String!)
                : throw Error(body.Pos, "\"body\" must be a string (use \"bodyFile\" for binary payloads)");
        }
        else throw Error(n.Pos, "\"request\" needs \"body\" or \"bodyFile\"");
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

    private LoadSpec ReadLoad(JsonPosNode n)
    {
        Expect(n, JsonValueKind.Object, "\"load\"");
        AllowOnly(n, "concurrency", "ratePerSecond", "arrival", "durationSeconds", "warmupSeconds", "maxOutstanding");
        var concurrency = n["concurrency"] is { } c ? NumberList(c, "concurrency").Select(x => ToPositiveInt(x, "concurrency")).ToList() : new List<int>();
        var rates = n["ratePerSecond"] is { } r ? NumberList(r, "ratePerSecond").Select(x => PositiveNumber(x, "ratePerSecond")).ToList() : new List<double>();
        if (concurrency.Count == 0 && rates.Count == 0)
            throw Error(n.Pos, "\"load\" needs a non-empty \"concurrency\" (closed loop) or \"ratePerSecond\" (open loop) list");
        var arrival = Arrival.Constant;
        if (n["arrival"] is { } a)
        {
            arrival = NonEmptyString(a, "arrival") switch
            {
                "constant" => Arrival.Constant,
                "poisson" => Arrival.Poisson,
                var other => throw Error(a.Pos, $"\"arrival\" must be \"constant\" or \"poisson\", not \"{other}\""),
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

    private IReadOnlyList<Budget> ReadBudgets(JsonPosNode n)
    {
        Expect(n, JsonValueKind.Object, "\"budgets\"");
        var budgets = new List<Budget>();
        foreach (var (key, value) in n.Properties)
        {
            var kind = BudgetKind.FromKey(key) ?? throw Error(value.KeyPos,
                $"unknown budget \"{key}\"; known budgets: {string.Join(", ", BudgetKind.All.Select(k => k.Key))}");
            budgets.Add(ReadBudget(kind, value));
        }
        return budgets;
    }

    /// <summary>A budget is a number or { "max"|"min": number, "level": "error"|"warn" }.</summary>
    private Budget ReadBudget(BudgetKind kind, JsonPosNode value)
    {
        if (value.Kind == JsonValueKind.Number)
            return new Budget(kind, NonNegativeNumber(value, kind.Key), BudgetLevel.Error, value.KeyPos);
        if (value.Kind != JsonValueKind.Object)
            throw Error(value.Pos, $"budget \"{kind.Key}\" must be a number or an object like {{ \"{LimitKey(kind)}\": 120, \"level\": \"warn\" }}, not {value.KindName}");
        AllowOnly(value, "max", "min", "limit", "level");
        var limitNode = value[LimitKey(kind)] ?? value["limit"] ?? throw Error(value.Pos,
            $"budget \"{kind.Key}\" needs \"{LimitKey(kind)}\"");
        var level = BudgetLevel.Error;
        if (value["level"] is { } l)
        {
            level = NonEmptyString(l, "level") switch
            {
                "error" => BudgetLevel.Error,
                "warn" or "warning" => BudgetLevel.Warn,
                var other => throw Error(l.Pos, $"\"level\" must be \"error\" or \"warn\", not \"{other}\""),
            };
        }
        var wrongKey = kind.Direction == LimitDirection.AtMost ? "min" : "max";
        if (value[wrongKey] is { } wrong)
            throw Error(wrong.KeyPos, $"budget \"{kind.Key}\" is {(kind.Direction == LimitDirection.AtMost ? "an upper" : "a lower")} limit: use \"{LimitKey(kind)}\"");
        return new Budget(kind, NonNegativeNumber(limitNode, kind.Key), level, value.KeyPos);
    }

    private static string LimitKey(BudgetKind kind) => kind.Direction == LimitDirection.AtMost ? "max" : "min";

    // ---- small typed accessors, each failing at the value's position ----

    private JsonPosNode Required(JsonPosNode obj, string key, string what) =>
        obj[key] ?? throw Error(obj.Pos, $"{what} needs \"{key}\"");

    private void Expect(JsonPosNode n, JsonValueKind kind, string what)
    {
        if (n.Kind != kind)
            throw Error(n.Pos, $"{what} must be {new JsonPosNode { Kind = kind }.KindName}, not {n.KindName}");
    }

    private void AllowOnly(JsonPosNode obj, params string[] keys)
    {
        foreach (var (key, value) in obj.Properties)
            if (!keys.Contains(key))
                throw Error(value.KeyPos, $"unknown property \"{key}\"; expected one of: {string.Join(", ", keys)}");
    }

    private string NonEmptyString(JsonPosNode n, string key) =>
        n.Kind == JsonValueKind.String && !string.IsNullOrWhiteSpace(n.String)
            ? n.String!
            : throw Error(n.Pos, $"\"{key}\" must be a non-empty string, not {n.KindName}");

    private List<JsonPosNode> NumberList(JsonPosNode n, string key)
    {
        if (n.Kind == JsonValueKind.Number) return new List<JsonPosNode> { n };
        Expect(n, JsonValueKind.Array, $"\"{key}\"");
        return n.Items;
    }

    private double NonNegativeNumber(JsonPosNode n, string key) =>
        n.Kind == JsonValueKind.Number && n.Number >= 0 && double.IsFinite(n.Number)
            ? n.Number
            : throw Error(n.Pos, $"\"{key}\" must be a number >= 0, not {Describe(n)}");

    private double PositiveNumber(JsonPosNode n, string key) =>
        n.Kind == JsonValueKind.Number && n.Number > 0 && double.IsFinite(n.Number)
            ? n.Number
            : throw Error(n.Pos, $"\"{key}\" must be a number > 0, not {Describe(n)}");

    private double? Positive(JsonPosNode? n, string key) => n == null ? null : PositiveNumber(n, key);

    private double? NonNegative(JsonPosNode? n, string key) => n == null ? null : NonNegativeNumber(n, key);

    private int PositiveInt(JsonPosNode n, string key) => ToPositiveInt(n, key);

    private int ToPositiveInt(JsonPosNode n, string key) =>
        n.Kind == JsonValueKind.Number && n.Number >= 1 && n.Number <= 100_000 && n.Number == Math.Floor(n.Number)
            ? (int)n.Number
            : throw Error(n.Pos, $"\"{key}\" must be a whole number between 1 and 100000, not {Describe(n)}");

    private static string Describe(JsonPosNode n) =>
        n.Kind == JsonValueKind.Number ? n.Number.ToString(CultureInfo.InvariantCulture) : n.KindName;

    private SpecException Error(SourcePos pos, string message) => new(_file, pos, message);
}
