using PerfLint.Knowledge.Offerings;
using PerfLint.Prices.Refresh;
using YamlDotNet.RepresentationModel;

namespace PerfLint.Prices.Tests;

/// <summary>
/// docs/ci/refresh-prices.yml, parsed as YAML: a scheduled GitHub Actions job that gets OIDC credentials, runs
/// `perflint prices refresh` with arguments the command accepts, and opens a pull request afterwards.
/// </summary>
public class RefreshWorkflowTests
{
    private static YamlMappingNode Workflow()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(PerfLint.Testing.RepositoryRoot.Path, "docs", "ci", "refresh-prices.yml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode Get(YamlNode node, string key) => ((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static string? Text(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    private static List<YamlMappingNode> Steps() =>
        ((YamlSequenceNode)Get(Get(Get(Workflow(), "jobs"), "refresh"), "steps")).Children.Cast<YamlMappingNode>().ToList();

    [Test]
    public void Runs_on_a_cron_schedule_with_an_oidc_token()
    {
        var workflow = Workflow();
        var cron = Text(((YamlSequenceNode)Get(Get(workflow, "on"), "schedule")).Children[0], "cron");
        Assert.Multiple(() =>
        {
            Assert.That(cron?.Split(' ', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(5), cron);
            Assert.That(Text(Get(workflow, "permissions"), "id-token"), Is.EqualTo("write"));
            Assert.That(Text(Get(workflow, "permissions"), "pull-requests"), Is.EqualTo("write"));
        });
    }

    [Test]
    public void Gets_credentials_then_refreshes_then_opens_a_pull_request()
    {
        var steps = Steps();
        int Index(Func<YamlMappingNode, bool> match) => steps.FindIndex(s => match(s));
        var credentials = Index(s => Text(s, "uses")?.StartsWith("aws-actions/configure-aws-credentials@", StringComparison.Ordinal) == true);
        var refresh = Index(s => Text(s, "run")?.TrimStart().StartsWith("$PERFLINT prices refresh", StringComparison.Ordinal) == true);
        var runner = Index(s => Text(s, "run")?.Contains("-path '*/tools/perflint.dll'") == true);
        var pullRequest = Index(s => Text(s, "uses")?.StartsWith("peter-evans/create-pull-request@", StringComparison.Ordinal) == true);
        Assert.Multiple(() =>
        {
            Assert.That(credentials, Is.GreaterThanOrEqualTo(0), "a configure-aws-credentials step");
            Assert.That(runner, Is.GreaterThanOrEqualTo(0).And.LessThan(refresh), "the runner is found in the restored PerfLint package first");
            Assert.That(refresh, Is.GreaterThan(credentials), "perflint prices refresh runs after the credentials step");
            Assert.That(pullRequest, Is.GreaterThan(refresh), "the pull request is opened after the refresh");
        });
        Assert.Multiple(() =>
        {
            // OIDC: a role to assume, no stored access keys.
            Assert.That(Text(Get(steps[credentials], "with"), "role-to-assume"), Is.Not.Empty);
            Assert.That(Text(Get(steps[credentials], "with"), "aws-access-key-id"), Is.Null);
            Assert.That(Text(Get(steps[pullRequest], "with"), "add-paths"), Is.EqualTo("${{ env.PRICES_FILE }}"));
        });
    }

    [Test]
    public void The_package_ships_the_runner_where_the_workflow_looks_for_it() =>
        // The workflow runs tools/perflint.dll from the restored PerfLint package (analyzers/PerfLint.Package).
        Assert.That(File.ReadAllText(Path.Combine(PerfLint.Testing.RepositoryRoot.Path, "analyzers", "PerfLint.Package", "PerfLint.Package.csproj")),
            Does.Contain("PackagePath=\"tools/"));

    [Test]
    public void The_refresh_arguments_are_ones_the_command_accepts()
    {
        var run = Text(Steps().Single(s => Text(s, "run")?.Contains("$PERFLINT prices refresh") == true), "run")!;
        var words = run.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Skip(3).ToList();
        var services = words.Select((w, i) => (w, i)).Where(p => p.w == "--service").Select(p => words[p.i + 1]).ToList();
        var regions = words.Select((w, i) => (w, i)).Where(p => p.w == "--region").Select(p => words[p.i + 1]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(services, Is.EquivalentTo(PriceQuery.Services));
            Assert.That(regions, Is.Not.Empty.And.All.Matches<string>(Regions.IsKnown));
            Assert.That(words.Where(w => w.StartsWith("--", StringComparison.Ordinal)).Distinct(), Is.SubsetOf(new[] { "--service", "--region", "--output" }));
        });
    }
}
