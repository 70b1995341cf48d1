using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using static PerfLint.Analyzers.Tests.Infrastructure.CdkSource;
using VerifyAnalyzer = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.PreviousGenerationInstanceAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>
/// A user price file given as an additional file changes the prices PL1001 quotes to the file's, with its import date
/// and name. Expected messages are written from the files below and the embedded data (snapshot 2026-07-20).
/// </summary>
public class UserPriceFileTests
{
    private const string Source = """
        new CfnInstanceProps { InstanceType = {|#0:"c4.large"|} };
        """;

    private const string Why = "'c4.large' is previous generation for EC2 (EC2 DescribeInstanceTypes: CurrentGeneration=false); use 'c8i.large' (2 vCPU, 4 GiB vs 2 vCPU, 3.75 GiB";

    private const string Tail = "; newer generations also do more work per vCPU) [successor: analyst mapping: newest family of the same CPU line; offered by EC2 in 23 of 38 regions; region unknown: set perflint_region to check yours]";

    private static string PriceFile(params (string Type, string Usd)[] rows) =>
        "{\"formatVersion\": 1, \"imported\": \"2026-12-01\", \"prices\": [" +
        string.Join(",", rows.Select(r => "{\"service\": \"AmazonEC2\", \"instanceType\": \"" + r.Type + "\", \"region\": \"us-east-1\", \"usdPerHour\": " + r.Usd + "}")) +
        "]}";

    private static Task Verify(string message, params (string Path, string Text)[] files) => Verify(message, null, files);

    private static async Task Verify(string message, string? globalConfig, params (string Path, string Text)[] files)
    {
        var test = new VerifyAnalyzer.Test();
        test.TestState.Sources.Add(Stack(Source));
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add(file);
        }

        if (globalConfig != null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig + "\n"));
        }

        test.ExpectedDiagnostics.Add(VerifyAnalyzer.Diagnostic("PL1001").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithMessage(message));
        await test.RunAsync(CancellationToken.None);
    }

    [Test]
    public Task Without_a_price_file_the_snapshot_is_quoted() =>
        Verify(Why + "; $0.09371/h vs $0.1/h, EC2 On-Demand us-east-1, 2026-07-20" + Tail);

    [Test]
    public Task The_price_file_beside_the_project_is_quoted_with_its_date_and_name() =>
        Verify(Why + "; $0.0893/h vs $0.105/h, EC2 On-Demand us-east-1, 2026-12-01 (perflint.prices.json)" + Tail,
            ("/0/perflint.prices.json", PriceFile(("c4.large", "0.105"), ("c8i.large", "0.0893"))));

    [Test]
    public Task A_price_file_named_by_perflint_prices_file_is_quoted() =>
        Verify(Why + "; $0.0893/h vs $0.105/h, EC2 On-Demand us-east-1, 2026-12-01 (aws.json)" + Tail,
            "perflint_prices_file = prices/aws.json",
            ("/0/prices/aws.json", PriceFile(("c4.large", "0.105"), ("c8i.large", "0.0893"))),
            ("/0/other.json", PriceFile(("c4.large", "9"), ("c8i.large", "8"))));

    [Test]
    public Task A_real_price_is_not_compared_with_a_snapshot_price() =>
        Verify(Why + Tail, ("/0/perflint.prices.json", PriceFile(("c4.large", "0.105"))));

    [Test]
    public Task A_bad_price_file_is_ignored() =>
        Verify(Why + "; $0.09371/h vs $0.1/h, EC2 On-Demand us-east-1, 2026-07-20" + Tail, ("/0/perflint.prices.json", "{ \"formatVersion\": 1, \"prices\": [ "));
}
