namespace PerfLint.Check.Sarif;

/// <summary>
/// The stable identity of a finding, the same in the compiler's SARIF log and in `perflint check`'s: rule id, file
/// relative to the source root, and the construct as the C# writes it (the id argument of <c>new X(scope, "id", …)</c>
/// and its line, which the analyzers put in <c>PerfLintConstruct</c>/<c>PerfLintConstructLine</c>). A template finding
/// with no C# line has the template file and its construct path instead; a compiler result with no construct, its
/// line, column and message. Written as <c>partialFingerprints["perflintFindingKey/v1"]</c>; `sarif merge` and
/// `--baseline` match by it. Two findings of one rule on one construct (two gp2 block devices of an instance) are told
/// apart as code scanning tells equal line hashes apart: the second in file order gets <c>#2</c>, and so on.
/// </summary>
public static class FindingKeys
{
    public const string FingerprintName = "perflintFindingKey/v1";

    /// <summary>Numbers repeated keys in the order of their positions: the first keeps its key, then <c>key#2</c>, <c>key#3</c>.</summary>
    public static IReadOnlyList<string> Numbered<T>(IReadOnlyList<T> items, Func<T, string> key, Func<T, (int Line, int Column)> position)
    {
        var keys = items.Select(key).ToArray();
        foreach (var group in Enumerable.Range(0, items.Count).GroupBy(i => keys[i], StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var n = 0;
            foreach (var i in group.OrderBy(i => position(items[i]).Line).ThenBy(i => position(items[i]).Column).ThenBy(i => i).ToList())
            {
                if (++n > 1)
                {
                    keys[i] += "#" + n;
                }
            }
        }

        return keys;
    }

    public static string Construct(string ruleId, string file, int constructLine, string constructId) =>
        $"{ruleId}|{file}:{constructLine}|{constructId}";

    public static string Template(string ruleId, string templateFile, string constructPath, string? property) =>
        $"{ruleId}|{templateFile}|{constructPath}" + (property == null ? string.Empty : "." + property);

    public static string Position(string ruleId, string file, int line, int column, string message) =>
        $"{ruleId}|{file}:{line}:{column}|{message}";
}
