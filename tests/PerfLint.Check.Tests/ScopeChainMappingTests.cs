using PerfLint.Check.Mapping;
using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>
/// A construct path maps to C# through its whole scope chain: an id written in a class no segment above creates is
/// another construct's, however alike the ids; the nearest construct of the app's on the path stands in then.
/// </summary>
[TestFixture]
public sealed class ScopeChainMappingTests
{
    private CSharpSourceIndex _index = null!;

    [OneTimeSetUp]
    public void IndexTheProject()
    {
        var project = Paths.NewScratchDirectory("scope-chain");
        File.WriteAllText(Path.Combine(project, "Constructs.cs"), """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Lambda;
            using Constructs;

            public sealed class ApiConstruct : Construct
            {
                public ApiConstruct(Construct scope, string id) : base(scope, id)
                {
                    new DockerImageFunction(this, "Handler", new DockerImageFunctionProps { Code = DockerImageCode.FromImageAsset("api") });
                    Helpers.Logs(this);
                }
            }

            public sealed class WorkerConstruct : Construct
            {
                public WorkerConstruct(Construct scope, string id) : base(scope, id)
                {
                    new DockerImageFunction(this, "Runner", new DockerImageFunctionProps { Code = DockerImageCode.FromImageAsset("worker") });
                }
            }

            public static class Helpers
            {
                public static void Logs(Construct scope) => new Amazon.CDK.AWS.S3.Bucket(scope, "Logs");
            }

            public sealed class SvcStack : Stack
            {
                public SvcStack(Construct scope, string id) : base(scope, id)
                {
                    new ApiConstruct(this, "Api");
                    new WorkerConstruct(this, "Worker");
                }
            }
            """);
        _index = CSharpSourceIndex.Build(project);
    }

    private string? LineOf(string constructPath)
    {
        var site = _index.Find(constructPath);
        return site == null ? null : File.ReadAllLines(site.FilePath)[site.Position.Line - 1].Trim();
    }

    [Test]
    public void TheIdInTheClassThePathCreatesIsTheOne() =>
        Assert.That(LineOf("Svc/Api/Handler"), Does.StartWith("new DockerImageFunction(this, \"Handler\""));

    [Test]
    public void AnIdOfAnotherClassIsNotTakenAndTheParentStandsIn() =>
        Assert.That(LineOf("Svc/Worker/Handler"), Is.EqualTo("new WorkerConstruct(this, \"Worker\");"));

    [Test]
    public void AHelperTheCreatedClassCallsLeadsToItsId() =>
        Assert.That(LineOf("Svc/Api/Logs"), Is.EqualTo("public static void Logs(Construct scope) => new Amazon.CDK.AWS.S3.Bucket(scope, \"Logs\");"));
}
