using PerfLint.Check.Json;

namespace PerfLint.Check.Checks;

/// <summary>
/// Finds values inside a resource's Properties by a path such as <c>ProductionVariants[].InstanceType</c>
/// (<c>[]</c> = every array item). Returns each value with its concrete path (<c>ProductionVariants[1].InstanceType</c>).
/// </summary>
public static class PropertyPaths
{
    public static IEnumerable<(string Path, JsonNode Value)> Find(JsonObjectNode? properties, string path)
    {
        if (properties == null)
        {
            return Array.Empty<(string, JsonNode)>();
        }

        return Walk(properties, path.Split('.'), 0, string.Empty);
    }

    private static IEnumerable<(string Path, JsonNode Value)> Walk(JsonNode node, string[] parts, int index, string prefix)
    {
        if (index == parts.Length)
        {
            yield return (prefix, node);
            yield break;
        }

        var part = parts[index];
        var each = part.EndsWith("[]", StringComparison.Ordinal);
        var name = each ? part[..^2] : part;
        if (node is not JsonObjectNode obj || obj[name] is not JsonNode child)
        {
            yield break;
        }

        var here = prefix.Length == 0 ? name : prefix + "." + name;
        if (!each)
        {
            foreach (var hit in Walk(child, parts, index + 1, here))
            {
                yield return hit;
            }

            yield break;
        }

        if (child is JsonArrayNode array)
        {
            for (var i = 0; i < array.Items.Count; i++)
            {
                foreach (var hit in Walk(array.Items[i], parts, index + 1, here + "[" + i + "]"))
                {
                    yield return hit;
                }
            }
        }
    }
}
