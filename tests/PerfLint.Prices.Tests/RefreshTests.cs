using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using PerfLint.Prices.Refresh;
using PerfLint.Prices.Tests.Refresh;

namespace PerfLint.Prices.Tests;

/// <summary>
/// `perflint prices refresh` against a loopback GetProducts server that verifies every SigV4 signature with its own
/// code, serves hand-written pages in AWS's format (Fixtures/api) and throttles on request. Credentials come from the
/// AWS SDK's real chain (environment variables set per test). Expected texts are written from the fixtures.
/// </summary>
[NonParallelizable]
public class RefreshTests
{
    private const string OldFile = "{\"formatVersion\": 1, \"imported\": \"2026-07-01\", \"prices\": []}";

    private const string SageMakerFirstPage =
        "{\"ServiceCode\":\"AmazonSageMaker\",\"Filters\":[{\"Type\":\"TERM_MATCH\",\"Field\":\"regionCode\",\"Value\":\"us-east-1\"}," +
        "{\"Type\":\"TERM_MATCH\",\"Field\":\"component\",\"Value\":\"Hosting\"}],\"FormatVersion\":\"aws_v1\",\"MaxResults\":100}";

    private const string SageMakerSecondPage =
        "{\"ServiceCode\":\"AmazonSageMaker\",\"Filters\":[{\"Type\":\"TERM_MATCH\",\"Field\":\"regionCode\",\"Value\":\"us-east-1\"}," +
        "{\"Type\":\"TERM_MATCH\",\"Field\":\"component\",\"Value\":\"Hosting\"}],\"FormatVersion\":\"aws_v1\"," +
        "\"NextToken\":\"AQAAAF-sagemaker-us-east-1-page-2\",\"MaxResults\":100}";

    private const string Ec2Page =
        "{\"ServiceCode\":\"AmazonEC2\",\"Filters\":[{\"Type\":\"TERM_MATCH\",\"Field\":\"regionCode\",\"Value\":\"us-east-1\"}," +
        "{\"Type\":\"TERM_MATCH\",\"Field\":\"operatingSystem\",\"Value\":\"Linux\"},{\"Type\":\"TERM_MATCH\",\"Field\":\"tenancy\",\"Value\":\"Shared\"}," +
        "{\"Type\":\"TERM_MATCH\",\"Field\":\"preInstalledSw\",\"Value\":\"NA\"},{\"Type\":\"TERM_MATCH\",\"Field\":\"capacitystatus\",\"Value\":\"Used\"}]," +
        "\"FormatVersion\":\"aws_v1\",\"MaxResults\":100}";

    private string _dir = null!;
    private GetProductsServer _server = null!;
    private readonly List<TimeSpan> _waits = new();

    [SetUp]
    public void Start()
    {
        _dir = Directory.CreateTempSubdirectory("perflint-refresh-").FullName;
        _server = new GetProductsServer();
        _server.Page("AmazonSageMaker", null, File.ReadAllText(CommandRun.Fixture("api/sagemaker-page-1.json")));
        _server.Page("AmazonSageMaker", "AQAAAF-sagemaker-us-east-1-page-2", File.ReadAllText(CommandRun.Fixture("api/sagemaker-page-2.json")));
        _server.Page("AmazonEC2", null, File.ReadAllText(CommandRun.Fixture("api/ec2-us-east-1.json")));
        _waits.Clear();
    }

    [TearDown]
    public async Task Stop()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private string Output => Path.Combine(_dir, "perflint.prices.json");

    private RefreshSettings Settings(int maxAttempts = 6, string? endpoint = null) => new()
    {
        Environment = name => name == PricingEndpoint.ServiceOverrideVariable ? endpoint ?? _server.Url : null,
        Retry = new RetryPolicy
        {
            MaxAttempts = maxAttempts,
            Random = new Random(23),
            Wait = (delay, _) =>
            {
                _waits.Add(delay);
                return Task.CompletedTask;
            },
        },
    };

    private Task<CommandRun> Refresh(RefreshSettings settings, params string[] args) =>
        CommandRun.RunAsync(settings, new[] { "prices", "refresh" }.Concat(args).Concat(new[] { "--output", Output, "--date", "2026-12-05" }).ToArray());

    private Task<CommandRun> RefreshSageMakerAndEc2(RefreshSettings settings) =>
        Refresh(settings, "--service", "AmazonSageMaker", "--service", "AmazonEC2", "--region", "us-east-1");

    private static List<string> Rows(string json)
    {
        using var document = JsonDocument.Parse(json);
        string? Get(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.Number ? v.GetRawText() : v.GetString() : "-";
        return document.RootElement.GetProperty("prices").EnumerateArray()
            .Select(e => string.Join("|", new[] { "service", "use", "instanceType", "region", "usdPerHour", "effectiveDate", "source" }.Select(n => Get(e, n))))
            .ToList();
    }

    [Test]
    public async Task Refresh_signs_every_request_follows_pages_retries_a_throttle_and_writes_the_price_file()
    {
        _server.ThrottleNext = 1;
        using var aws = new AwsEnvironment(_dir, GetProductsServer.AccessKey, GetProductsServer.SecretKey);
        var run = await RefreshSageMakerAndEc2(Settings());
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
            Assert.That(run.Stderr, Is.Empty);
            Assert.That(run.Stdout, Is.EqualTo(
                $"perflint prices: 4 prices (AmazonEC2 2, AmazonSageMaker 2) from 2 GetProducts queries (3 page(s)) at 127.0.0.1, refreshed 2026-12-05, written to {Output}\n"));
            Assert.That(run.Stdout + run.Stderr, Does.Not.Contain(GetProductsServer.SecretKey));
            Assert.That(_server.SignatureFailures, Is.Empty);
            // The throttled first call, its retry, the second SageMaker page, the EC2 page.
            Assert.That(_server.Requests.Select(r => r.Body), Is.EqualTo(new[] { SageMakerFirstPage, SageMakerFirstPage, SageMakerSecondPage, Ec2Page }));
            Assert.That(_server.Requests.Select(r => ServerSideSigV4.Header(r.Headers, "X-Amz-Target")).Distinct(), Is.EqualTo(new[] { "AWSPriceListService.GetProducts" }));
            Assert.That(_server.Requests.Select(r => ServerSideSigV4.Header(r.Headers, "Content-Type")).Distinct(), Is.EqualTo(new[] { "application/x-amz-json-1.1" }));
            Assert.That(ServerSideSigV4.Header(_server.Requests[0].Headers, "Authorization"), Does.StartWith("AWS4-HMAC-SHA256 Credential=AKIDPERFLINTTEST0001/"));
            Assert.That(_waits, Has.Count.EqualTo(1));
            Assert.That(_waits[0], Is.InRange(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)));
        });
        Assert.That(Rows(File.ReadAllText(Output)), Is.EqualTo(new[]
        {
            "AmazonEC2|-|c4.large|us-east-1|0.1|2026-11-01|GetProducts AmazonEC2 us-east-1",
            "AmazonEC2|-|c8i.large|us-east-1|0.09371|2026-11-01|GetProducts AmazonEC2 us-east-1",
            "AmazonSageMaker|Hosting|ml.g5.12xlarge|us-east-1|7.09|2026-11-01|GetProducts AmazonSageMaker us-east-1",
            "AmazonSageMaker|Hosting|ml.g5.xlarge|us-east-1|1.408|2026-11-01|GetProducts AmazonSageMaker us-east-1",
        }));
    }

    [Test]
    public async Task The_file_records_the_date_and_the_query()
    {
        using var aws = new AwsEnvironment(_dir, GetProductsServer.AccessKey, GetProductsServer.SecretKey);
        Assert.That((await RefreshSageMakerAndEc2(Settings())).ExitCode, Is.EqualTo(0));
        using var file = JsonDocument.Parse(File.ReadAllText(Output));
        var root = file.RootElement;
        var query = root.GetProperty("query");
        string Filters(int i) => string.Join(", ", query.GetProperty("requests")[i].GetProperty("filters").EnumerateArray()
            .Select(f => $"{f.GetProperty("type").GetString()} {f.GetProperty("field").GetString()}={f.GetProperty("value").GetString()}"));
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("imported").GetString(), Is.EqualTo("2026-12-05"));
            Assert.That(root.GetProperty("generator").GetString(), Is.EqualTo("perflint prices refresh"));
            Assert.That(query.GetProperty("api").GetString(), Is.EqualTo("AWS Price List Query API GetProducts, FormatVersion aws_v1"));
            Assert.That(query.GetProperty("services").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "AmazonSageMaker", "AmazonEC2" }));
            Assert.That(query.GetProperty("regions").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "us-east-1" }));
            Assert.That(query.GetProperty("requests").GetArrayLength(), Is.EqualTo(2));
            Assert.That(query.GetProperty("requests")[0].GetProperty("serviceCode").GetString(), Is.EqualTo("AmazonSageMaker"));
            Assert.That(Filters(0), Is.EqualTo("TERM_MATCH regionCode=us-east-1, TERM_MATCH component=Hosting"));
            Assert.That(Filters(1), Is.EqualTo(
                "TERM_MATCH regionCode=us-east-1, TERM_MATCH operatingSystem=Linux, TERM_MATCH tenancy=Shared, TERM_MATCH preInstalledSw=NA, TERM_MATCH capacitystatus=Used"));
        });
    }

    [Test]
    public void Every_service_has_the_filters_the_issue_lists()
    {
        string Describe(ServiceQuery q) => q.ServiceCode + ": " + string.Join(", ", q.Filters.Select(f => $"{f.Field}={f.Value}"));
        Assert.That(PriceQuery.Build(PriceQuery.Services, new[] { "eu-west-1" }).Select(Describe), Is.EqualTo(new[]
        {
            "AmazonSageMaker: regionCode=eu-west-1, component=Hosting",
            "AmazonRDS: regionCode=eu-west-1, productFamily=Database Instance, deploymentOption=Single-AZ, databaseEngine=PostgreSQL",
            "AmazonRDS: regionCode=eu-west-1, productFamily=Database Instance, deploymentOption=Single-AZ, databaseEngine=MySQL",
            "AmazonRDS: regionCode=eu-west-1, productFamily=Database Instance, deploymentOption=Single-AZ, databaseEngine=MariaDB",
            "AmazonRDS: regionCode=eu-west-1, productFamily=Database Instance, deploymentOption=Single-AZ, databaseEngine=Aurora PostgreSQL",
            "AmazonRDS: regionCode=eu-west-1, productFamily=Database Instance, deploymentOption=Single-AZ, databaseEngine=Aurora MySQL",
            "AmazonElastiCache: regionCode=eu-west-1, productFamily=Cache Instance",
            "AmazonES: regionCode=eu-west-1",
            "AmazonEC2: regionCode=eu-west-1, operatingSystem=Linux, tenancy=Shared, preInstalledSw=NA, capacitystatus=Used",
        }));
    }

    [Test]
    public async Task A_session_token_is_sent_and_signed()
    {
        using var aws = new AwsEnvironment(_dir, GetProductsServer.AccessKey, GetProductsServer.SecretKey, "FQoGZXIvYXdzEPerfLintTestSessionToken==");
        var run = await Refresh(Settings(), "--service", "AmazonEC2");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
            Assert.That(_server.SignatureFailures, Is.Empty);
            Assert.That(ServerSideSigV4.Header(_server.Requests[0].Headers, "X-Amz-Security-Token"), Is.EqualTo("FQoGZXIvYXdzEPerfLintTestSessionToken=="));
            Assert.That(ServerSideSigV4.Header(_server.Requests[0].Headers, "Authorization"),
                Does.Contain("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, "));
            Assert.That(run.Stdout + run.Stderr, Does.Not.Contain("FQoGZXIvYXdzEPerfLintTestSessionToken"));
        });
    }

    [TestCase(429)]
    [TestCase(503)]
    public async Task Http_429_and_503_are_retried_with_growing_waits(int status)
    {
        _server.ThrottleNext = 2;
        _server.ThrottleStatus = status;
        using var aws = new AwsEnvironment(_dir, GetProductsServer.AccessKey, GetProductsServer.SecretKey);
        var run = await Refresh(Settings(), "--service", "AmazonEC2");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
            Assert.That(_server.Requests, Has.Count.EqualTo(3));
            Assert.That(_waits, Has.Count.EqualTo(2));
            Assert.That(_waits[0], Is.InRange(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)));
            Assert.That(_waits[1], Is.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));
        });
    }

    [Test]
    public void Backoff_doubles_up_to_the_cap_with_jitter()
    {
        var policy = new RetryPolicy { Random = new Random(7) };
        Assert.Multiple(() =>
        {
            for (var retry = 1; retry <= 10; retry++)
            {
                var ceiling = Math.Min(30, Math.Pow(2, retry - 1));
                Assert.That(policy.DelayBefore(retry).TotalSeconds, Is.InRange(ceiling / 2, ceiling), $"retry {retry}");
            }

            // Jitter: the same retry does not always wait the same time.
            Assert.That(Enumerable.Range(0, 20).Select(_ => policy.DelayBefore(3)).Distinct().Count(), Is.GreaterThan(1));
        });
    }

    [Test]
    public async Task Throttling_that_outlasts_the_retries_exits_2_and_keeps_the_old_file()
    {
        File.WriteAllText(Output, OldFile);
        _server.ThrottleNext = 10;
        using var aws = new AwsEnvironment(_dir, GetProductsServer.AccessKey, GetProductsServer.SecretKey);
        var run = await Refresh(Settings(maxAttempts: 3), "--service", "AmazonEC2");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr, Is.EqualTo(
                "perflint prices refresh: the Price List API is still throttling after 3 attempts (HTTP 400 ThrottlingException: Rate exceeded); try again later\n"));
            Assert.That(_waits, Has.Count.EqualTo(2));
            Assert.That(File.ReadAllText(Output), Is.EqualTo(OldFile));
            Assert.That(Directory.GetFiles(_dir), Is.EqualTo(new[] { Output }));
        });
    }

    [Test]
    public async Task A_wrong_secret_key_is_a_clear_error_that_prints_no_secret()
    {
        File.WriteAllText(Output, OldFile);
        const string WrongSecret = "perflint/Wrong+Secret/Key0123456789abcdefg";
        using var aws = new AwsEnvironment(_dir, GetProductsServer.AccessKey, WrongSecret);
        var run = await Refresh(Settings(), "--service", "AmazonEC2");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr, Is.EqualTo(
                "perflint prices refresh: AWS rejected the credentials (access key ****************0001) for the Price List API (HTTP 400 InvalidSignatureException: " +
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.)\n"));
            Assert.That(run.Stdout + run.Stderr, Does.Not.Contain(WrongSecret).And.Not.Contain(GetProductsServer.AccessKey));
            Assert.That(_server.SignatureFailures, Is.EqualTo(new[] { "signature mismatch" }));
            Assert.That(File.ReadAllText(Output), Is.EqualTo(OldFile));
        });
    }

    [Test]
    public async Task An_unknown_access_key_is_a_clear_error()
    {
        using var aws = new AwsEnvironment(_dir, "AKIDNOTKNOWNHERE9999", GetProductsServer.SecretKey);
        var run = await Refresh(Settings(), "--service", "AmazonEC2");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr, Is.EqualTo(
                "perflint prices refresh: AWS rejected the credentials (access key ****************9999) for the Price List API " +
                "(HTTP 400 UnrecognizedClientException: The security token included in the request is invalid.)\n"));
            Assert.That(File.Exists(Output), Is.False);
        });
    }

    [Test]
    public async Task Missing_credentials_are_a_clear_error_before_any_request()
    {
        File.WriteAllText(Output, OldFile);
        using var aws = new AwsEnvironment(_dir, null, null);
        var run = await Refresh(Settings(), "--service", "AmazonEC2");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr, Is.EqualTo(
                "perflint prices refresh: no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or a web identity role " +
                "(AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE), or run where instance or container credentials are available\n"));
            Assert.That(_server.Requests, Is.Empty);
            Assert.That(File.ReadAllText(Output), Is.EqualTo(OldFile));
        });
    }

    [Test]
    public async Task No_network_is_a_clear_error()
    {
        File.WriteAllText(Output, OldFile);
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        using var aws = new AwsEnvironment(_dir, GetProductsServer.AccessKey, GetProductsServer.SecretKey);
        var run = await Refresh(Settings(endpoint: $"http://127.0.0.1:{port}/"), "--service", "AmazonEC2");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr, Is.EqualTo($"perflint prices refresh: cannot reach the Price List API at http://127.0.0.1:{port}/: connection refused\n"));
            Assert.That(File.ReadAllText(Output), Is.EqualTo(OldFile));
        });
    }

    [Test]
    public async Task Cancelling_the_command_lines_token_stops_the_refresh_and_keeps_the_old_file()
    {
        File.WriteAllText(Output, OldFile);
        using var cancel = new CancellationTokenSource();
        var settings = new RefreshSettings
        {
            // Ctrl+C while the credential chain is being asked.
            Credentials = async ct =>
            {
                await cancel.CancelAsync();
                await Task.Delay(Timeout.Infinite, ct);
                throw new InvalidOperationException("not cancelled");
            },
        };
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await PerfLint.Runner.Program.RunAsync(PerfLint.Runner.Program.CreateRoot(settings),
            new[] { "prices", "refresh", "--output", Output }, stdout, stderr, ct: cancel.Token);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr.ToString().Replace("\r\n", "\n"), Is.EqualTo($"perflint prices refresh: cancelled; {Output} was left as it was\n"));
            Assert.That(File.ReadAllText(Output), Is.EqualTo(OldFile));
        });
    }

    [TestCase("mars-east-1", "perflint prices refresh: --region 'mars-east-1' is not a region PerfLint knows (38 regions, Data/regions.csv)")]
    [TestCase("US-EAST-1", "perflint prices refresh: --region 'US-EAST-1' is not a region PerfLint knows (38 regions, Data/regions.csv)")]
    public async Task An_unknown_region_exits_2_through_the_perflint_entry_point_and_keeps_the_old_file(string region, string message)
    {
        File.WriteAllText(Output, OldFile);
        var run = await CommandRun.RunAsync("prices", "refresh", "--region", region, "--output", Output);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr, Is.EqualTo(message + "\n"));
            Assert.That(File.ReadAllText(Output), Is.EqualTo(OldFile));
        });
    }

    [TestCase(new[] { "--service", "AmazonLightsail" }, "perflint prices refresh: --service 'AmazonLightsail' is not one of AmazonSageMaker, AmazonRDS, AmazonElastiCache, AmazonES, AmazonEC2\n")]
    [TestCase(new[] { "--api-region", "eu-west-1" }, "perflint prices refresh: --api-region 'eu-west-1': the Price List API is served from us-east-1 and ap-south-1 only\n")]
    [TestCase(new[] { "--date", "5 Dec" }, "perflint prices refresh: --date '5 Dec' is not YYYY-MM-DD\n")]
    public async Task Bad_usage_exits_2(string[] args, string message)
    {
        var run = await CommandRun.RunAsync(new[] { "prices", "refresh" }.Concat(args).ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr, Is.EqualTo(message));
        });
    }

    [Test]
    public void The_endpoint_is_the_api_regions_unless_the_environment_overrides_it()
    {
        PricingEndpoint Resolve(string region, params (string Name, string Value)[] environment) =>
            PricingEndpoint.Resolve(region, name => environment.Where(e => e.Name == name).Select(e => e.Value).FirstOrDefault());
        Assert.Multiple(() =>
        {
            Assert.That(Resolve("us-east-1"), Is.EqualTo(new PricingEndpoint(new Uri("https://api.pricing.us-east-1.amazonaws.com/"), "us-east-1")));
            Assert.That(Resolve("ap-south-1"), Is.EqualTo(new PricingEndpoint(new Uri("https://api.pricing.ap-south-1.amazonaws.com/"), "ap-south-1")));
            Assert.That(Resolve("us-east-1", ("AWS_ENDPOINT_URL", "https://proxy.example.com/")).Url, Is.EqualTo(new Uri("https://proxy.example.com/")));
            Assert.That(Resolve("us-east-1", ("AWS_ENDPOINT_URL", "https://proxy.example.com/"), ("AWS_ENDPOINT_URL_PRICING", "http://localhost:4566/")).Url,
                Is.EqualTo(new Uri("http://localhost:4566/")));
            Assert.That(() => Resolve("us-east-1", ("AWS_ENDPOINT_URL_PRICING", "http://pricing.example.com/")),
                Throws.TypeOf<PricesInputException>().With.Message.EqualTo(
                    "AWS_ENDPOINT_URL_PRICING 'http://pricing.example.com/' is not an https URL (http is allowed for a loopback host only)"));
        });
    }

    [Test]
    public async Task The_refreshed_file_is_what_PL1001_and_PL1004_quote_with_its_date()
    {
        using var aws = new AwsEnvironment(_dir, GetProductsServer.AccessKey, GetProductsServer.SecretKey);
        Assert.That((await RefreshSageMakerAndEc2(Settings())).ExitCode, Is.EqualTo(0));
        var prices = PerfLint.Knowledge.Pricing.PriceBook.TryParse(File.ReadAllText(Output), Output);
        Assert.That(prices, Is.Not.Null);
        var options = new PerfLint.Knowledge.Rules.RuleOptions(_ => null).WithPrices(prices!);
        var pl1001 = PerfLint.Knowledge.Rules.PreviousGenerationRule.Evaluate("c4.large", options)!;
        var pl1004 = PerfLint.Knowledge.Rules.ModelFitRule.Evaluate(new PerfLint.Knowledge.Models.ModelDeployment("distilbert-base-uncased", "ml.g5.12xlarge", null), options)!;
        Assert.Multiple(() =>
        {
            Assert.That(pl1001.Message, Is.EqualTo(
                "'c4.large' is previous generation for EC2 (EC2 DescribeInstanceTypes: CurrentGeneration=false); use 'c8i.large' " +
                "(2 vCPU, 4 GiB vs 2 vCPU, 3.75 GiB; $0.09371/h vs $0.1/h, EC2 On-Demand us-east-1, 2026-12-05 (perflint.prices.json); newer generations also do more work per vCPU) " +
                "[successor: analyst mapping: newest family of the same CPU line; offered by EC2 in 23 of 38 regions; region unknown: set perflint_region to check yours]"));
            Assert.That(pl1004.Message, Does.Contain(
                "on 'ml.g5.12xlarge' ($7.09/h, SageMaker Hosting On-Demand us-east-1, 2026-12-05 (perflint.prices.json)); a smaller instance such as " +
                "'ml.g5.xlarge' (4 vCPU, 16 GiB, 1x A10G (22.35 GiB), $1.408/h, SageMaker Hosting On-Demand us-east-1, 2026-12-05 (perflint.prices.json)) fits"));
        });
    }

    [Test]
    public async Task The_refreshed_file_has_the_keys_its_schema_names()
    {
        using var aws = new AwsEnvironment(_dir, GetProductsServer.AccessKey, GetProductsServer.SecretKey);
        Assert.That((await RefreshSageMakerAndEc2(Settings())).ExitCode, Is.EqualTo(0));
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(PerfLint.Testing.RepositoryRoot.Path, "docs", "schemas", "prices.schema.json")));
        using var file = JsonDocument.Parse(File.ReadAllText(Output));
        static HashSet<string> Names(JsonElement schema) => schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        var defs = schema.RootElement.GetProperty("$defs");
        var query = file.RootElement.GetProperty("query");
        Assert.Multiple(() =>
        {
            Assert.That(file.RootElement.EnumerateObject().Select(p => p.Name), Is.SubsetOf(Names(schema.RootElement)));
            Assert.That(query.EnumerateObject().Select(p => p.Name), Is.SubsetOf(Names(defs.GetProperty("query"))));
            Assert.That(query.GetProperty("requests")[0].EnumerateObject().Select(p => p.Name), Is.SubsetOf(Names(defs.GetProperty("request"))));
            Assert.That(query.GetProperty("requests")[0].GetProperty("filters")[0].EnumerateObject().Select(p => p.Name), Is.SubsetOf(Names(defs.GetProperty("filter"))));
        });
    }
}
