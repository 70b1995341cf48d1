namespace PerfLint.Prices.Refresh;

/// <summary>
/// Where the Price List Query API is called. AWS serves it from two regions only (us-east-1 and ap-south-1); the
/// region signs the request. The URL can be overridden the way the AWS SDKs do it: <c>AWS_ENDPOINT_URL_PRICING</c>,
/// then <c>AWS_ENDPOINT_URL</c>. An override must be https, or http on a loopback host (a local test server).
/// </summary>
public sealed record PricingEndpoint(Uri Url, string SigningRegion)
{
    public const string SigningService = "pricing";
    public const string ServiceOverrideVariable = "AWS_ENDPOINT_URL_PRICING";
    public const string GlobalOverrideVariable = "AWS_ENDPOINT_URL";

    /// <summary>The regions that serve the Price List Query API.</summary>
    public static readonly IReadOnlyList<string> ApiRegions = new[] { "us-east-1", "ap-south-1" };

    /// <summary>The endpoint for <paramref name="apiRegion"/>, or the override the environment names.</summary>
    public static PricingEndpoint Resolve(string apiRegion, Func<string, string?> environment)
    {
        if (!ApiRegions.Contains(apiRegion, StringComparer.Ordinal))
        {
            throw new PricesInputException($"--api-region '{apiRegion}': the Price List API is served from {string.Join(" and ", ApiRegions)} only");
        }

        foreach (var variable in new[] { ServiceOverrideVariable, GlobalOverrideVariable })
        {
            if (environment(variable) is { Length: > 0 } text)
            {
                if (!Uri.TryCreate(text, UriKind.Absolute, out var url) ||
                    !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
                {
                    throw new PricesInputException($"{variable} '{text}' is not an https URL (http is allowed for a loopback host only)");
                }

                return new PricingEndpoint(url, apiRegion);
            }
        }

        return new PricingEndpoint(new Uri($"https://api.pricing.{apiRegion}.amazonaws.com/"), apiRegion);
    }
}
