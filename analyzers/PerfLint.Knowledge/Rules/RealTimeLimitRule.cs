using PerfLint.Knowledge.Inference;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>
    /// PL5005: a model-server setting on a real-time endpoint that asks for more than real-time inference gives: a
    /// response timeout above the invocation limit (60 s), or a request size above the payload limit (6 MB). The
    /// figures come from <see cref="SageMakerLimits"/>; the way out is asynchronous inference.
    /// </summary>
    public static class RealTimeLimitRule
    {
        private const double BytesPerMb = 1024.0 * 1024;

        /// <param name="value">The setting's value, in its unit (seconds, or bytes).</param>
        public static RuleFinding? Evaluate(ServerSetting setting, double value, RuleOptions? options = null)
        {
            options ??= RuleOptions.Default;
            var limitSeconds = SageMakerLimits.RealTimeInvocationSeconds;
            string problem;
            if (setting.Kind == SettingKind.Timeout)
            {
                var threshold = options.MaxTimeoutSeconds;
                if (value <= threshold)
                {
                    return null;
                }

                var bound = threshold < limitSeconds
                    ? "above the " + Describe.Number(threshold) + " s of " + RuleOptions.MaxTimeoutSecondsKey + " (a real-time invocation ends after " + Describe.Number(limitSeconds) + " s)"
                    : "but a real-time invocation ends after " + Describe.Number(limitSeconds) + " s: the caller gets an error while the worker keeps running";
                problem = setting.Name + " = " + Describe.Number(value) + " s on a real-time endpoint, " + bound;
            }
            else
            {
                var limitBytes = SageMakerLimits.RealTimePayloadMb * BytesPerMb;
                if (value <= limitBytes || value == setting.ServerDefault)
                {
                    return null;
                }

                problem = setting.Name + " = " + Describe.Number(value) + " bytes (" + Describe.Number(value / BytesPerMb) + " MB) on a real-time endpoint, but a real-time request carries at most " +
                          Describe.Number(SageMakerLimits.RealTimePayloadMb) + " MB: larger ones are refused before they reach the container";
            }

            return new RuleFinding(RuleIds.RealTimeEndpointBeyondLimits, RuleSeverity.Warning,
                problem + "; use asynchronous inference (AsyncInferenceConfig: requests up to " + Describe.Number(SageMakerLimits.AsyncPayloadGb) + " GB, processing up to " +
                Describe.Number(SageMakerLimits.AsyncProcessingSeconds) + " s)");
        }
    }
}
