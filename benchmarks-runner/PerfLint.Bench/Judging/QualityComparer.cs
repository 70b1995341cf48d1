using System.Globalization;
using System.Text.Json;
using PerfLint.Bench.Results;
using PerfLint.Bench.Spec;

namespace PerfLint.Bench.Judging;

/// <summary>One golden response against its expected body: byte equality and, for JSON, the numeric differences.</summary>
public sealed record ResponseComparison(bool Exact, double? MaxAbsError, double? Cosine, string? Problem);

/// <summary>
/// The quality gate's arithmetic. Two JSON values are compared element by element (arrays by position, objects by
/// key, nesting allowed): every number pair contributes to the largest absolute difference and to the cosine
/// similarity of the response's numbers with the expected ones; strings, booleans and nulls must be equal, and a
/// different shape (length, keys, types) is a problem rather than a number.
/// </summary>
public static class QualityComparer
{
    public static ResponseComparison Compare(byte[] expected, byte[] actual, bool expectedIsInlineJson)
    {
        var bytesEqual = !expectedIsInlineJson && expected.AsSpan().SequenceEqual(actual);
        var pairs = new List<(double Expected, double Actual)>();
        string? problem;
        try
        {
            using var e = JsonDocument.Parse(expected);
            using var a = JsonDocument.Parse(actual);
            problem = Walk(e.RootElement, a.RootElement, "$", pairs);
        }
        catch (JsonException)
        {
            // A binary body can still be compared byte for byte ("exact").
            return new ResponseComparison(bytesEqual, null, null,
                bytesEqual ? null : "the response differs from the expected body and is not comparable as JSON");
        }
        if (problem != null) return new ResponseComparison(false, null, null, problem);
        if (pairs.Count == 0)
            return new ResponseComparison(bytesEqual || expectedIsInlineJson, null, null, null);
        var maxAbs = pairs.Max(p => Math.Abs(p.Expected - p.Actual));
        var exact = expectedIsInlineJson ? maxAbs == 0 : bytesEqual;
        return new ResponseComparison(exact, maxAbs, Cosine(pairs), null);
    }

    /// <summary>dot(e, a) / (|e| |a|); 1 when both are all zeros, 0 when only one is.</summary>
    internal static double Cosine(IReadOnlyList<(double Expected, double Actual)> pairs)
    {
        double dot = 0, ee = 0, aa = 0;
        foreach (var (e, a) in pairs)
        {
            dot += e * a;
            ee += e * e;
            aa += a * a;
        }
        if (ee == 0 && aa == 0) return 1;
        if (ee == 0 || aa == 0) return 0;
        return dot / (Math.Sqrt(ee) * Math.Sqrt(aa));
    }

    private static string? Walk(JsonElement e, JsonElement a, string path, List<(double, double)> pairs)
    {
        if (e.ValueKind != a.ValueKind && !(IsBool(e) && IsBool(a)))
            return $"at {path}: expected {Kind(e)}, got {Kind(a)}";
        switch (e.ValueKind)
        {
            case JsonValueKind.Number:
                pairs.Add((e.GetDouble(), a.GetDouble()));
                return null;
            case JsonValueKind.Array:
                if (e.GetArrayLength() != a.GetArrayLength())
                    return $"at {path}: expected {e.GetArrayLength()} items, got {a.GetArrayLength()}";
                var i = 0;
                foreach (var (x, y) in e.EnumerateArray().Zip(a.EnumerateArray()))
                    if (Walk(x, y, $"{path}[{i++}]", pairs) is { } p) return p;
                return null;
            case JsonValueKind.Object:
                var expectedKeys = e.EnumerateObject().Select(p => p.Name).ToList();
                var actualKeys = a.EnumerateObject().Select(p => p.Name).ToList();
                if (expectedKeys.Except(actualKeys).FirstOrDefault() is { } missing) return $"at {path}: \"{missing}\" is missing";
                if (actualKeys.Except(expectedKeys).FirstOrDefault() is { } extra) return $"at {path}: unexpected \"{extra}\"";
                foreach (var key in expectedKeys)
                    if (Walk(e.GetProperty(key), a.GetProperty(key), $"{path}.{key}", pairs) is { } p) return p;
                return null;
            default:
                return e.GetRawText() == a.GetRawText() || (e.ValueKind == JsonValueKind.String && e.GetString() == a.GetString())
                    ? null
                    : $"at {path}: expected {e.GetRawText()}, got {a.GetRawText()}";
        }
    }

    private static bool IsBool(JsonElement x) => x.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static string Kind(JsonElement x) => x.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>The gate over every golden request: the worst difference decides, and any problem fails it.</summary>
    public static QualityResult Judge(QualitySpec spec, IReadOnlyList<(string Label, ResponseComparison Comparison)> responses)
    {
        var numeric = responses.Where(r => r.Comparison.MaxAbsError != null).ToList();
        var problem = responses.FirstOrDefault(r => r.Comparison.Problem != null);
        var result = new QualityResult
        {
            Compare = Key(spec.Compare),
            Limit = spec.Compare == QualityCompare.Exact ? null : spec.Limit,
            Requests = responses.Count,
            MaxAbsError = numeric.Count > 0 ? numeric.Max(r => r.Comparison.MaxAbsError) : null,
            MinCosine = numeric.Count > 0 ? numeric.Min(r => r.Comparison.Cosine) : null,
            Exact = responses.All(r => r.Comparison.Exact),
            Problem = problem.Label != null ? $"{problem.Label}: {problem.Comparison.Problem}" : null,
        };
        result.Passed = spec.Compare switch
        {
            QualityCompare.Exact => result.Exact,
            _ when result.Problem != null => false,
            QualityCompare.MaxAbsError => result.MaxAbsError is { } m ? m <= spec.Limit : responses.All(r => r.Comparison.Exact),
            _ => result.MinCosine is { } c ? c >= spec.Limit : responses.All(r => r.Comparison.Exact),
        };
        return result;
    }

    public static string Key(QualityCompare compare) => compare switch
    {
        QualityCompare.Exact => "exact",
        QualityCompare.MaxAbsError => "maxAbsError",
        _ => "cosine",
    };

    /// <summary>The budget line: the judged figure against its limit, plus the other figure for context.</summary>
    public static string Describe(QualityResult q)
    {
        var figures = $"max abs error {Fmt(q.MaxAbsError)}, min cosine {Fmt(q.MinCosine)}";
        var over = $"over {q.Requests} golden request(s)";
        var verdict = q.Compare switch
        {
            "exact" => q.Exact ? "every response exact" : "a response differs from the expected bytes",
            "maxAbsError" => $"max abs error {Fmt(q.MaxAbsError)} {(q.Passed ? "<=" : ">")} max {Fmt(q.Limit)}",
            _ => $"min cosine {Fmt(q.MinCosine)} {(q.Passed ? ">=" : "<")} min {Fmt(q.Limit)}",
        };
        if (q.Problem != null) verdict = q.Problem;
        return $"quality: {verdict} {over} ({figures})";
    }

    internal static string Fmt(double? v) => v is { } x ? x.ToString("G8", CultureInfo.InvariantCulture) : "n/a";
}
