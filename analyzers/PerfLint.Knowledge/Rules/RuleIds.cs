namespace PerfLint.Knowledge.Rules
{
    /// <summary>One constant per rule ID. IDs are part of the product: never renumber or reuse one.</summary>
    public static class RuleIds
    {
        public const string PreviousGenerationInstance = "PL1001";
        public const string DatabaseOnWrongFamily = "PL1002";
        public const string ImageAcceleratorMismatch = "PL1003";
        public const string ModelDoesNotFitAccelerator = "PL1004";
        public const string GravitonOpportunity = "PL1005";
        public const string CrossAzChattyResources = "PL2001";
        public const string FleetWithoutClusterPlacementGroup = "PL2002";
        public const string WebsiteBucketWithoutCloudFront = "PL2003";
        public const string AcceleratedFleetWithoutEfa = "PL2004";
        public const string LambdaToRdsWithoutProxy = "PL3001";
        public const string Gp2Volume = "PL4001";
        public const string Io1Volume = "PL4002";
        public const string EndpointWithoutAutoScaling = "PL5001";
        public const string ScalingTargetIsDocumentationExample = "PL5002";
        public const string ScalingCannotScale = "PL5003";
        public const string RealTimeEndpointCalledOnlyOnSchedule = "PL5004";
        public const string RealTimeEndpointBeyondLimits = "PL5005";
        public const string ServerlessInferenceCannotWork = "PL5006";
        public const string MultiModelEndpointWithoutTriton = "PL5007";
        public const string InferenceComponentCannotBePlaced = "PL5008";
        public const string AcceleratedEndpointScalesOnHostMetric = "PL5009";
        public const string AcceleratorRoleMismatch = "PL1006";
        public const string TrainingDataOnThrottledEfs = "PL4003";
    }
}
