namespace PerfLint.Analyzers.Tests.Infrastructure;

/// <summary>Builds compilable CDK test sources: the usings most stacks need and a stack class around a body.</summary>
public static class CdkSource
{
    /// <summary>
    /// Usings for EC2 and the namespaces whose type names do not clash with EC2's (RDS, DocDB and Neptune are used
    /// qualified: they declare their own InstanceProps/CfnDBInstance).
    /// </summary>
    public const string Usings =
        "using System;\n" +
        "using Amazon.CDK;\n" +
        "using Amazon.CDK.AWS.EC2;\n" +
        "using Amazon.CDK.AWS.ElastiCache;\n" +
        "using Amazon.CDK.AWS.Lambda;\n" +
        "using Amazon.CDK.AWS.ApplicationAutoScaling;\n" +
        "using Constructs;\n" +
        "using Rds = Amazon.CDK.AWS.RDS;\n" +
        "using Sm = Amazon.CDK.AWS.Sagemaker;\n" +
        "using Os = Amazon.CDK.AWS.OpenSearchService;\n";

    /// <summary><see cref="Usings"/> + <c>class AppStack : Stack</c> with <paramref name="constructorBody"/> and <paramref name="members"/>, then top-level <paramref name="types"/>.</summary>
    public static string Stack(string constructorBody, string members = "", string types = "") =>
        Usings +
        "public class AppStack : Stack\n{\n" +
        "    public AppStack(Construct scope, string id) : base(scope, id)\n    {\n" +
        constructorBody + "\n    }\n" +
        members + "\n}\n" + types;
}
