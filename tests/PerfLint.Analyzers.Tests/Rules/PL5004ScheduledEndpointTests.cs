using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.AppRulesAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL5004: a real-time endpoint whose every caller is started only by a schedule.</summary>
public class PL5004ScheduledEndpointTests
{
    private const string Usings = TestReferences.CdkUsings + "using Amazon.CDK.AWS.Sagemaker;\nusing Amazon.CDK.AWS.Lambda;\nusing Amazon.CDK.AWS.IAM;\n" +
                                  "using Amazon.CDK.AWS.Events.Targets;\nusing Rule = Amazon.CDK.AWS.Events.Rule;\nusing RuleProps = Amazon.CDK.AWS.Events.RuleProps;\n" +
                                  "using Schedule = Amazon.CDK.AWS.Events.Schedule;\nusing CronOptions = Amazon.CDK.AWS.Events.CronOptions;\n" +
                                  "using EventPattern = Amazon.CDK.AWS.Events.EventPattern;\nusing CfnRule = Amazon.CDK.AWS.Events.CfnRule;\nusing CfnRuleProps = Amazon.CDK.AWS.Events.CfnRuleProps;\n";

    /// <summary>PL5001 (no scalable target) is about the same endpoints: off here.</summary>
    private const string NoPL5001 = "dotnet_diagnostic.PL5001.severity = none";

    // Messages written by hand: rate(1 hour) runs 24 times a day; an endpoint is up 24 h/day, times its instances.
    private const string Advice = " and pays for the idle hours between runs; run the scheduled predictions as Batch Transform " +
                                  "(Step Functions SageMakerCreateTransformJob) or use asynchronous inference, which can scale to zero instances between requests";

    private const string HourlyTwoInstances =
        "Real-time SageMaker endpoint 'scorer' is called only on a schedule ('Hourly' rate(1 hour), 24 runs/day): it runs 24 h/day, 48 instance-hours/day (2 instances)" + Advice;

    /// <summary>A model, a config with <paramref name="variant"/>, and <c>var endpoint</c> named scorer; its construct id is marked #0.</summary>
    private static string Endpoint(string variant = "InstanceType = \"ml.c7i.xlarge\", InitialInstanceCount = 2", string configExtra = "") => $$"""
                var model = new CfnModel(this, "Model", new CfnModelProps {
                    ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                    PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-cpu-py310" },
                });
                var config = new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                    ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                        ModelName = model.AttrModelName, VariantName = "AllTraffic", {{variant}} } },
                    {{configExtra}}
                });
                var endpoint = new CfnEndpoint(this, {|#0:"Endpoint"|}, new CfnEndpointProps {
                    EndpointConfigName = config.AttrEndpointConfigName,
                    EndpointName = "scorer",
                });
        """;

    /// <summary>A Python function <c>fn</c> given the endpoint's name in its environment and allowed to invoke it.</summary>
    private const string Caller = """
                var fn = new Function(this, "Score", new FunctionProps {
                    Runtime = Runtime.PYTHON_3_12, Handler = "index.handler", Code = Code.FromInline("def handler(e, c): pass"),
                    Environment = new Dictionary<string, string> { ["ENDPOINT_NAME"] = endpoint.AttrEndpointName },
                });
                fn.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps {
                    Actions = new[] { "sagemaker:InvokeEndpoint" }, Resources = new[] { endpoint.Ref },
                }));
        """;

    private const string HourlyRule = """
                new Rule(this, "Hourly", new RuleProps { Schedule = Schedule.Rate(Duration.Hours(1)), Targets = new[] { new LambdaFunction(fn) } });
        """;

    private static Task Check(string body, params DiagnosticResult[] expected) => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{body}}
        } }
        """, NoPL5001, expected);

    /// <summary>PL5004 (an info) on the endpoint's construct id; the schedules it names are related locations, checked in one test.</summary>
    private static DiagnosticResult Finding(string message) =>
        Verify.Diagnostic(RuleIds.RealTimeEndpointCalledOnlyOnSchedule).WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithMessage(message)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Test]
    public Task L2_rule_with_a_rate_schedule_targeting_the_only_caller() =>
        Check(Endpoint() + Caller + HourlyRule, Finding(HourlyTwoInstances));

    [Test]
    public Task The_schedule_is_a_related_location() => Check(Endpoint() + Caller + """
                new Rule(this, {|#1:"Hourly"|}, new RuleProps { Schedule = Schedule.Rate(Duration.Minutes(60)), Targets = new[] { new LambdaFunction(fn) } });
        """, Verify.Diagnostic(RuleIds.RealTimeEndpointCalledOnlyOnSchedule).WithLocation(0).WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithMessage(HourlyTwoInstances));

    [Test]
    public Task Policy_statement_alone_makes_a_caller() => Check(Endpoint() + """
                var fn = new Function(this, "Score", new FunctionProps {
                    Runtime = Runtime.PYTHON_3_12, Handler = "index.handler", Code = Code.FromInline("def handler(e, c): pass"),
                });
                fn.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps {
                    Actions = new[] { "sagemaker:InvokeEndpoint*" }, Resources = new[] { endpoint.Ref },
                }));
        """ + HourlyRule, Finding(HourlyTwoInstances));

    [Test]
    public Task Rule_target_added_after_creation_and_a_cron_schedule() => Check(Endpoint() + Caller + """
                var rule = new Rule(this, "Nightly", new RuleProps { Schedule = Schedule.Cron(new CronOptions { Minute = "0", Hour = "2" }) });
                rule.AddTarget(new LambdaFunction(fn));
        """, Finding(
        "Real-time SageMaker endpoint 'scorer' is called only on a schedule ('Nightly' cron(0 2 * * ? *), 1 run/day): it runs 24 h/day, 48 instance-hours/day (2 instances)" + Advice));

    [Test]
    public Task Scheduler_schedule_targeting_the_caller() => Check(Endpoint() + Caller + """
                new Amazon.CDK.AWS.Scheduler.CfnSchedule(this, "Every15", new Amazon.CDK.AWS.Scheduler.CfnScheduleProps {
                    ScheduleExpression = "rate(15 minutes)",
                    FlexibleTimeWindow = new Amazon.CDK.AWS.Scheduler.CfnSchedule.FlexibleTimeWindowProperty { Mode = "OFF" },
                    Target = new Amazon.CDK.AWS.Scheduler.CfnSchedule.TargetProperty { Arn = fn.FunctionArn, RoleArn = "arn:aws:iam::123456789012:role/scheduler" },
                });
        """, Finding(
        "Real-time SageMaker endpoint 'scorer' is called only on a schedule ('Every15' rate(15 minutes), 96 runs/day): it runs 24 h/day, 48 instance-hours/day (2 instances)" + Advice));

    [Test]
    public Task Scheduled_state_machine_running_the_caller() => Check(Endpoint() + Caller + """
                var score = new Amazon.CDK.AWS.StepFunctions.Tasks.LambdaInvoke(this, "ScoreTask", new Amazon.CDK.AWS.StepFunctions.Tasks.LambdaInvokeProps { LambdaFunction = fn });
                var machine = new Amazon.CDK.AWS.StepFunctions.StateMachine(this, "Pipeline", new Amazon.CDK.AWS.StepFunctions.StateMachineProps {
                    DefinitionBody = Amazon.CDK.AWS.StepFunctions.DefinitionBody.FromChainable(score),
                });
                new Rule(this, "Daily", new RuleProps { Schedule = Schedule.Expression("rate(1 day)"), Targets = new[] { new SfnStateMachine(machine) } });
        """, Finding(
        "Real-time SageMaker endpoint 'scorer' is called only on a schedule ('Daily' rate(1 day), 1 run/day): it runs 24 h/day, 48 instance-hours/day (2 instances)" + Advice));

    [Test]
    public Task Unparsed_expression_names_the_schedule_without_figures() => Check(Endpoint() + Caller + """
                new CfnRule(this, "Workdays", new CfnRuleProps {
                    ScheduleExpression = "cron(0/30 8-17 ? * MON-FRI *)",
                    Targets = new[] { new CfnRule.TargetProperty { Id = "score", Arn = fn.FunctionArn } },
                });
        """, Finding(
        "Real-time SageMaker endpoint 'scorer' is called only on a schedule ('Workdays' cron(0/30 8-17 ? * MON-FRI *)): it runs 24 h/day" + Advice));

    [Test]
    public Task Schedule_and_instance_count_through_constants_locals_and_a_helper() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        static class Sizing { public const double Instances = 3; public const int EveryHours = 6; }
        class S : Stack {
            S(Construct s) : base(s, "s") {
        {{Endpoint("InstanceType = \"ml.c7i.xlarge\", InitialInstanceCount = Sizing.Instances")}}
        {{Caller}}
                var every = Duration.Hours(Sizing.EveryHours);
                Plan(fn, every);
            }

            void Plan(Function target, Duration every) =>
                new Rule(this, "Batch", new RuleProps { Schedule = Amazon.CDK.AWS.Events.Schedule.Rate(every), Targets = new[] { new LambdaFunction(target) } });
        }
        """, NoPL5001, Finding(
        "Real-time SageMaker endpoint 'scorer' is called only on a schedule ('Batch' rate(6 hours), 4 runs/day): it runs 24 h/day, 72 instance-hours/day (3 instances)" + Advice));

    [Test]
    public Task Scheduled_caller_and_an_api_gateway_caller_is_silent() => Check(Endpoint() + Caller + HourlyRule + """
                new Amazon.CDK.AWS.APIGateway.LambdaRestApi(this, "Api", new Amazon.CDK.AWS.APIGateway.LambdaRestApiProps { Handler = fn });
        """);

    [Test]
    public Task Second_caller_behind_an_api_method_is_silent() => Check(Endpoint() + Caller + HourlyRule + """
                var online = new Function(this, "Online", new FunctionProps {
                    Runtime = Runtime.PYTHON_3_12, Handler = "index.handler", Code = Code.FromInline("def handler(e, c): pass"),
                    Environment = new Dictionary<string, string> { ["ENDPOINT_NAME"] = endpoint.AttrEndpointName },
                });
                var api = new Amazon.CDK.AWS.APIGateway.RestApi(this, "Api");
                api.Root.AddMethod("POST", new Amazon.CDK.AWS.APIGateway.LambdaIntegration(online));
        """);

    [Test]
    public Task Event_pattern_rule_is_silent() => Check(Endpoint() + Caller + """
                new Rule(this, "OnUpload", new RuleProps {
                    EventPattern = new EventPattern { Source = new[] { "aws.s3" } }, Targets = new[] { new LambdaFunction(fn) },
                });
        """);

    [Test]
    public Task Endpoint_without_callers_is_silent() => Check(Endpoint() + """
                var fn = new Function(this, "Other", new FunctionProps {
                    Runtime = Runtime.PYTHON_3_12, Handler = "index.handler", Code = Code.FromInline("def handler(e, c): pass"),
                });
        """ + HourlyRule);

    [Test]
    public Task Caller_with_no_visible_trigger_is_silent() => Check(Endpoint() + Caller + """
                var other = new Function(this, "Other", new FunctionProps {
                    Runtime = Runtime.PYTHON_3_12, Handler = "index.handler", Code = Code.FromInline("def handler(e, c): pass"),
                });
                new Rule(this, "Hourly", new RuleProps { Schedule = Schedule.Rate(Duration.Hours(1)), Targets = new[] { new LambdaFunction(other) } });
        """);

    [Test]
    public Task Caller_given_a_function_url_is_silent() => Check(Endpoint() + Caller + HourlyRule + """
                fn.AddFunctionUrl();
        """);

    [Test]
    public Task Caller_given_an_event_source_is_silent() => Check(Endpoint() + Caller + HourlyRule + """
                var queue = new Amazon.CDK.AWS.SQS.Queue(this, "Jobs");
                fn.AddEventSource(new Amazon.CDK.AWS.Lambda.EventSources.SqsEventSource(queue));
        """);

    [Test]
    public Task Caller_given_a_permission_is_silent() => Check(Endpoint() + Caller + HourlyRule + """
                fn.AddPermission("Partner", new Permission { Principal = new AccountPrincipal("111122223333") });
        """);

    [Test]
    public Task Asynchronous_or_serverless_endpoints_are_silent() => Check(Endpoint(configExtra: """
                    AsyncInferenceConfig = new CfnEndpointConfig.AsyncInferenceConfigProperty {
                        OutputConfig = new CfnEndpointConfig.AsyncInferenceOutputConfigProperty { S3OutputPath = "s3://bucket/out/" },
                    },
        """) + Caller + HourlyRule);

    [Test]
    public Task Serverless_variant_is_silent() => Check(Endpoint(variant:
        "ServerlessConfig = new CfnEndpointConfig.ServerlessConfigProperty { MemorySizeInMb = 2048, MaxConcurrency = 1 }") + Caller + HourlyRule);

    [Test]
    public Task Describe_only_policy_is_not_a_caller() => Check(Endpoint() + """
                var fn = new Function(this, "Watch", new FunctionProps {
                    Runtime = Runtime.PYTHON_3_12, Handler = "index.handler", Code = Code.FromInline("def handler(e, c): pass"),
                });
                fn.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps {
                    Actions = new[] { "sagemaker:DescribeEndpoint" }, Resources = new[] { endpoint.Ref },
                }));
        """ + HourlyRule);

    [Test]
    public Task Incomplete_code_does_not_throw() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            var endpoint = new CfnEndpoint(this, "Endpoint", new CfnEndpointProps { EndpointConfigName = {|CS0103:missing|} });
            var fn = new Function(this, "Score", new FunctionProps { Environment = new Dictionary<string, string> { ["E"] = endpoint.AttrEndpointName } });
            new Rule(this, "R", new RuleProps { Schedule = Schedule.Rate({|CS1503:"often"|}), Targets = new[] { new LambdaFunction({|CS0103:fnx|}) } });
            new Rule(this, "R2", new RuleProps { Schedule = Schedule.Cron(null!), Targets = new[] { new LambdaFunction(fn) } });
        } }
        """, NoPL5001);
}
