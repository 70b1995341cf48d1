namespace CdkApp.Config
{
    /// <summary>
    /// The batch tier's sizes per stage, kept the way teams keep them: one record per environment, picked by the stage
    /// name from the CDK context (<c>cdk.json</c> <c>"stage"</c>). The analyzers follow the record's values into the
    /// stack that uses them and name the stage in the finding.
    /// </summary>
    public sealed record StageSizing(string WorkerType, int Workers)
    {
        public static StageSizing For(string stage) => stage switch
        {
            // Sized in 2016 and never revisited: c4 is a previous generation.
            "prod" => new StageSizing("c4.2xlarge", 6),
            // Correct: current generation (Graviton) for staging and development.
            "staging" => new StageSizing("c7g.xlarge", 2),
            _ => new StageSizing("c7g.large", 1),
        };
    }
}
