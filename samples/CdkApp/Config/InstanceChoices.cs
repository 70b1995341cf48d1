namespace CdkApp.Config
{
    /// <summary>
    /// Instance types the platform team pinned years ago and shares across stacks. The analyzers follow these
    /// constants into the stacks and report where a stack uses them.
    /// </summary>
    public static class InstanceChoices
    {
        /// <summary>Reporting replica: chosen in 2017, never revisited.</summary>
        public const string ReportingDatabase = "db.r4.large";

        /// <summary>Session cache of the web tier.</summary>
        public const string SessionCache = "cache.r4.large";

        /// <summary>Current-generation Graviton cache node: correct, stays silent.</summary>
        public const string CatalogCache = "cache.r7g.large";

        /// <summary>The SageMaker region prefix for the AWS Deep Learning Containers registry.</summary>
        public const string DlcRegistry = "763104351884.dkr.ecr.us-east-1.amazonaws.com";
    }
}
