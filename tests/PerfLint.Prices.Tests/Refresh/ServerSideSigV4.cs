using System.Security.Cryptography;
using System.Text;

namespace PerfLint.Prices.Tests.Refresh;

/// <summary>
/// The loopback server's own SigV4 check, written from AWS's signing steps (canonical request, string to sign,
/// signing key kDate/kRegion/kService/kSigning, HMAC-SHA256) with nothing from the production signer or the AWS SDK,
/// so a signing mistake in PerfLint makes the server refuse the request.
/// </summary>
internal static class ServerSideSigV4
{
    /// <summary>Null when the Authorization header is a valid signature of the request, else why not.</summary>
    public static string? Verify(
        string method, string path, IReadOnlyList<(string Name, string Value)> headers, byte[] body,
        string accessKey, string secretKey, string region, string service)
    {
        var authorization = Header(headers, "authorization");
        const string Prefix = "AWS4-HMAC-SHA256 ";
        if (authorization == null || !authorization.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return "no AWS4-HMAC-SHA256 Authorization header";
        }

        var parts = authorization[Prefix.Length..].Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signedHeaders) ||
            !parts.TryGetValue("Signature", out var signature))
        {
            return "Authorization lacks Credential, SignedHeaders or Signature";
        }

        var scope = credential.Split('/');
        var amzDate = Header(headers, "x-amz-date");
        if (scope.Length != 5 || amzDate == null || amzDate.Length != 16)
        {
            return "malformed credential scope or X-Amz-Date";
        }

        if (scope[0] != accessKey)
        {
            return "unknown access key";
        }

        if (scope[1] != amzDate[..8] || scope[2] != region || scope[3] != service || scope[4] != "aws4_request")
        {
            return $"credential scope {string.Join("/", scope[1..])} is not {amzDate[..8]}/{region}/{service}/aws4_request";
        }

        var names = signedHeaders.Split(';');
        foreach (var required in new[] { "content-type", "host", "x-amz-date", "x-amz-target" })
        {
            if (!names.Contains(required))
            {
                return $"{required} is not signed";
            }
        }

        var canonical = new StringBuilder();
        canonical.Append(method).Append('\n').Append(path).Append("\n\n");
        foreach (var name in names)
        {
            var values = headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => string.Join(" ", h.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
            if (values.Count == 0)
            {
                return $"signed header {name} was not sent";
            }

            canonical.Append(name).Append(':').Append(string.Join(",", values)).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(Hex(SHA256.HashData(body)));
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope[1]}/{region}/{service}/aws4_request\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var key = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), scope[1]), region), service), "aws4_request");
        var expected = Hex(Hmac(key, stringToSign));
        return expected == signature ? null : "signature mismatch";
    }

    public static string? Header(IReadOnlyList<(string Name, string Value)> headers, string name) =>
        headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => string.Concat(bytes.Select(b => b.ToString("x2")));
}
