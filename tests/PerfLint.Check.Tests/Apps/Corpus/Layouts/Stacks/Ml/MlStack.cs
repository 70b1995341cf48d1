using Amazon.CDK;
using Constructs;
using LayoutsApp.Constructs;

namespace LayoutsApp.Stacks.Ml;

public sealed class MlStack : Stack
{
    public MlStack(Construct scope, string id) : base(scope, id)
    {
        new ComputeNestedStack(this, "Compute");
        new TrainingDisk(this, "Trainer");
    }
}
