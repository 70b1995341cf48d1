using Amazon.CDK;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Sagemaker;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using CfnSchedule = Amazon.CDK.AWS.Scheduler.CfnSchedule;
using CfnScheduleProps = Amazon.CDK.AWS.Scheduler.CfnScheduleProps;
using Rule = Amazon.CDK.AWS.Events.Rule;
using RuleProps = Amazon.CDK.AWS.Events.RuleProps;
using Schedule = Amazon.CDK.AWS.Events.Schedule;

namespace WholeApp;

/// <summary>
/// PL5004 (ScheduledEndpointFindingsTests): real-time endpoints whose callers run on schedules: a function on an
/// hourly EventBridge rule, a state machine on a nightly EventBridge Scheduler schedule, and (not reported) a function
/// on a schedule that an API also calls. Synthesized alone.
/// </summary>
public sealed class ScheduledInferenceStack : Stack
{
    private const string Role = "arn:aws:iam::123456789012:role/SageMakerRole";
    private const string CpuImage = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-cpu-py310";

    public ScheduledInferenceStack(Construct scope, string id) : base(scope, id)
    {
        // Reported: a function on an hourly rule is the only caller (environment and InvokeEndpoint grant).
        var scorer = Endpoint("Scorer", "scorer", 2);
        var scoreBatch = Caller("ScoreBatch", scorer);
        new Rule(this, "Hourly", new RuleProps { Schedule = Schedule.Rate(Duration.Hours(1)), Targets = new[] { new LambdaFunction(scoreBatch) } });

        // Reported: a state machine's task runs the caller; a Scheduler schedule starts the state machine nightly.
        var ranker = Endpoint("Ranker", "ranker", 1);
        var rank = Caller("RankBatch", ranker);
        var pipeline = new StateMachine(this, "RankPipeline", new StateMachineProps
        {
            DefinitionBody = DefinitionBody.FromChainable(new LambdaInvoke(this, "Rank", new LambdaInvokeProps { LambdaFunction = rank })),
        });
        var schedulerRole = new Role(this, "SchedulerRole", new RoleProps { AssumedBy = new ServicePrincipal("scheduler.amazonaws.com") });
        pipeline.GrantStartExecution(schedulerRole);
        new CfnSchedule(this, "Nightly", new CfnScheduleProps
        {
            ScheduleExpression = "cron(0 2 * * ? *)",
            FlexibleTimeWindow = new CfnSchedule.FlexibleTimeWindowProperty { Mode = "OFF" },
            Target = new CfnSchedule.TargetProperty { Arn = pipeline.StateMachineArn, RoleArn = schedulerRole.RoleArn },
        });

        // Not reported: the scheduled caller is also behind an API.
        var chat = Endpoint("Chat", "chat", 1);
        var answer = Caller("Answer", chat);
        new Rule(this, "Warmup", new RuleProps { Schedule = Schedule.Rate(Duration.Minutes(5)), Targets = new[] { new LambdaFunction(answer) } });
        new Amazon.CDK.AWS.APIGateway.LambdaRestApi(this, "ChatApi", new Amazon.CDK.AWS.APIGateway.LambdaRestApiProps { Handler = answer });
    }

    private CfnEndpoint Endpoint(string id, string name, double instances)
    {
        var model = new CfnModel(this, id + "Model", new CfnModelProps
        {
            ExecutionRoleArn = Role,
            PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = CpuImage },
        });
        var config = new CfnEndpointConfig(this, id + "Config", new CfnEndpointConfigProps
        {
            ProductionVariants = new[]
            {
                new CfnEndpointConfig.ProductionVariantProperty
                {
                    ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = "ml.c7i.xlarge", InitialInstanceCount = instances,
                },
            },
        });
        return new CfnEndpoint(this, id, new CfnEndpointProps { EndpointConfigName = config.AttrEndpointConfigName, EndpointName = name });
    }

    /// <summary>A function given the endpoint's name and allowed to invoke it.</summary>
    private Function Caller(string id, CfnEndpoint endpoint)
    {
        var fn = new Function(this, id, new FunctionProps
        {
            Runtime = Runtime.PYTHON_3_12,
            Handler = "index.handler",
            Code = Code.FromInline("def handler(event, context):\n    return None\n"),
            Environment = new Dictionary<string, string> { ["ENDPOINT_NAME"] = endpoint.AttrEndpointName },
        });
        fn.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "sagemaker:InvokeEndpoint" }, Resources = new[] { endpoint.Ref } }));
        return fn;
    }
}
