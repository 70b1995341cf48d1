using System.Text.Json;

namespace PerfLint.Check.Tests.Infrastructure;

/// <summary>Runs `perflint check` in process (the command line the executable parses) and parses its JSON.</summary>
public static class CheckRun
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;

        public IReadOnlyList<JsonElement> Findings => Json.GetProperty("findings").EnumerateArray().ToList();

        public IReadOnlyList<JsonElement> FindingsOf(string ruleId) => Findings.Where(f => f.GetProperty("ruleId").GetString() == ruleId).ToList();

        public JsonElement Single(string ruleId, string constructPath)
        {
            var hits = FindingsOf(ruleId).Where(f => f.GetProperty("constructPath").GetString() == constructPath).ToList();
            Assert.That(hits, Has.Count.EqualTo(1), $"{ruleId} at {constructPath}; all findings:\n{Summary}");
            return hits[0];
        }

        public string Summary => string.Join("\n", Findings.Select(f => f.GetProperty("ruleId").GetString() + " " + f.GetProperty("constructPath").GetString()));
    }

    public static Result Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = Runner.Program.RunAsync(Runner.Program.CreateRoot(), args.Prepend("check").ToArray(), stdout, stderr).GetAwaiter().GetResult();
        return new Result(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>JSON findings for a cloud assembly, with an .editorconfig that sets nothing unless given.</summary>
    public static Result Json(string input, params string[] extra) => Run(new[] { input, "--format", "json" }.Concat(extra).ToArray());

    /// <summary>An .editorconfig in a scratch directory with the given lines under [*.cs].</summary>
    public static string EditorConfig(params string[] lines)
    {
        var path = Path.Combine(Paths.NewScratchDirectory("editorconfig"), ".editorconfig");
        File.WriteAllText(path, "root = true\n\n[*.cs]\n" + string.Join("\n", lines) + "\n");
        return path;
    }
}
