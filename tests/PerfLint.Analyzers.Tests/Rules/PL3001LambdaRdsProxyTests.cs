using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.AppRulesAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL3001: a Lambda function connects straight to RDS/Aurora without an RDS Proxy.</summary>
public class PL3001LambdaRdsProxyTests
{
    private const string Usings = TestReferences.CdkUsings + "using Amazon.CDK.AWS.RDS;\nusing Amazon.CDK.AWS.Lambda;\nusing InstanceType = Amazon.CDK.AWS.EC2.InstanceType;\nusing InstanceProps = Amazon.CDK.AWS.EC2.InstanceProps;\n";

    /// <summary><c>vpc</c>, a PostgreSQL <c>db</c> (construct id marked #9 when asked) and the start of a function's props.</summary>
    private const string Vpc = """
                var vpc = new Vpc(this, "Vpc");
        """;

    private static string Db(string id = "Orders", string marked = "") => $$"""
                var {{id.ToLowerInvariant()}} = new DatabaseInstance(this, {{(marked.Length > 0 ? "{|" + marked + ":\"" + id + "\"|}" : "\"" + id + "\"")}}, new DatabaseInstanceProps {
                    Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_15 }),
                    Vpc = vpc,
                    InstanceType = InstanceType.Of(InstanceClass.MEMORY6_GRAVITON, InstanceSize.LARGE),
                });
        """;

    private static string Fn(string id = "Api", string environment = "", string marked = "") => $$"""
                var {{id.ToLowerInvariant()}} = new Function(this, {{(marked.Length > 0 ? "{|" + marked + ":\"" + id + "\"|}" : "\"" + id + "\"")}}, new FunctionProps {
                    Runtime = Runtime.NODEJS_20_X, Handler = "index.handler", Code = Code.FromInline("exports.handler = async () => {};"), Vpc = vpc,
                    Environment = new Dictionary<string, string> { {{environment}} },
                });
        """;

    private static DiagnosticResult Direct(int evidence, int function, int database, string fn, string db) =>
        Expected(evidence, function, database, "Lambda function '" + fn + "' connects straight to '" + db + "' without RDS Proxy: each concurrent execution opens its own connection, and bursts exhaust max_connections; connect through an RDS Proxy (DatabaseProxy) to pool connections");

    /// <summary>PL3001 (a warning) on the connecting expression, the function and database ids as additional locations, with exactly <paramref name="message"/>.</summary>
    private static DiagnosticResult Expected(int evidence, int function, int database, string message) =>
        Verify.Diagnostic(RuleIds.LambdaToRdsWithoutProxy).WithLocation(evidence).WithLocation(function).WithLocation(database)
            .WithSeverity(DiagnosticSeverity.Warning).WithMessage(message);

    [Test]
    public Task Endpoint_in_environment_is_reported_on_the_value() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Vpc}}
        {{Db(marked: "#2")}}
        {{Fn(environment: """["DB_HOST"] = {|#0:orders.DbInstanceEndpointAddress|}, ["STAGE"] = "prod" """, marked: "#1")}}
        } }
        """, Expected(0, 1, 2, "Lambda function 'Api' connects straight to 'Orders' without RDS Proxy: each concurrent execution opens its own connection, and bursts exhaust max_connections; connect through an RDS Proxy (DatabaseProxy) to pool connections"));

    [Test]
    public Task Allowed_to_the_db_port_and_secret_read_report_once_per_pair_on_the_first() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Vpc}}
        {{Db(marked: "#2")}}
        {{Fn(marked: "#1")}}
            {|#0:orders.Connections.AllowDefaultPortFrom(api)|};
            orders.Secret!.GrantRead(api);
            api.AddEnvironment("DB_SECRET_ARN", orders.Secret.SecretArn);
        } }
        """, Direct(0, 1, 2, "Api", "Orders"));

    [Test]
    public Task Secret_grant_and_connect_grant_are_connections() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Vpc}}
        {{Db(marked: "#2")}}
        {{Fn(marked: "#1")}}
        {{Fn("Worker", marked: "#4")}}
            {|#0:orders.Secret!.GrantRead(api)|};
            {|#3:orders.GrantConnect(worker, "app")|};
        } }
        """,
        Expected(0, 1, 2, "Lambda function 'Api' connects straight to 'Orders' without RDS Proxy: each concurrent execution opens its own connection, and bursts exhaust max_connections; connect through an RDS Proxy (DatabaseProxy) to pool connections"),
        Expected(3, 4, 2, "Lambda function 'Worker' connects straight to 'Orders' without RDS Proxy: each concurrent execution opens its own connection, and bursts exhaust max_connections; connect through an RDS Proxy (DatabaseProxy) to pool connections"));

    [Test]
    public Task A_proxy_the_function_does_not_use_does_not_silence_its_database() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Vpc}}
        {{Db(marked: "#4")}}
        {{Db("Billing", "#2")}}
            orders.AddProxy("OrdersProxy", new DatabaseProxyOptions { Secrets = new[] { orders.Secret! }, Vpc = vpc });
        {{Fn(environment: """["ORDERS"] = {|#3:orders.DbInstanceEndpointAddress|}, ["BILLING"] = {|#0:billing.InstanceEndpoint.Hostname|}""", marked: "#1")}}
        } }
        """, Direct(3, 1, 4, "Api", "Orders"), Direct(0, 1, 2, "Api", "Billing"));

    [Test]
    public Task Function_using_the_proxy_of_its_database_is_silent_and_one_beside_a_DatabaseProxy_is_reported() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Vpc}}
        {{Db(marked: "#2")}}
        {{Db("Billing")}}
            var proxy = new DatabaseProxy(this, "Proxy", new DatabaseProxyProps { ProxyTarget = ProxyTarget.FromInstance(orders), Secrets = new[] { orders.Secret! }, Vpc = vpc });
            var billingProxy = billing.AddProxy("BillingProxy", new DatabaseProxyOptions { Secrets = new[] { billing.Secret! }, Vpc = vpc });
        {{Fn(environment: """["DB_HOST"] = {|#0:orders.DbInstanceEndpointAddress|}""", marked: "#1")}}
        {{Fn("Reports", environment: """["DB_HOST"] = billingProxy.Endpoint""")}}
            billing.Secret!.GrantRead(reports);
        } }
        """, Direct(0, 1, 2, "Api", "Orders"));

    [Test]
    public Task Function_reading_the_cluster_secret_past_its_proxy_is_reported() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Vpc}}
            var cluster = new DatabaseCluster(this, {|#2:"Ledger"|}, new DatabaseClusterProps {
                Engine = DatabaseClusterEngine.AuroraPostgres(new AuroraPostgresClusterEngineProps { Version = AuroraPostgresEngineVersion.VER_15_4 }),
                Vpc = vpc,
                Writer = ClusterInstance.ServerlessV2("Writer"),
            });
            var proxy = cluster.AddProxy("LedgerProxy", new DatabaseProxyOptions { Secrets = new[] { cluster.Secret! }, Vpc = vpc });
        {{Fn(marked: "#1")}}
        {{Fn("Reports", environment: """["DB_HOST"] = proxy.Endpoint""")}}
            {|#0:cluster.Secret!.GrantRead(api)|};
            cluster.Secret!.GrantRead(reports);
        } }
        """, Expected(0, 1, 2, "Lambda function 'Api' connects straight to 'Ledger' without RDS Proxy: each concurrent execution opens its own connection, and bursts exhaust max_connections; connect through an RDS Proxy (DatabaseProxy) to pool connections"));

    [Test]
    public Task Aurora_cluster_endpoint_through_a_local_and_interpolation() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Vpc}}
            var cluster = new DatabaseCluster(this, {|#2:"Ledger"|}, new DatabaseClusterProps {
                Engine = DatabaseClusterEngine.AuroraPostgres(new AuroraPostgresClusterEngineProps { Version = AuroraPostgresEngineVersion.VER_15_4 }),
                Vpc = vpc,
                Writer = ClusterInstance.ServerlessV2("Writer"),
            });
            var url = $"postgres://{cluster.ClusterEndpoint.Hostname}:5432/ledger";
        {{Fn(environment: """["DATABASE_URL"] = {|#0:url|}""", marked: "#1")}}
        } }
        """, Expected(0, 1, 2, "Lambda function 'Api' connects straight to 'Ledger' without RDS Proxy: each concurrent execution opens its own connection, and bursts exhaust max_connections; connect through an RDS Proxy (DatabaseProxy) to pool connections"));

    [Test]
    public Task Helper_that_wires_a_pair_is_reported_at_each_call_site() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack {
            S(Construct s) : base(s, "s") {
        {{Vpc}}
        {{Db(marked: "#2")}}
        {{Db("Billing", "#4")}}
                billing.AddProxy("BillingProxy", new DatabaseProxyOptions { Secrets = new[] { billing.Secret! }, Vpc = vpc });
        {{Fn(marked: "#1")}}
                {|#0:Connect(api, orders)|};
                {|#3:Connect(api, billing)|};
            }

            static void Connect(IFunction function, DatabaseInstance database) => database.Connections.AllowDefaultPortFrom(function);
        }
        """, Direct(0, 1, 2, "Api", "Orders"), Direct(3, 1, 4, "Api", "Billing"));

    [Test]
    public Task Functions_and_databases_kept_in_fields_across_files() => Verify.VerifyAnalyzerAsync(new[]
    {
        Usings + $$"""
        partial class S : Stack {
            private readonly DatabaseInstance orders;
            private Function Api { get; }
            S(Construct s) : base(s, "s") {
        {{Vpc}}
                orders = new DatabaseInstance(this, {|#2:"Orders"|}, new DatabaseInstanceProps {
                    Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_15 }), Vpc = vpc,
                });
                Api = new Function(this, {|#1:"Api"|}, new FunctionProps {
                    Runtime = Runtime.NODEJS_20_X, Handler = "index.handler", Code = Code.FromInline("exports.handler = async () => {};"), Vpc = vpc,
                });
                Wire();
            }
        }
        """,
        Usings + """
        partial class S {
            void Wire() => {|#0:orders.Connections.AllowFrom(Api, Port.Tcp(5432))|};
        }
        """,
    }, null, Direct(0, 1, 2, "Api", "Orders"));

    [Test]
    public Task Stack_created_once_from_another_file_keeps_the_evidence_in_the_stack() => Verify.VerifyAnalyzerAsync(new[]
    {
        Usings + $$"""
        class DataStack : Stack { public DataStack(Construct s, string id) : base(s, id) {
        {{Vpc}}
        {{Db(marked: "#2")}}
        {{Fn(marked: "#1")}}
            {|#0:orders.Connections.AllowDefaultPortFrom(api)|};
        } }
        """,
        "static class Program { static void Main() { var app = new Amazon.CDK.App(); new DataStack(app, \"Data\"); app.Synth(); } }",
    }, null, Direct(0, 1, 2, "Api", "Orders"));

    [Test]
    public Task A_function_that_only_names_another_function_does_not_inherit_its_connections() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Vpc}}
        {{Db(marked: "#2")}}
        {{Fn("Writer", environment: """["DB_HOST"] = {|#0:orders.DbInstanceEndpointAddress|}""", marked: "#1")}}
        {{Fn("Api", environment: """["WRITER_FUNCTION"] = writer.FunctionName""")}}
        } }
        """, Direct(0, 1, 2, "Writer", "Orders"));

    [Test]
    public Task Proxy_with_an_unreadable_target_keeps_the_rule_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s, ProxyTarget target) : base(s, "s") {
        {{Vpc}}
        {{Db()}}
            new DatabaseProxy(this, "Proxy", new DatabaseProxyProps { ProxyTarget = target, Secrets = new[] { orders.Secret! }, Vpc = vpc });
        {{Fn(environment: """["DB_HOST"] = orders.DbInstanceEndpointAddress""")}}
        } }
        """);

    [Test]
    public Task Function_not_connected_to_the_database_is_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Vpc}}
        {{Db()}}
        {{Fn(environment: """["TABLE"] = "orders" """)}}
            var instance = new Instance_(this, "Box", new InstanceProps { Vpc = vpc, InstanceType = new InstanceType("m7g.large"), MachineImage = MachineImage.LatestAmazonLinux2() });
            orders.Connections.AllowDefaultPortFrom(instance);
        } }
        """);

    [Test]
    public async Task Incomplete_code_as_typed_does_not_throw()
    {
        var source = Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
            var db = new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Vpc = vpc });
            var fn = new Function(this, "Fn", new FunctionProps { Environment = new Dictionary<string, string> { ["DB"] = db., [ ] = "x", { "A" } } });
            db.GrantConnect(
            db.AddProxy("P", new DatabaseProxyOptions { Vpc = 
            fn.AddEnvironment("K", db.Secret!.
        """;
        var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(new[] { source }),
            System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new PerfLint.Analyzers.Rules.AppRulesAnalyzer()));
        Assert.That(run.CompilerDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), Is.True, "the source is incomplete");
        Assert.That(run.Exceptions, Is.Empty);
    }

    [Test]
    public void Descriptor_is_reported_at_compilation_end_and_links_its_rule_page()
    {
        var descriptor = new PerfLint.Analyzers.Rules.AppRulesAnalyzer().SupportedDiagnostics.Single(d => d.Id == "PL3001");
        Assert.That(descriptor.Id, Is.EqualTo("PL3001"));
        Assert.That(descriptor.CustomTags, Does.Contain(WellKnownDiagnosticTags.CompilationEnd));
        Assert.That(descriptor.HelpLinkUri, Does.EndWith("docs/rules/PL3001.md"));
        var page = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "docs", "rules", "PL3001.md");
        Assert.That(File.Exists(page), Is.True, page);
    }

    [Test]
    public Task No_cdk_referenced_gives_nothing() => NoCdkAssert.NoDiagnosticsWithoutCdkAsync("""
        using System.Collections.Generic;
        namespace Amazon.CDK.AWS.RDS { public class DatabaseInstance { public string DbInstanceEndpointAddress => "db"; } }
        namespace Amazon.CDK.AWS.Lambda { public class Function { public Function(object scope, string id, IDictionary<string, string> environment) { } } }
        class S { void M() { var db = new Amazon.CDK.AWS.RDS.DatabaseInstance(); new Amazon.CDK.AWS.Lambda.Function(this, "Api", new Dictionary<string, string> { ["DB"] = db.DbInstanceEndpointAddress }); } }
        """);
}
