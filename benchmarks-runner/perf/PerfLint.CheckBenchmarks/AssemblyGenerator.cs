using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PerfLint.CheckBenchmarks;

/// <summary>
/// Writes a synthetic CDK project: C# sources (one class per stack, one <c>new CfnX(this, "Id", …)</c> per resource,
/// for the line mapping) and its cloud assembly (cdk.out: manifest.json with logical-id metadata, one template per
/// stack). Each block of 20 resources has what the rules look at: instances on old and current families, gp2/io1
/// volumes, a database pinned to another AZ than its client, a Lambda reading the DB endpoint, SageMaker models,
/// configs, endpoints and scaling, plus resource types no rule knows. Stack N+1 imports stack N's DB endpoint.
/// </summary>
public static class AssemblyGenerator
{
    public const int ResourcesPerBlock = 20;

    private static readonly string[] InstanceTypes = { "m4.large", "m5.large", "m7g.large", "c5.xlarge", "t2.micro", "m6i.large", "r5.large", "c7g.large" };
    private static readonly string[] DatabaseTypes = { "db.r5.large", "db.c5.large", "db.r7g.large", "db.m4.large" };
    private static readonly string[] VolumeTypes = { "gp2", "gp3", "io1", "gp3", "io2" };
    private static readonly (string Image, string Instance, string Model)[] Models =
    {
        ("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.3.0-cpu-py311-ubuntu20.04-sagemaker", "ml.g5.xlarge", "shop/classifier"),
        ("763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.3.0-tgi2.2.0-gpu-py310-cu121-ubuntu22.04", "ml.g5.2xlarge", "meta-llama/Meta-Llama-3-70B-Instruct"),
        ("763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.3.0-tgi2.2.0-gpu-py310-cu121-ubuntu22.04", "ml.g5.2xlarge", "meta-llama/Meta-Llama-3-8B-Instruct"),
    };

    public sealed record Result(string ProjectDirectory, string CloudAssembly, int Stacks, int Resources, long TemplateBytes);

    public static Result Generate(string directory, int stacks, int resourcesPerStack)
    {
        var cdkOut = Path.Combine(directory, "cdk.out");
        Directory.CreateDirectory(Path.Combine(directory, "Stacks"));
        Directory.CreateDirectory(cdkOut);
        File.WriteAllText(Path.Combine(directory, "GeneratedApp.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n</Project>\n");
        var program = new StringBuilder("using Amazon.CDK;\n\nvar app = new App();\n");
        var artifacts = new Dictionary<string, object>();
        var blocks = Math.Max(1, resourcesPerStack / ResourcesPerBlock);
        long bytes = 0;
        var total = 0;
        for (var s = 0; s < stacks; s++)
        {
            var stackName = "Service" + s.ToString("D3", CultureInfo.InvariantCulture) + "Stack";
            program.Append($"new {stackName}(app, \"{stackName}\");\n");
            var (template, metadata, source) = Stack(stackName, s, blocks);
            total += template.Count;
            var json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["Resources"] = template, ["Outputs"] = Outputs(stackName, s) }, new JsonSerializerOptions { WriteIndented = true });
            bytes += json.Length;
            File.WriteAllBytes(Path.Combine(cdkOut, stackName + ".template.json"), json);
            File.WriteAllText(Path.Combine(directory, "Stacks", stackName + ".cs"), source);
            artifacts[stackName] = new Dictionary<string, object>
            {
                ["type"] = "aws:cloudformation:stack",
                ["environment"] = "aws://unknown-account/unknown-region",
                ["properties"] = new Dictionary<string, object> { ["templateFile"] = stackName + ".template.json" },
                ["metadata"] = metadata,
                ["displayName"] = stackName,
            };
        }

        program.Append("app.Synth();\n");
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program.ToString());
        File.WriteAllBytes(Path.Combine(cdkOut, "manifest.json"), JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["version"] = "38.0.0", ["artifacts"] = artifacts }, new JsonSerializerOptions { WriteIndented = true }));
        return new Result(directory, cdkOut, stacks, total, bytes);
    }

    private static object Outputs(string stackName, int s) => new Dictionary<string, object>
    {
        ["DbAddress"] = new Dictionary<string, object>
        {
            ["Value"] = GetAtt("Db0" + Hash(stackName, "Db0"), "Endpoint.Address"),
            ["Export"] = new Dictionary<string, object> { ["Name"] = stackName + "-DbAddress" },
        },
    };

    private static (Dictionary<string, object> Template, Dictionary<string, object> Metadata, string Source) Stack(string stackName, int s, int blocks)
    {
        var resources = new Dictionary<string, object>();
        var metadata = new Dictionary<string, object>();
        var source = new StringBuilder($"using Amazon.CDK;\nusing Amazon.CDK.AWS.EC2;\nusing Constructs;\n\npublic sealed class {stackName} : Stack\n{{\n    public {stackName}(Construct scope, string id) : base(scope, id)\n    {{\n");
        string Add(string id, string type, Dictionary<string, object> properties)
        {
            var logical = id + Hash(stackName, id);
            resources[logical] = new Dictionary<string, object> { ["Type"] = type, ["Properties"] = properties };
            metadata["/" + stackName + "/" + id + "/Resource"] = new[] { new Dictionary<string, object> { ["type"] = "aws:cdk:logicalId", ["data"] = logical } };
            var cfnClass = "Cfn" + type.Split("::")[2];
            var typeProp = properties.TryGetValue("InstanceType", out var it) ? $" InstanceType = \"{it}\" " : " ";
            source.Append($"        new {cfnClass}(this, \"{id}\", new {cfnClass}Props {{{typeProp}}});\n");
            return logical;
        }

        for (var b = 0; b < blocks; b++)
        {
            var k = s * blocks + b;
            var subnetA = Add($"Subnet{b}A", "AWS::EC2::Subnet", new() { ["AvailabilityZone"] = SelectAz(0), ["CidrBlock"] = $"10.{b}.0.0/24", ["VpcId"] = "vpc-0123456789" });
            var subnetB = Add($"Subnet{b}B", "AWS::EC2::Subnet", new() { ["AvailabilityZone"] = SelectAz(1), ["CidrBlock"] = $"10.{b}.1.0/24", ["VpcId"] = "vpc-0123456789" });
            var appSg = Add($"AppSg{b}", "AWS::EC2::SecurityGroup", new() { ["GroupDescription"] = "app", ["VpcId"] = "vpc-0123456789" });
            var dbSg = Add($"DbSg{b}", "AWS::EC2::SecurityGroup", new() { ["GroupDescription"] = "db", ["VpcId"] = "vpc-0123456789" });
            Add($"DbIngress{b}", "AWS::EC2::SecurityGroupIngress", new()
            {
                ["IpProtocol"] = "tcp", ["FromPort"] = 5432, ["ToPort"] = 5432, ["GroupId"] = GetAtt(dbSg, "GroupId"), ["SourceSecurityGroupId"] = GetAtt(appSg, "GroupId"),
            });
            Add($"App{b}", "AWS::EC2::Instance", new()
            {
                ["InstanceType"] = InstanceTypes[k % InstanceTypes.Length], ["ImageId"] = "ami-0123456789abcdef0", ["SubnetId"] = Ref(subnetA),
                ["SecurityGroupIds"] = new[] { GetAtt(appSg, "GroupId") },
                ["BlockDeviceMappings"] = new[] { new Dictionary<string, object> { ["DeviceName"] = "/dev/xvda", ["Ebs"] = new Dictionary<string, object> { ["VolumeSize"] = 50, ["VolumeType"] = VolumeTypes[(k + 1) % VolumeTypes.Length] } } },
            });
            Add($"Data{b}", "AWS::EC2::Volume", new() { ["AvailabilityZone"] = SelectAz(0), ["Size"] = 200, ["VolumeType"] = VolumeTypes[k % VolumeTypes.Length] });
            var db = Add($"Db{b}", "AWS::RDS::DBInstance", new()
            {
                ["DBInstanceClass"] = DatabaseTypes[k % DatabaseTypes.Length], ["Engine"] = "postgres", ["AllocatedStorage"] = "100", ["StorageType"] = k % 2 == 0 ? "gp2" : "gp3",
                ["AvailabilityZone"] = SelectAz(k % 3 == 0 ? 1 : 0), ["VPCSecurityGroups"] = new[] { GetAtt(dbSg, "GroupId") },
            });
            var role = Add($"FnRole{b}", "AWS::IAM::Role", new() { ["AssumeRolePolicyDocument"] = new Dictionary<string, object> { ["Version"] = "2012-10-17" } });
            object dbHost = b == 0 && s > 0 ? new Dictionary<string, object> { ["Fn::ImportValue"] = "Service" + (s - 1).ToString("D3", CultureInfo.InvariantCulture) + "Stack-DbAddress" } : GetAtt(db, "Endpoint.Address");
            Add($"Fn{b}", "AWS::Lambda::Function", new()
            {
                ["Runtime"] = "nodejs20.x", ["Handler"] = "index.handler", ["Role"] = GetAtt(role, "Arn"), ["Code"] = new Dictionary<string, object> { ["ZipFile"] = "exports.handler = async () => 1;" },
                ["Environment"] = new Dictionary<string, object> { ["Variables"] = new Dictionary<string, object> { ["DB_HOST"] = dbHost } },
                ["VpcConfig"] = new Dictionary<string, object> { ["SecurityGroupIds"] = new[] { GetAtt(appSg, "GroupId") }, ["SubnetIds"] = new[] { Ref(subnetA), Ref(subnetB) } },
            });
            var bucket = new Dictionary<string, object>();
            if (k % 5 == 0)
            {
                bucket["WebsiteConfiguration"] = new Dictionary<string, object> { ["IndexDocument"] = "index.html" };
            }

            Add($"Assets{b}", "AWS::S3::Bucket", bucket);
            var (image, instance, modelId) = Models[k % Models.Length];
            var model = Add($"Model{b}", "AWS::SageMaker::Model", new()
            {
                ["ExecutionRoleArn"] = GetAtt(role, "Arn"),
                ["PrimaryContainer"] = new Dictionary<string, object> { ["Image"] = image, ["Environment"] = new Dictionary<string, object> { ["HF_MODEL_ID"] = modelId } },
            });
            var config = Add($"Config{b}", "AWS::SageMaker::EndpointConfig", new()
            {
                ["ProductionVariants"] = new[] { new Dictionary<string, object> { ["VariantName"] = "AllTraffic", ["ModelName"] = GetAtt(model, "ModelName"), ["InstanceType"] = instance, ["InitialInstanceCount"] = 1, ["InitialVariantWeight"] = 1 } },
            });
            var endpoint = Add($"Endpoint{b}", "AWS::SageMaker::Endpoint", new() { ["EndpointConfigName"] = GetAtt(config, "EndpointConfigName") });
            var target = Add($"Scaling{b}", "AWS::ApplicationAutoScaling::ScalableTarget", new()
            {
                ["ServiceNamespace"] = "sagemaker", ["ScalableDimension"] = "sagemaker:variant:DesiredInstanceCount", ["MinCapacity"] = 1, ["MaxCapacity"] = k % 4 == 0 ? 1 : 4,
                ["ResourceId"] = new Dictionary<string, object> { ["Fn::Join"] = new object[] { "", new object[] { "endpoint/", GetAtt(endpoint, "EndpointName"), "/variant/AllTraffic" } } },
            });
            Add($"Policy{b}", "AWS::ApplicationAutoScaling::ScalingPolicy", new()
            {
                ["PolicyName"] = $"p{k}", ["PolicyType"] = "TargetTrackingScaling", ["ScalingTargetId"] = Ref(target),
                ["TargetTrackingScalingPolicyConfiguration"] = new Dictionary<string, object> { ["TargetValue"] = k % 2 == 0 ? 70 : 150, ["PredefinedMetricSpecification"] = new Dictionary<string, object> { ["PredefinedMetricType"] = "SageMakerVariantInvocationsPerInstance" } },
            });
            Add($"Queue{b}", "AWS::SQS::Queue", new() { ["VisibilityTimeout"] = 30 });
            Add($"Topic{b}", "AWS::SNS::Topic", new() { ["DisplayName"] = $"topic {k}" });
            Add($"Table{b}", "AWS::DynamoDB::Table", new() { ["BillingMode"] = "PAY_PER_REQUEST", ["KeySchema"] = new[] { new Dictionary<string, object> { ["AttributeName"] = "pk", ["KeyType"] = "HASH" } } });
            Add($"Logs{b}", "AWS::Logs::LogGroup", new() { ["RetentionInDays"] = 30 });
        }

        source.Append("    }\n}\n");
        return (resources, metadata, source.ToString());
    }

    private static Dictionary<string, object> Ref(string logical) => new() { ["Ref"] = logical };

    private static Dictionary<string, object> GetAtt(string logical, string attribute) => new() { ["Fn::GetAtt"] = new[] { logical, attribute } };

    private static Dictionary<string, object> SelectAz(int index) => new() { ["Fn::Select"] = new object[] { index, new Dictionary<string, object> { ["Fn::GetAZs"] = "" } } };

    /// <summary>The 8-hex suffix CDK appends to logical ids (here a stable hash of stack and id).</summary>
    private static string Hash(string stack, string id) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(stack + "/" + id)))[..8];
}
