using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace PerfLint.Prices.Refresh;

/// <summary>
/// AWS Signature Version 4 for a request without a query string (the Price List API's JSON 1.1 POST to "/"). The
/// canonical request is built here (AWS's "Create a canonical request" step: method, path, empty query, lower-case
/// sorted headers with trimmed values, the signed header list, the hex SHA-256 of the body); the string to sign, the
/// derived signing key and the signature come from AWSSDK.Core's <see cref="AWS4Signer"/>, the signer every AWS .NET
/// client uses. Checked against AWS's published SigV4 test suite.
/// </summary>
public static class SigV4
{
    public const string DateHeader = "X-Amz-Date";
    public const string SecurityTokenHeader = "X-Amz-Security-Token";

    /// <summary>The canonical request of a POST/GET to "/" with these headers and body.</summary>
    public static string CanonicalRequest(string method, IEnumerable<KeyValuePair<string, string>> headers, byte[] body, out string signedHeaders)
    {
        // Header names lower-cased and sorted; repeated names join their values with commas; values trimmed with
        // inner runs of spaces collapsed to one.
        var canonical = headers
            .GroupBy(h => h.Key.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Value: string.Join(",", g.Select(h => CollapseSpaces(h.Value)))))
            .ToList();
        signedHeaders = string.Join(";", canonical.Select(h => h.Name));
        var builder = new StringBuilder();
        builder.Append(method).Append('\n').Append("/\n").Append('\n');
        foreach (var (name, value) in canonical)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('\n').Append(signedHeaders).Append('\n').Append(Convert.ToHexStringLower(SHA256.HashData(body)));
        return builder.ToString();
    }

    /// <summary>
    /// The Authorization header value for a request whose headers already carry Host and X-Amz-Date (and
    /// X-Amz-Security-Token when the credentials have a session token): <c>AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...</c>.
    /// </summary>
    public static string Authorization(
        ImmutableCredentials credentials, string region, string service, DateTime signedAtUtc, string method,
        IEnumerable<KeyValuePair<string, string>> headers, byte[] body)
    {
        var canonicalRequest = CanonicalRequest(method, headers, body, out var signedHeaders);
        return AWS4Signer.ComputeSignature(credentials, region, signedAtUtc, service, signedHeaders, canonicalRequest).ForAuthorizationHeader;
    }

    /// <summary>The X-Amz-Date value: ISO 8601 basic format, UTC.</summary>
    public static string FormatDate(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string CollapseSpaces(string value) => string.Join(" ", value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
