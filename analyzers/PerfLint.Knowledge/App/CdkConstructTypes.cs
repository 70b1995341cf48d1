using System;
using System.Collections.Generic;
using System.Linq;

namespace PerfLint.Knowledge.App
{
    /// <summary>
    /// Which CloudFormation type a CDK class is or synthesizes: an L1 from its namespace and class name
    /// (<c>Amazon.CDK.AWS.EC2.CfnEC2Fleet</c> is <c>AWS::EC2::EC2Fleet</c>; the service part's case may differ from the
    /// template's), an L2 from the table of the constructs the whole-app rules know.
    /// </summary>
    public static class CdkConstructTypes
    {
        private const string AwsNamespace = "Amazon.CDK.AWS.";

        /// <summary>The types whose constructs the analyzers' connection facts read (a security group or secret stands for its users).</summary>
        public const string SecurityGroup = "AWS::EC2::SecurityGroup", SecurityGroupIngress = "AWS::EC2::SecurityGroupIngress",
            Secret = "AWS::SecretsManager::Secret", Function = "AWS::Lambda::Function", DBProxy = "AWS::RDS::DBProxy";

        /// <summary>
        /// A Step Functions task that starts a SageMaker training job: no CloudFormation resource of its own (it is a
        /// state of its state machine's definition), so the analyzers give it this type; templates have none.
        /// </summary>
        public const string SageMakerTrainingTask = "CDK::StepFunctionsTasks::SageMakerCreateTrainingJob";

        /// <summary>L2 classes (metadata names; subclasses inherit) and the C# factories that create them.</summary>
        private static readonly L2[] L2s =
        {
            new L2("AWS::ApplicationAutoScaling::ScalableTarget", new[] { "Amazon.CDK.AWS.ApplicationAutoScaling.ScalableTarget" }, Array.Empty<string>()),
            new L2("AWS::ApplicationAutoScaling::ScalingPolicy", new[] { "Amazon.CDK.AWS.ApplicationAutoScaling.TargetTrackingScalingPolicy" }, new[] { "ScaleToTrackMetric" }),
            new L2("AWS::AutoScaling::AutoScalingGroup", new[] { "Amazon.CDK.AWS.AutoScaling.AutoScalingGroup" },
                new[] { "AddAutoScalingGroupCapacity", "AddCapacity", "AddNodegroupCapacity" }),
            new L2("AWS::EC2::Instance", new[] { "Amazon.CDK.AWS.EC2.Instance_" }, Array.Empty<string>()),
            new L2("AWS::EC2::LaunchTemplate", new[] { "Amazon.CDK.AWS.EC2.LaunchTemplate" }, Array.Empty<string>()),
            new L2("AWS::EC2::PlacementGroup", new[] { "Amazon.CDK.AWS.EC2.PlacementGroup" }, Array.Empty<string>()),
            new L2("AWS::EC2::Subnet", new[] { "Amazon.CDK.AWS.EC2.Subnet" }, Array.Empty<string>()),
            new L2(SecurityGroup, new[] { "Amazon.CDK.AWS.EC2.SecurityGroup" }, Array.Empty<string>()),
            new L2("AWS::RDS::DBInstance", new[] { "Amazon.CDK.AWS.RDS.DatabaseInstanceBase" }, Array.Empty<string>()),
            new L2("AWS::RDS::DBCluster", new[] { "Amazon.CDK.AWS.RDS.DatabaseClusterBase", "Amazon.CDK.AWS.RDS.ServerlessCluster" }, Array.Empty<string>()),
            new L2(DBProxy, new[] { "Amazon.CDK.AWS.RDS.DatabaseProxy" }, new[] { "AddProxy" }),
            new L2(Function, new[] { "Amazon.CDK.AWS.Lambda.Function" }, Array.Empty<string>()),
            new L2(Secret, new[] { "Amazon.CDK.AWS.SecretsManager.Secret" }, Array.Empty<string>()),
            new L2("AWS::S3::Bucket", new[] { "Amazon.CDK.AWS.S3.Bucket" }, Array.Empty<string>()),
            new L2("AWS::EFS::FileSystem", new[] { "Amazon.CDK.AWS.EFS.FileSystem" }, Array.Empty<string>()),
            new L2(SageMakerTrainingTask, new[] { "Amazon.CDK.AWS.StepFunctions.Tasks.SageMakerCreateTrainingJob" }, Array.Empty<string>()),
            new L2("AWS::Events::Rule", new[] { "Amazon.CDK.AWS.Events.Rule" }, Array.Empty<string>()),
            new L2("AWS::StepFunctions::StateMachine", new[] { "Amazon.CDK.AWS.StepFunctions.StateMachine" }, Array.Empty<string>()),
            new L2("AWS::ApiGateway::RestApi", new[] { "Amazon.CDK.AWS.APIGateway.RestApi" }, Array.Empty<string>()),
            new L2("AWS::ApiGateway::Method", new[] { "Amazon.CDK.AWS.APIGateway.Method" }, new[] { "AddMethod" }),
            new L2("AWS::ApiGatewayV2::Api", new[] { "Amazon.CDK.AWS.Apigatewayv2.HttpApi" }, Array.Empty<string>()),
            new L2("AWS::Lambda::Url", new[] { "Amazon.CDK.AWS.Lambda.FunctionUrl" }, new[] { "AddFunctionUrl" }),
            new L2("AWS::Lambda::EventSourceMapping", new[] { "Amazon.CDK.AWS.Lambda.EventSourceMapping" }, new[] { "AddEventSourceMapping" }),
            new L2("AWS::CloudFront::Distribution", new[] { "Amazon.CDK.AWS.CloudFront.Distribution", "Amazon.CDK.AWS.CloudFront.CloudFrontWebDistribution" },
                Array.Empty<string>()),
        };

        private static readonly Dictionary<string, string> ByClass = IndexByClass();

        private static readonly HashSet<string> ClassNames = new HashSet<string>(ByClass.Keys.Select(c => c.Substring(c.LastIndexOf('.') + 1)), StringComparer.Ordinal);

        /// <summary>
        /// Whether a class of this metadata name may be a construct type of the table (a <c>Cfn*</c> class or an L2 class
        /// name): a check without the namespace, which callers holding symbols spend effort to spell.
        /// </summary>
        public static bool MayName(string className) =>
            className.StartsWith("Cfn", StringComparison.Ordinal) || ClassNames.Contains(className);

        /// <summary>
        /// The CloudFormation type of the CDK class <paramref name="className"/> in <paramref name="ns"/>: an L1
        /// (<c>Cfn*</c> in <c>Amazon.CDK.AWS.*</c>) or a known L2; null for anything else.
        /// </summary>
        public static string? CfnType(string ns, string className, out bool isL1)
        {
            isL1 = className.StartsWith("Cfn", StringComparison.Ordinal) && className.Length > 3 && ns.StartsWith(AwsNamespace, StringComparison.Ordinal);
            if (isL1)
            {
                return "AWS::" + ns.Substring(AwsNamespace.Length) + "::" + className.Substring(3);
            }

            return ByClass.TryGetValue(ns + "." + className, out var type) ? type : null;
        }

        /// <summary>
        /// Whether <paramref name="methodName"/> is a factory of the table that does not follow the <c>Add*</c> pattern
        /// (<c>target.ScaleToTrackMetric(..)</c> creates a <c>TargetTrackingScalingPolicy</c> on its receiver).
        /// </summary>
        public static bool IsFactory(string methodName) => L2s.Any(l => l.Factories.Contains(methodName, StringComparer.Ordinal));

        /// <summary>The C# names that create resources of <paramref name="cfnType"/>: its L1 class, L2 classes and factories.</summary>
        public static IEnumerable<string> CSharpNames(string cfnType)
        {
            yield return "Cfn" + cfnType.Substring(cfnType.LastIndexOf(':') + 1);
            foreach (var l2 in L2s.Where(l => l.CfnType == cfnType))
            {
                foreach (var name in l2.Classes.Select(c => c.Substring(c.LastIndexOf('.') + 1)).Concat(l2.Factories))
                {
                    yield return name;
                }
            }
        }

        // Loops and a class rather than LINQ over tuples: generic framework code over value types is JIT-compiled in
        // a fresh compiler (each build of a project without the compiler server).
        private static Dictionary<string, string> IndexByClass()
        {
            var byClass = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var l2 in L2s)
            {
                foreach (var name in l2.Classes)
                {
                    byClass[name] = l2.CfnType;
                }
            }

            return byClass;
        }

        private sealed class L2
        {
            public L2(string cfnType, string[] classes, string[] factories)
            {
                CfnType = cfnType;
                Classes = classes;
                Factories = factories;
            }

            public string CfnType { get; }

            public string[] Classes { get; }

            public string[] Factories { get; }
        }
    }
}
