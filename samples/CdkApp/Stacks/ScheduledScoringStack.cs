using System.Collections.Generic;
using Amazon.CDK;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Sagemaker;
using Constructs;
using Rule = Amazon.CDK.AWS.Events.Rule;
using RuleProps = Amazon.CDK.AWS.Events.RuleProps;
using Schedule = Amazon.CDK.AWS.Events.Schedule;

namespace CdkApp.Stacks
{
    /// <summary>
    /// Nightly churn scoring: a function run by a schedule calls a real-time endpoint, which stays up all day for one
    /// run a night. A Batch Transform job (or an asynchronous endpoint scaled to zero) would run only for the job.
    /// </summary>
    public sealed class ScheduledScoringStack : Stack
    {
        private const string XgboostImage = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";

        public ScheduledScoringStack(Construct scope, string id, IStackProps props) : base(scope, id, props)
        {
            var role = new Role(this, "ScoringRole", new RoleProps { AssumedBy = new ServicePrincipal("sagemaker.amazonaws.com") });
            var model = new CfnModel(this, "ChurnModel", new CfnModelProps
            {
                ExecutionRoleArn = role.RoleArn,
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = XgboostImage, ModelDataUrl = "s3://shop-models/churn/model.tar.gz" },
            });
            var config = new CfnEndpointConfig(this, "ChurnConfig", new CfnEndpointConfigProps
            {
                ProductionVariants = new[]
                {
                    new CfnEndpointConfig.ProductionVariantProperty
                    {
                        ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = "ml.c7i.xlarge", InitialInstanceCount = 1,
                    },
                },
            });
            var endpoint = new CfnEndpoint(this, "ChurnEndpoint", new CfnEndpointProps { EndpointConfigName = config.AttrEndpointConfigName }); // expect: PL5001, PL5004

            var scoring = new Function(this, "NightlyChurnScoring", new FunctionProps
            {
                Runtime = Runtime.PYTHON_3_12,
                Architecture = Architecture.ARM_64,
                Handler = "index.handler",
                Code = Code.FromInline("def handler(event, context):\n    return None\n"),
                Environment = new Dictionary<string, string> { ["ENDPOINT_NAME"] = endpoint.AttrEndpointName },
            });
            scoring.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "sagemaker:InvokeEndpoint" }, Resources = new[] { endpoint.Ref } }));
            new Rule(this, "NightlyAt2", new RuleProps { Schedule = Schedule.Cron(new Amazon.CDK.AWS.Events.CronOptions { Minute = "0", Hour = "2" }), Targets = new[] { new LambdaFunction(scoring) } });
        }
    }
}
