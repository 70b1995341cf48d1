using System.Text.RegularExpressions;

namespace PerfLint.Integration.Tests.Infrastructure;

/// <summary>A diagnostic the sample says must appear: rule id on a line of a file (path relative to the sample).</summary>
internal sealed record ExpectedDiagnostic(string File, int Line, string RuleId)
{
    public override string ToString() => $"{File}:{Line} {RuleId}";
}

/// <summary>Reads the `// expect: PL1001, PL1005` markers at the end of source lines.</summary>
internal static partial class ExpectMarkers
{
    [GeneratedRegex(@"//\s*expect:\s*(?<ids>PL\d{4}(?:\s*,\s*PL\d{4})*)\s*$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"PL\d{4}")]
    private static partial Regex RuleId();

    public static IReadOnlyList<ExpectedDiagnostic> Read(string directory)
    {
        var expected = new List<ExpectedDiagnostic>();
        foreach (var file in SourceFiles(directory))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var match = Marker().Match(lines[i]);
                if (!match.Success)
                {
                    continue;
                }

                foreach (Match id in RuleId().Matches(match.Groups["ids"].Value))
                {
                    expected.Add(new ExpectedDiagnostic(Relative(directory, file), i + 1, id.Value));
                }
            }
        }

        return expected;
    }

    public static string Relative(string directory, string file) =>
        Path.GetRelativePath(directory, file).Replace('\\', '/');

    private static IEnumerable<string> SourceFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Relative(directory, f).Split('/').Any(part => part is "bin" or "obj" or "cdk.out"))
            .OrderBy(f => f, StringComparer.Ordinal);
}
