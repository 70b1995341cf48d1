using PerfLint.Check.Json;

namespace PerfLint.Check.Templates;

/// <summary>
/// The <c>aws:cdk:logicalId</c> entries of one stack artifact's metadata: construct path per logical id. The artifact
/// holds its nested stacks' resources too, so a logical id is looked up under the stack's own path prefix.
/// </summary>
public sealed class ManifestPaths
{
    /// <summary>The metadata type prefix the CDK writes on the custom-resource providers and singleton handlers it creates.</summary>
    private const string CdkHandlerMetadata = "aws:cdk:is-custom-resource-handler-";

    private readonly Dictionary<string, List<string>> _pathsByLogicalId = new(StringComparer.Ordinal);
    private readonly List<string> _cdkOwned = new();

    public string? StackPath { get; private set; }

    public static ManifestPaths From(JsonObjectNode? metadata)
    {
        var result = new ManifestPaths();
        if (metadata == null)
        {
            return result;
        }

        foreach (var entry in metadata.Properties)
        {
            if (entry.Value is not JsonArrayNode items)
            {
                continue;
            }

            foreach (var item in items.Items.OfType<JsonObjectNode>())
            {
                if (CloudAssemblyReader.Text(item["type"]) is string type && type.StartsWith(CdkHandlerMetadata, StringComparison.Ordinal))
                {
                    result._cdkOwned.Add(entry.Name.TrimStart('/'));
                }

                if (CloudAssemblyReader.Text(item["type"]) == "aws:cdk:logicalId" && CloudAssemblyReader.Text(item["data"]) is string logicalId)
                {
                    if (!result._pathsByLogicalId.TryGetValue(logicalId, out var list))
                    {
                        result._pathsByLogicalId[logicalId] = list = new List<string>();
                    }

                    list.Add(entry.Name.TrimStart('/'));
                }
            }

        }

        result.StackPath = result.CommonStackPath();
        return result;
    }

    /// <summary>Whether <paramref name="constructPath"/> is, or lies under, a construct the metadata marks as the CDK's own handler.</summary>
    public bool IsCdkOwned(string constructPath)
    {
        var path = constructPath.TrimStart('/');
        return _cdkOwned.Any(owned => path == owned || path.StartsWith(owned + "/", StringComparison.Ordinal));
    }

    /// <summary>The path for <paramref name="logicalId"/> inside the stack at <paramref name="stackPath"/> (deepest match wins).</summary>
    public string? PathOf(string logicalId, string stackPath)
    {
        if (!_pathsByLogicalId.TryGetValue(logicalId, out var paths))
        {
            return null;
        }

        var prefix = stackPath + "/";
        string? best = null;
        foreach (var p in paths)
        {
            // A nested stack's resources share the parent artifact's metadata; the shortest path under the prefix is this template's.
            if (p.StartsWith(prefix, StringComparison.Ordinal) && (best == null || p.Length < best.Length))
            {
                best = p;
            }
        }

        return best;
    }

    private string? CommonStackPath()
    {
        // CDK writes the CDKMetadata and BootstrapVersion entries directly under the stack; use the common prefix of all.
        string? common = null;
        foreach (var p in _pathsByLogicalId.Values.SelectMany(v => v))
        {
            var parent = p.Contains('/') ? p[..p.LastIndexOf('/')] : p;
            common = common == null ? parent : CommonPrefix(common, parent);
        }

        return common;
    }

    private static string CommonPrefix(string a, string b)
    {
        var sa = a.Split('/');
        var sb = b.Split('/');
        var n = 0;
        while (n < sa.Length && n < sb.Length && sa[n] == sb[n])
        {
            n++;
        }

        return string.Join('/', sa.Take(n));
    }
}

/// <summary>Construct path helpers.</summary>
public static class ConstructPaths
{
    /// <summary>Drops the leading slash and the L2 child ids <c>Resource</c>/<c>Default</c> that stand for their parent.</summary>
    public static string Normalize(string path)
    {
        path = path.TrimStart('/');
        foreach (var child in new[] { "/Resource", "/Default" })
        {
            if (path.EndsWith(child, StringComparison.Ordinal))
            {
                return path[..^child.Length];
            }
        }

        return path;
    }
}
