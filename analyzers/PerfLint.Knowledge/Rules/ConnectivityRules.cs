namespace PerfLint.Knowledge.Rules
{
    /// <summary>
    /// Messages of the rules that judge how resources are connected (PL2001, PL2003, PL3001). They quote no
    /// prices: figures come from the embedded data, which has no data-transfer rates.
    /// </summary>
    public static class ConnectivityRules
    {
        public static RuleFinding CrossAz(string first, string firstAz, string second, string secondAz) =>
            new RuleFinding(RuleIds.CrossAzChattyResources, RuleSeverity.Info,
                "'" + first + "' (" + firstAz + ") and '" + second + "' (" + secondAz + ") are connected but pinned to different Availability Zones: every request crosses AZs (added round-trip latency, and traffic between AZs can incur data transfer charges); place them in the same AZ or let the chatty side follow the other");

        public static RuleFinding WebsiteBucketWithoutCloudFront(string bucket) =>
            new RuleFinding(RuleIds.WebsiteBucketWithoutCloudFront, RuleSeverity.Info,
                "S3 website bucket '" + bucket + "' is served to users with no CloudFront distribution in front: every request goes to one region over HTTP; put a CloudFront distribution (S3 origin with origin access control) in front for edge caching and HTTPS");

        public static RuleFinding LambdaWithoutRdsProxy(string function, string database) =>
            new RuleFinding(RuleIds.LambdaToRdsWithoutProxy, RuleSeverity.Warning,
                "Lambda function '" + function + "' connects straight to '" + database + "' without RDS Proxy: each concurrent execution opens its own connection, and bursts exhaust max_connections; connect through an RDS Proxy (DatabaseProxy) to pool connections");
    }
}
