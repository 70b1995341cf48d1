using System.Text.Json;
using Json.Schema;
using PerfLint.Testing;
using PerfLint.Integration.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace PerfLint.Integration.Tests;

/// <summary>
/// docs/ci's workflows for GitHub Actions, GitLab CI and Azure Pipelines, parsed as YAML: every shell step that does
/// not need the hosted service runs, as the service would run it, in a repository holding this repository's sample as a
/// CDK app that references the PerfLint package from a local feed. The hosted steps (SARIF upload, artifacts) must find
/// what the shell steps wrote.
/// </summary>
[Category("Package")]
[NonParallelizable]
public class CiWorkflowTests
{
    private const string Project = "src/CdkApp/CdkApp.csproj";

    // Loaded once: JsonSchema.Net registers a schema by its $id and refuses a second registration.
    private static readonly Lazy<JsonSchema> SarifSchema =
        new(() => JsonSchema.FromFile(Path.Combine(Repository.Root, "tests", "PerfLint.Check.Tests", "Schemas", "sarif-2.1.0.json")));
    private TempDirectory _work = null!;
    private string _feed = null!;
    private string _version = null!;
    private IDisposable _restored = null!;

    [OneTimeSetUp]
    public void PackOnce()
    {
        _work = new TempDirectory("perflint-ci");
        _feed = _work.Combine("feed");
        _version = LocalFeed.PackTestVersion("analyzers/PerfLint.Package/PerfLint.Package.csproj", _feed);
        _restored = LocalFeed.Restored("PerfLint", _version);
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        _restored.Dispose();
        _work.Dispose();
    }

    [Test]
    public void GitHub_Actions_builds_with_the_gate_merges_SARIF_for_upload_and_writes_the_job_summary()
    {
        var workflow = Load("github-actions.yml");
        var job = Get(Get(workflow, "jobs"), "perflint");
        var steps = Sequence(job, "steps");
        var repo = NewRepository("github");
        var temp = Directory.CreateDirectory(Path.Combine(repo, "..", "runner-temp")).FullName;
        var summary = Path.Combine(temp, "step-summary.md");
        var envFile = Path.Combine(temp, "github-env");
        File.WriteAllText(envFile, string.Empty);
        var env = Variables(workflow, "env");
        env["CDK_PROJECT"] = Project;
        env["RUNNER_TEMP"] = temp;
        env["GITHUB_WORKSPACE"] = repo;
        env["GITHUB_STEP_SUMMARY"] = summary;
        env["GITHUB_ENV"] = envFile;

        foreach (var step in steps.Where(s => Text(s, "run") != null))
        {
            // Actions' default shell for `run`: bash --noprofile --norc -eo pipefail; $GITHUB_ENV lines reach later steps.
            var run = Bash(repo, "set -eo pipefail\n" + Text(step, "run"), env);
            Assert.That(run.ExitCode, Is.Zero, $"{Text(step, "name")}:\n{run.Tail()}");
            foreach (var line in File.ReadAllLines(envFile).Where(l => l.Contains('=')))
            {
                env[line[..line.IndexOf('=')]] = line[(line.IndexOf('=') + 1)..];
            }
        }

        var upload = steps.Single(s => Text(s, "uses")?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);
        var sarifFile = Text(Get(upload, "with"), "sarif_file")!.Replace("${{ runner.temp }}", temp);
        Assert.Multiple(() =>
        {
            Assert.That(Text(Get(workflow, "permissions"), "security-events"), Is.EqualTo("write"));
            Assert.That(Text(Get(upload, "with"), "category"), Is.EqualTo("perflint"));
            AssertCodeScanningSarif(sarifFile, "perflint");
            Assert.That(File.ReadAllText(summary), Does.Contain("PL1001").And.Contain("CdkApp/Stacks/"), "the job summary lists findings with their C# files");
            // The optional bench job runs on a self-hosted GPU runner, never on a hosted one.
            var bench = Get(Get(workflow, "jobs"), "bench");
            Assert.That(Scalars(bench, "runs-on"), Is.EquivalentTo(new[] { "self-hosted", "gpu" }));
            Assert.That(Sequence(bench, "steps").Select(s => Text(s, "run")).Any(r => r?.Contains(" bench \"$BENCH_SPEC\"") == true));
        });
    }

    [Test]
    public void GitLab_CI_script_leaves_the_merged_SARIF_and_the_summary_as_artifacts()
    {
        var job = Get(Load("gitlab-ci.yml"), "perflint");
        var repo = NewRepository("gitlab");
        var env = Variables(job, "variables");
        env["CDK_PROJECT"] = Project;
        env["CI_PROJECT_DIR"] = repo;

        // GitLab runs a job's script lines in one shell, stopping at the first that fails; before_script only installs node.
        var script = string.Join("\n", Scalars(job, "script"));
        var run = Bash(repo, "set -eo pipefail\n" + script, env);
        Assert.That(run.ExitCode, Is.Zero, run.Tail());

        var artifacts = Scalars(Get(job, "artifacts"), "paths").Select(p => Path.Combine(repo, p)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(artifacts, Has.All.Exist);
            AssertCodeScanningSarif(artifacts.Single(a => a.EndsWith(".sarif", StringComparison.Ordinal)), "perflint");
            Assert.That(File.ReadAllText(artifacts.Single(a => a.EndsWith(".md", StringComparison.Ordinal))), Does.Contain("PL1001"));
        });
    }

    [Test]
    public void Azure_Pipelines_bash_steps_publish_the_SARIF_as_the_CodeAnalysisLogs_artifact()
    {
        var pipeline = Load("azure-pipelines.yml");
        var steps = Sequence(pipeline, "steps");
        var repo = NewRepository("azure");
        var agentTemp = Directory.CreateDirectory(Path.Combine(repo, "..", "agent-temp")).FullName;
        var staging = Directory.CreateDirectory(Path.Combine(repo, "..", "staging")).FullName;
        var env = Variables(pipeline, "variables");
        env["CDK_PROJECT"] = Project;
        env["AGENT_TEMPDIRECTORY"] = agentTemp;
        env["BUILD_ARTIFACTSTAGINGDIRECTORY"] = staging;

        var output = new List<string>();
        foreach (var step in steps.Where(s => Text(s, "bash") != null))
        {
            var run = Bash(repo, "set -eo pipefail\n" + Text(step, "bash"), env);
            Assert.That(run.ExitCode, Is.Zero, $"{Text(step, "displayName")}:\n{run.Tail()}");
            output.Add(run.Output);
        }

        var publish = steps.Single(s => Text(s, "task") == "PublishBuildArtifacts@1");
        var published = Text(Get(publish, "inputs"), "PathtoPublish")!.Replace("$(Build.ArtifactStagingDirectory)", staging);
        Assert.Multiple(() =>
        {
            Assert.That(Text(Get(publish, "inputs"), "ArtifactName"), Is.EqualTo("CodeAnalysisLogs"));
            AssertCodeScanningSarif(Path.Combine(published, "perflint.sarif"), "perflint");
            var upload = output.SelectMany(o => o.Split('\n')).Single(l => l.StartsWith("##vso[task.uploadsummary]", StringComparison.Ordinal));
            Assert.That(File.ReadAllText(upload["##vso[task.uploadsummary]".Length..].Trim()), Does.Contain("PL1001"));
        });
    }

    /// <summary>Valid SARIF 2.1.0 with one run per tool, the category, results with line-hash fingerprints and URIs relative to the repository.</summary>
    private static void AssertCodeScanningSarif(string file, string category)
    {
        Assert.That(file, Does.Exist);
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var evaluation = SarifSchema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.That(evaluation.IsValid, Is.True, string.Join("\n", (evaluation.Details ?? new List<EvaluationResults>()).Where(d => d.Errors != null).Select(d => d.InstanceLocation + ": " + string.Join("; ", d.Errors!.Values))));
        var runs = doc.RootElement.GetProperty("runs").EnumerateArray().ToList();
        var tools = runs.Select(r => r.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString()).ToList();
        var results = runs.SelectMany(r => r.GetProperty("results").EnumerateArray()).ToList();
        Assert.That(tools, Is.Unique);
        Assert.That(runs.Select(r => r.GetProperty("automationDetails").GetProperty("id").GetString()), Has.All.StartWith(category));
        Assert.That(results, Is.Not.Empty);
        Assert.That(results.Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("PL", StringComparison.Ordinal)).Select(r => r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()),
            Has.All.Not.Empty);
        var uris = results.SelectMany(r => r.GetProperty("locations").EnumerateArray())
            .Select(l => l.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()).ToList();
        Assert.That(uris, Has.Some.StartWith("src/CdkApp/"));
        Assert.That(uris, Has.None.StartWith("/"));
    }

    /// <summary>A fresh git repository with the sample at src/CdkApp, referencing the packed PerfLint (each workflow builds it clean, as CI does).</summary>
    private string NewRepository(string name)
    {
        var repo = _work.Combine(name, "repo");
        var app = Path.Combine(repo, "src", "CdkApp");
        foreach (var file in Directory.EnumerateFiles(Repository.SampleDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Repository.SampleDirectory, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal) ||
                relative is "CdkApp.csproj" or "Directory.Build.props")
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(app, relative))!);
            File.Copy(file, Path.Combine(app, relative));
        }

        File.WriteAllText(Path.Combine(app, "CdkApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>disable</ImplicitUsings>
                <RootNamespace>CdkApp</RootNamespace>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Amazon.CDK.Lib" Version="2.160.0" />
                <PackageReference Include="PerfLint" Version="{_version}" />
              </ItemGroup>
            </Project>
            """);
        LocalFeed.WriteNuGetConfig(repo, _feed);
        Assert.That(ProcessRunner.Run("git", new[] { "init", "--quiet", repo }, repo, null, TimeSpan.FromMinutes(1)).ExitCode, Is.Zero);
        return repo;
    }

    private ProcessResult Bash(string directory, string script, Dictionary<string, string> env)
    {
        var withTemp = new Dictionary<string, string>(env) { ["TMPDIR"] = Directory.CreateDirectory(_work.Combine("tmp")).FullName };
        return ProcessRunner.Run("bash", new[] { "--noprofile", "--norc", "-c", script }, directory, withTemp, TimeSpan.FromMinutes(12));
    }

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Repository.Root, "docs", "ci", file));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode Get(YamlNode node, string key) => ((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static List<YamlMappingNode> Sequence(YamlNode node, string key) =>
        ((YamlSequenceNode)Get(node, key)).Children.Cast<YamlMappingNode>().ToList();

    private static List<string> Scalars(YamlNode node, string key) =>
        ((YamlSequenceNode)Get(node, key)).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();

    private static string? Text(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    private static Dictionary<string, string> Variables(YamlNode node, string key) =>
        ((YamlMappingNode)Get(node, key)).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!);
}
