using Amazon.CDK;
using CdkApp.Stacks;

namespace CdkApp
{
    /// <summary>
    /// A small online shop on AWS: a VPC, an orders database and cache, an LLM/vision inference tier on SageMaker, a
    /// training cluster and the web front. The stacks hold realistic performance mistakes (marked `// expect: PLxxxx`)
    /// next to the correct way of doing the same thing.
    /// </summary>
    public static class Program
    {
        public static void Main()
        {
            // `perflint check` and `cdk synth` pass CDK_OUTDIR; without it CDK would write to a temp folder.
            var outdir = System.Environment.GetEnvironmentVariable("CDK_OUTDIR");
            var app = new App(new AppProps { Outdir = string.IsNullOrEmpty(outdir) ? "cdk.out" : outdir });
            var env = new Amazon.CDK.Environment { Account = "111122223333", Region = "us-east-1" };

            var network = new NetworkStack(app, "ShopNetwork", new StackProps { Env = env });
            new DataStack(app, "ShopData", new DataStackProps { Env = env, Vpc = network.Vpc });
            new MlEndpointsStack(app, "ShopInference", new StackProps { Env = env });
            new TrainingStack(app, "ShopTraining", new TrainingStackProps { Env = env, Vpc = network.Vpc });
            new WebStack(app, "ShopWeb", new StackProps { Env = env });
            new BatchStack(app, "ShopBatch", new BatchStackProps { Env = env, Vpc = network.Vpc });
            new InferenceModesStack(app, "ShopInferenceModes", new StackProps { Env = env });
            new SharedInferenceStack(app, "ShopSharedInference", new StackProps { Env = env });
            new ScheduledScoringStack(app, "ShopScheduledScoring", new StackProps { Env = env });

            app.Synth();
        }
    }
}
