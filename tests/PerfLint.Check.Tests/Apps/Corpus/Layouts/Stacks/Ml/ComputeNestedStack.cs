using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Constructs;

namespace LayoutsApp.Stacks.Ml;

public sealed class ComputeNestedStack : NestedStack
{
    public ComputeNestedStack(Construct scope, string id) : base(scope, id)
    {
        new CfnInstance(this, "Worker", new CfnInstanceProps { InstanceType = "c4.large" });
    }
}
