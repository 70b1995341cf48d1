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
        var entries = list.Items.Select(ReadBenchmark).ToList();
        // Results and baselines match on (name, variant): two entries with one name would be indistinguishable.
        var duplicate = entries.GroupBy(e => e[0].Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null)
            throw new SpecException(_file, duplicate.Skip(1).First()[0].NamePos, $"duplicate benchmark name \"{duplicate.Key}\"");
        return new BenchSpecFile(_file, entries.SelectMany(e => e).ToList()) { Hosts = ReadHosts(root.Property("hosts")) };
    }

    /// <summary>One benchmark entry: a single benchmark, or one per variant when it lists <c>variants</c>.</summary>
    private IReadOnlyList<BenchmarkSpec> ReadBenchmark(JsonNode node)
    {
        var b = ExpectObject(node, "a benchmark");
        AllowOnly(b, "name", "description", "image", "accelerator", "env", "readinessTimeoutSeconds",
            "requestTimeoutSeconds", "request", "load", "instanceType", "endpoint", "repeat", "budgets", "quality", "variants");
        var name = Required(b, "name", "a benchmark");
        var image = Required(b, "image", "a benchmark");
        var request = ReadRequest(Required(b, "request", "a benchmark").Value);
        var spec = new BenchmarkSpec
        {
            Name = NonEmptyString(name.Value, "name"),
            NamePos = new SourcePos(name.Line, name.Column),
            Image = NonEmptyString(image.Value, "image"),
            Accelerator = ReadAccelerator(b["accelerator"]),
            Env = ReadEnv(b["env"]),
            ReadinessTimeoutSeconds = Positive(b["readinessTimeoutSeconds"], "readinessTimeoutSeconds") ?? 240,
            RequestTimeoutSeconds = Positive(b["requestTimeoutSeconds"], "requestTimeoutSeconds") ?? 60,
            Request = request,
            Load = ReadLoad(Required(b, "load", "a benchmark").Value),
            InstanceType = b["instanceType"] is { } it ? NonEmptyString(it, "instanceType") : null,
            Endpoint = b["endpoint"] is { } ep ? NonEmptyString(ep, "endpoint") : null,
            Repeat = b["repeat"] is { } r ? PositiveInt(r, "repeat") : 1,
            Budgets = b["budgets"] is { } budgets ? ReadBudgets(budgets) : Array.Empty<Budget>(),
            Quality = b.Property("quality") is { } quality ? ReadQuality(quality, request) : null,
        };
        return b.Property("variants") is { } variants ? ReadVariants(variants.Value, spec) : new[] { spec };
    }

    /// <summary>
    /// Each variant becomes its own benchmark: the same name, the benchmark's env overlaid with the variant's, and the
    /// variant's name key as its position, so a variant's failures point at the variant.
    /// </summary>
    private IReadOnlyList<BenchmarkSpec> ReadVariants(JsonNode node, BenchmarkSpec benchmark)
    {
        var list = ExpectArray(node, "\"variants\"");
        if (list.Items.Count == 0) throw Error(list, "\"variants\" must list at least one variant (or be left out)");
        var expanded = new List<BenchmarkSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Items)
        {
            var v = ExpectObject(item, "a variant");
            AllowOnly(v, "name", "description", "env");
            var name = Required(v, "name", "a variant");
            var variantName = NonEmptyString(name.Value, "name");
            if (!seen.Add(variantName))
                throw Error(name, $"duplicate variant name \"{variantName}\" in benchmark \"{benchmark.Name}\"");
            var env = new Dictionary<string, string>(benchmark.Env, StringComparer.Ordinal);
            foreach (var (key, value) in ReadEnv(v["env"])) env[key] = value;
            expanded.Add(benchmark with { Variant = variantName, NamePos = new SourcePos(name.Line, name.Column), Env = env });
        }
        return expanded;
    }

    /// <summary>
    /// quality: { requests: [ { bodyFile | body, contentType?, path?, expected: { bodyFile | json } } ],
    /// compare: "exact" | { "maxAbsError": x } | { "cosine": y } }. A request's contentType and path default to the
    /// benchmark's request.
    /// </summary>
    private QualitySpec ReadQuality(JsonProperty quality, RequestSpec request)
    {
        var n = ExpectObject(quality.Value, "\"quality\"");
        AllowOnly(n, "requests", "compare");
        var requests = ExpectArray(Required(n, "requests", "\"quality\"").Value, "\"quality.requests\"");
        if (requests.Items.Count == 0) throw Error(requests, "\"quality.requests\" must list at least one golden request");
        var golden = requests.Items.Select((r, i) => ReadGoldenRequest(r, i + 1, request)).ToList();
        var (compare, limit) = ReadCompare(Required(n, "compare", "\"quality\"").Value);
        return new QualitySpec(golden, compare, limit, new SourcePos(quality.Line, quality.Column));
    }

    private GoldenRequest ReadGoldenRequest(JsonNode node, int index, RequestSpec request)
    {
        var n = ExpectObject(node, "a golden request");
        AllowOnly(n, "body", "bodyFile", "contentType", "path", "expected");
        var body = ReadBody(n, "a golden request");
        var expectedNode = ExpectObject(Required(n, "expected", "a golden request").Value, "\"expected\"");
        AllowOnly(expectedNode, "bodyFile", "json");
        var expectedFile = expectedNode.Property("bodyFile");
        var json = expectedNode["json"];
        if ((expectedFile == null) == (json == null))
            throw Error(expectedNode, "\"expected\" takes exactly one of \"bodyFile\" or \"json\"");
        var expected = expectedFile != null ? ReadFile(expectedFile, "expected response") : InlineJson(json!);
        var label = n["bodyFile"] is JsonScalarNode { Kind: JsonScalarKind.String } f ? f.Text : $"request {index}";
        return new GoldenRequest(body,
            n["contentType"] is { } ct ? NonEmptyString(ct, "contentType") : request.ContentType,
            n["path"] is { } p ? NonEmptyString(p, "path") : request.Path,
            expected, json != null, label);
    }

    private (QualityCompare, double) ReadCompare(JsonNode n)
    {
        if (n is JsonScalarNode { Kind: JsonScalarKind.String } s)
            return s.Text == "exact" ? (QualityCompare.Exact, 0) : throw Error(n, $"\"compare\" must be \"exact\", {{ \"maxAbsError\": x }} or {{ \"cosine\": y }}, not \"{s.Text}\"");
        var o = n as JsonObjectNode ?? throw Error(n, $"\"compare\" must be \"exact\", {{ \"maxAbsError\": x }} or {{ \"cosine\": y }}, not {KindName(n)}");
        AllowOnly(o, "maxAbsError", "cosine");
        if (o.Properties.Count != 1) throw Error(o, "\"compare\" takes exactly one of \"maxAbsError\" or \"cosine\"");
        var p = o.Properties[0];
        if (p.Name == "maxAbsError") return (QualityCompare.MaxAbsError, NonNegativeNumber(p.Value, "maxAbsError"));
        return Number(p.Value) is { } c && c >= -1 && c <= 1
            ? (QualityCompare.Cosine, c)
            : throw Error(p.Value, $"\"cosine\" must be a number between -1 and 1, not {Describe(p.Value)}");
    }

    /// <summary>Inline expected JSON, written back as UTF-8 with each number's text as the spec wrote it.</summary>
    private static byte[] InlineJson(JsonNode n)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer)) WriteJson(writer, n);
        return buffer.ToArray();
    }

    private static void WriteJson(System.Text.Json.Utf8JsonWriter w, JsonNode n)
    {
        switch (n)
        {
            case JsonObjectNode o:
                w.WriteStartObject();
                foreach (var p in o.Properties) { w.WritePropertyName(p.Name); WriteJson(w, p.Value); }
                w.WriteEndObject();
                break;
            case JsonArrayNode a:
                w.WriteStartArray();
                foreach (var item in a.Items) WriteJson(w, item);
                w.WriteEndArray();
                break;
            case JsonScalarNode { Kind: JsonScalarKind.String } s: w.WriteStringValue(s.Text); break;
            case JsonScalarNode { Kind: JsonScalarKind.Number } s: w.WriteRawValue(s.Text); break;
            case JsonScalarNode { Kind: JsonScalarKind.True }: w.WriteBooleanValue(true); break;
            case JsonScalarNode { Kind: JsonScalarKind.False }: w.WriteBooleanValue(false); break;
            default: w.WriteNullValue(); break;
        }
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
        var bytes = ReadBody(n, "\"request\"");
        var method = n["method"] is { } m ? NonEmptyString(m, "method").ToUpperInvariant() : "POST";
        return new RequestSpec(bytes,
            n["contentType"] is { } ct ? NonEmptyString(ct, "contentType") : "application/octet-stream",
            n["path"] is { } p ? NonEmptyString(p, "path") : "/invocations",
            method);
    }

    /// <summary>"body" (UTF-8 text) or "bodyFile" (bytes), exactly one.</summary>
    private byte[] ReadBody(JsonObjectNode n, string what)
    {
        var body = n["body"];
        var bodyFile = n.Property("bodyFile");
        if (body != null && bodyFile != null)
            throw Error(bodyFile, $"{what} takes \"body\" or \"bodyFile\", not both");
        if (bodyFile != null) return ReadFile(bodyFile, "request body");
        if (body != null)
            return body is JsonScalarNode { Kind: JsonScalarKind.String } s
                ? Encoding.UTF8.GetBytes(s.Text)
                : throw Error(body, "\"body\" must be a string (use \"bodyFile\" for binary payloads)");
        throw Error(n, $"{what} needs \"body\" or \"bodyFile\"");
    }

    private byte[] ReadFile(JsonProperty fileKey, string what)
    {
        var rel = NonEmptyString(fileKey.Value, fileKey.Name);
        var path = ResolveFile(rel) ?? throw Error(fileKey.Value,
            $"{what} file \"{rel}\" not found (looked beside the spec and in the current directory)");
        return File.ReadAllBytes(path);
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
