using Amazon.CDK;
using Constructs;

namespace LayoutsApp.Stacks.Ml;

public sealed class MlStage : Stage
{
    public MlStage(Construct scope, string id) : base(scope, id)
    {
        new MlStack(this, "Ml");
    }
}
