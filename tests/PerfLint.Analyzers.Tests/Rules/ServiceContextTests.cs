using Microsoft.CodeAnalysis;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using static PerfLint.Analyzers.Tests.Infrastructure.CdkSource;
using PreviousGeneration = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.PreviousGenerationInstanceAnalyzer>;
using DatabaseFamily = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.DatabaseFamilyAnalyzer>;
using Graviton = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.GravitonAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>
/// The service, engine and region a value is used in, at source level: DocumentDB and Aurora are not judged with RDS's
/// facts, SQL Server gets no Graviton class, a stack's literal region or <c>perflint_region</c> narrows suggestions.
/// Expected facts are read from ../shared/data/aws_service_instance_offerings.csv.
/// </summary>
public class ServiceContextTests
{
    private const string GravitonOn = "dotnet_diagnostic.PL1005.severity = suggestion";

    [Test]
    public Task DocumentDb_is_offered_documentdbs_own_class() => PreviousGeneration.VerifyAnalyzerAsync(Stack("""
        new Amazon.CDK.AWS.DocDB.DatabaseClusterProps { InstanceType = InstanceType.Of({|#0:InstanceClass.R4|}, InstanceSize.LARGE), MasterUser = null!, Vpc = null! };
        """), "perflint_region = us-east-1",
        PreviousGeneration.Diagnostic(RuleIds.PreviousGenerationInstance).WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithMessage(
            "'db.r4.large' is superseded: a family 4 generations newer exists; use 'db.r8g.large' " +
            "(2 vCPU, 16 GiB vs 2 vCPU, 15.25 GiB; $0.11782/h vs $0.133/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher); newer generations also do more work per vCPU) " +
            "[successor: analyst mapping: newest family of the same CPU line; offered by DocumentDB in us-east-1]"));

    [Test]
    public Task Rds_successor_is_one_the_engine_offers() => PreviousGeneration.VerifyAnalyzerAsync(Stack("""
        new Rds.DatabaseInstanceProps { Engine = Rds.DatabaseInstanceEngine.Postgres(new Rds.PostgresInstanceEngineProps { Version = Rds.PostgresEngineVersion.VER_16 }), InstanceType = InstanceType.Of({|#0:InstanceClass.R4|}, InstanceSize.LARGE), Vpc = null! };
        new Rds.CfnDBInstanceProps { Engine = "oracle-se2", DbInstanceClass = {|#1:"db.r4.large"|} };
        """), "perflint_region = us-east-1",
        // RDS for PostgreSQL offers db.r8g but not db.r8i; RDS for Oracle SE2 offers db.r8i.
        PreviousGeneration.Diagnostic(RuleIds.PreviousGenerationInstance).WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithMessage(
            "'db.r4.large' is superseded: a family 4 generations newer exists; use 'db.r8g.large' " +
            "(2 vCPU, 16 GiB vs 2 vCPU, 15.25 GiB; $0.11782/h vs $0.133/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher); newer generations also do more work per vCPU) " +
            "[successor: analyst mapping: newest family of the same CPU line; offered by RDS (postgres) in us-east-1]"),
        PreviousGeneration.Diagnostic(RuleIds.PreviousGenerationInstance).WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithMessage(
            "'db.r4.large' is superseded: a family 4 generations newer exists; use 'db.r8i.large' " +
            "(2 vCPU, 16 GiB vs 2 vCPU, 15.25 GiB; $0.13892/h vs $0.133/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher); newer generations also do more work per vCPU) " +
            "[successor: analyst mapping: newest family of the same CPU line; offered by RDS (oracle-se2) in us-east-1]"));

    [Test]
    public Task Aurora_cluster_instances_get_no_m_class() => DatabaseFamily.VerifyAnalyzerAsync(Stack("""
        new Rds.DatabaseClusterProps
        {
            Engine = Rds.DatabaseClusterEngine.AuroraPostgres(new Rds.AuroraPostgresClusterEngineProps { Version = Rds.AuroraPostgresEngineVersion.VER_16_1 }),
            Writer = Rds.ClusterInstance.Provisioned("w", new Rds.ProvisionedClusterInstanceProps { InstanceType = InstanceType.Of({|#0:InstanceClass.C6GD|}, InstanceSize.LARGE) }),
            Vpc = null!,
        };
        """), DatabaseFamily.Diagnostic(RuleIds.DatabaseOnWrongFamily).WithLocation(0).WithMessage(
            "'db.c6gd.large' is a compute-optimized family (2 vCPU, 4 GiB) for a memory-bound database or cache; 'db.r8g.large' has 2 vCPU, 16 GiB ($0.11782/h vs $0.0768/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher))"));

    [Test]
    public Task Aurora_m4_is_not_told_to_move_to_an_m_class() => PreviousGeneration.VerifyAnalyzerAsync(Stack("""
        new Rds.DatabaseClusterProps
        {
            Engine = Rds.DatabaseClusterEngine.AURORA_MYSQL,
            Writer = Rds.ClusterInstance.Provisioned("w", new Rds.ProvisionedClusterInstanceProps { InstanceType = InstanceType.Of(InstanceClass.M4, InstanceSize.LARGE) }),
            Vpc = null!,
        };
        """));

    [Test]
    public Task Sql_server_has_no_graviton_classes() => Graviton.VerifyAnalyzerAsync(Stack("""
        new Rds.DatabaseInstanceProps { Engine = Rds.DatabaseInstanceEngine.SqlServerWeb(new Rds.SqlServerWebInstanceEngineProps { Version = Rds.SqlServerEngineVersion.VER_16 }), InstanceType = InstanceType.Of(InstanceClass.M5, InstanceSize.LARGE), Vpc = null! };
        var engine = Rds.DatabaseInstanceEngine.SQL_SERVER_EX;
        new Rds.DatabaseInstanceProps { Engine = engine, InstanceType = InstanceType.Of(InstanceClass.T3, InstanceSize.SMALL), Vpc = null! };
        new Rds.CfnDBInstanceProps { Engine = "sqlserver-se", DbInstanceClass = "db.m5.large" };
        new Rds.CfnDBInstanceProps { Engine = "postgres", DbInstanceClass = {|#0:"db.m5.large"|} };
        """), GravitonOn,
        Graviton.Diagnostic(RuleIds.GravitonOpportunity).WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithMessage(
            "'db.m5.large' runs on x86; the Graviton twin 'db.m6g.large' (2 vCPU, 8 GiB, $0.077/h vs $0.096/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher)) gives better price-performance if the software supports arm64"));

    [Test]
    public Task A_stacks_literal_region_narrows_the_suggestion() => PreviousGeneration.VerifyAnalyzerAsync(Usings + """
        public static class Program
        {
            public static void Main()
            {
                var app = new App();
                new EuStack(app, "Eu", new StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "eu-west-1" } });
            }
        }
        public class EuStack : Stack
        {
            public EuStack(Construct scope, string id, IStackProps props) : base(scope, id, props)
            {
                new CfnInstanceProps { InstanceType = {|#0:"m4.large"|} };
            }
        }
        """, PreviousGeneration.Diagnostic(RuleIds.PreviousGenerationInstance).WithLocation(0).WithMessage(
            "'m4.large' is previous generation for EC2 (EC2 DescribeInstanceTypes: CurrentGeneration=false); use 'm8i.large' " +
            "(2 vCPU, 8 GiB vs 2 vCPU, 8 GiB; $0.10584/h vs $0.1/h, EC2 On-Demand us-east-1, 2026-07-20; newer generations also do more work per vCPU) " +
            "[successor: analyst mapping: newest family of the same CPU line; offered by EC2 in eu-west-1]"));

    [Test]
    public Task Two_regions_in_the_app_leave_other_constructs_unknown() => PreviousGeneration.VerifyAnalyzerAsync(Usings + """
        public static class Program
        {
            public static void Main()
            {
                var app = new App();
                new EuStack(app, "Eu", new StackProps { Env = new Amazon.CDK.Environment { Region = "eu-west-1" } });
                new EuStack(app, "Us", new StackProps { Env = new Amazon.CDK.Environment { Region = "us-east-1" } });
            }
        }
        public class EuStack : Stack
        {
            public EuStack(Construct scope, string id, IStackProps props) : base(scope, id, props)
            {
                new CfnInstanceProps { InstanceType = {|#0:"m4.large"|} };
            }
        }
        """, PreviousGeneration.Diagnostic(RuleIds.PreviousGenerationInstance).WithLocation(0).WithMessage(
            "'m4.large' is previous generation for EC2 (EC2 DescribeInstanceTypes: CurrentGeneration=false); use 'm8i.large' " +
            "(2 vCPU, 8 GiB vs 2 vCPU, 8 GiB; $0.10584/h vs $0.1/h, EC2 On-Demand us-east-1, 2026-07-20; newer generations also do more work per vCPU) " +
            "[successor: analyst mapping: newest family of the same CPU line; offered by EC2 in 24 of 38 regions; region unknown: set perflint_region to check yours]"));

    [Test]
    public Task Region_option_applies_without_a_literal_region() => PreviousGeneration.VerifyAnalyzerAsync(Stack("""
        new CfnInstanceProps { InstanceType = {|#0:"m4.large"|} };
        """), "perflint_region = mars-east-1",
        PreviousGeneration.Diagnostic(RuleIds.PreviousGenerationInstance).WithLocation(0).WithMessage(
            "'m4.large' is previous generation for EC2 (EC2 DescribeInstanceTypes: CurrentGeneration=false); use 'm8i.large' " +
            "(2 vCPU, 8 GiB vs 2 vCPU, 8 GiB; $0.10584/h vs $0.1/h, EC2 On-Demand us-east-1, 2026-07-20; newer generations also do more work per vCPU) " +
            "[successor: analyst mapping: newest family of the same CPU line; offered by EC2 in 24 of 38 regions; region 'mars-east-1' is not in PerfLint's data]"));

    [Test]
    public Task MemoryDb_is_not_judged_with_rds_facts() => PreviousGeneration.VerifyAnalyzerAsync(Stack("""
        new Amazon.CDK.AWS.MemoryDB.CfnClusterProps { ClusterName = "c", NodeType = "db.r4.large", AclName = "open-access" };
        """));
}
