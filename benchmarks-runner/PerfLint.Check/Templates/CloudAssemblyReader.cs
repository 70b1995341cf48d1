using PerfLint.Check.Json;
using PerfLint.Knowledge.Cdk;

namespace PerfLint.Check.Templates;

/// <summary>
/// Reads a cloud assembly (manifest.json: stack artifacts, nested assemblies of stages) or a single template file.
/// Construct paths come from the template's <c>aws:cdk:path</c> metadata when present, else from the manifest's
/// <c>aws:cdk:logicalId</c> metadata entries (always written by CDK). Nested stack templates are found through the
/// <c>aws:asset:path</c> metadata, else through the asset manifest entry whose hash the <c>TemplateURL</c> names.
/// </summary>
public static class CloudAssemblyReader
{
    private const string NestedStackSuffix = ".NestedStack";

    public static CloudAssemblyModel Read(string input)
    {
        if (Directory.Exists(input))
        {
            var model = new CloudAssemblyModel(Path.GetFullPath(input));
            var manifest = Path.Combine(input, "manifest.json");
            if (!File.Exists(manifest))
            {
                throw new CheckInputException($"{input}: not a cloud assembly (no manifest.json); pass a cdk.out directory or a template .json file");
            }

            ReadAssembly(model, Path.GetFullPath(input), depth: 0);
            return model;
        }

        if (File.Exists(input))
        {
            var full = Path.GetFullPath(input);
            var model = new CloudAssemblyModel(Path.GetDirectoryName(full)!);
            if (Path.GetFileName(full).Equals("manifest.json", StringComparison.OrdinalIgnoreCase))
            {
                ReadAssembly(model, model.RootDirectory, depth: 0);
                return model;
            }

            var name = Path.GetFileName(full);
            name = name.EndsWith(".template.json", StringComparison.OrdinalIgnoreCase) ? name[..^".template.json".Length] : Path.GetFileNameWithoutExtension(name);
            var root = TemplateJson.ParseFile(full);
            if (NotATemplate(root) is string what)
            {
                throw new CheckInputException($"{input}: {what}, not a CloudFormation template; pass the cdk.out directory (its manifest.json) or a *.template.json file", full, 1, 1);
            }

            AddTemplate(model, name, name, full, new ManifestPaths(), null, root);
            return model;
        }

        throw new CheckInputException($"{input}: no such file or directory");
    }

    /// <summary>
    /// What a JSON file given as a template is instead (a cloud assembly's other files: the construct tree, an asset
    /// manifest, the <c>cdk.out</c> version marker), or null when it is a template: an object with a <c>Resources</c>
    /// object or a template format version.
    /// </summary>
    private static string? NotATemplate(JsonNode root)
    {
        if (root is not JsonObjectNode o)
        {
            return "the root is not an object";
        }

        if (o["Resources"] is JsonObjectNode || o["AWSTemplateFormatVersion"] != null)
        {
            return null;
        }

        return o["tree"] != null ? "the construct tree (tree.json)"
            : o["files"] != null || o["dockerImages"] != null ? "an asset manifest (*.assets.json)"
            : o["artifacts"] != null ? "a cloud assembly manifest"
            : o.Properties.Count == 1 && o["version"] != null ? "the cloud assembly's version marker (cdk.out)"
            : "a JSON file without Resources";
    }

    private static void ReadAssembly(CloudAssemblyModel model, string directory, int depth)
    {
        var manifestFile = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestFile))
        {
            throw new CheckInputException($"{manifestFile}: missing (nested cloud assembly)");
        }

        if (TemplateJson.ParseFile(manifestFile) is not JsonObjectNode manifest || manifest["artifacts"] is not JsonObjectNode artifacts)
        {
            throw new CheckInputException($"{manifestFile}: not a cloud assembly manifest (no \"artifacts\" object)", manifestFile, 1, 1);
        }

        // Templates are parsed in parallel (the bulk of the work on large apps), then added in manifest order.
        var stacks = new List<(string Name, string StackPath, string File, ManifestPaths Paths, string? Region)>();
        var nestedAssemblies = new List<string>();
        foreach (var artifact in artifacts.Properties)
        {
            if (artifact.Value is not JsonObjectNode body)
            {
                continue;
            }

            var type = Text(body["type"]);
            var properties = body["properties"] as JsonObjectNode;
            if (type == "aws:cloudformation:stack")
            {
                var templateFile = Text(properties?["templateFile"]);
                if (templateFile == null)
                {
                    throw new CheckInputException($"{manifestFile}({artifact.Line},{artifact.Column}): stack artifact '{artifact.Name}' has no templateFile", manifestFile, artifact.Line, artifact.Column);
                }

                var paths = ManifestPaths.From(body["metadata"] as JsonObjectNode);
                stacks.Add((artifact.Name, Text(body["displayName"]) ?? paths.StackPath ?? artifact.Name, Path.Combine(directory, templateFile), paths, RegionOf(Text(body["environment"]))));
            }
            else if (type == "cdk:cloud-assembly" && depth < 16 && Text(properties?["directoryName"]) is string nested)
            {
                nestedAssemblies.Add(Path.Combine(directory, nested));
            }
        }

        var roots = stacks.AsParallel().AsOrdered().Select(s => File.Exists(s.File) ? TryParse(s.File) : null).ToList();
        for (var i = 0; i < stacks.Count; i++)
        {
            var (name, stackPath, file, paths, region) = stacks[i];
            var stack = AddTemplate(model, name, stackPath, file, paths, null, roots[i]);
            stack.Region = region;
            AddNestedStacks(model, stack, directory, paths, depth);
        }

        foreach (var nested in nestedAssemblies)
        {
            ReadAssembly(model, nested, depth + 1);
        }
    }

    /// <summary><c>aws://123456789012/eu-west-1</c> → <c>eu-west-1</c>; null for <c>unknown-region</c> (an environment-agnostic stack).</summary>
    private static string? RegionOf(string? environment)
    {
        const string scheme = "aws://";
        if (environment == null || !environment.StartsWith(scheme, StringComparison.Ordinal))
        {
            return null;
        }

        var slash = environment.IndexOf('/', scheme.Length);
        var region = slash < 0 ? null : environment[(slash + 1)..];
        return string.IsNullOrEmpty(region) || region == "unknown-region" ? null : region;
    }

    /// <summary>Parses in a worker; a parse error is rethrown in order by <see cref="AddTemplate"/>, which parses again.</summary>
    private static JsonNode? TryParse(string file)
    {
        try
        {
            return TemplateJson.ParseFile(file);
        }
        catch (CheckInputException)
        {
            return null;
        }
    }

    private static StackTemplate AddTemplate(CloudAssemblyModel model, string name, string stackPath, string file, ManifestPaths paths, StackTemplate? parent, JsonNode? parsed = null)
    {
        if (!File.Exists(file))
        {
            throw new CheckInputException($"{file}: template file missing (named by {(parent == null ? "manifest.json" : "nested stack " + parent.Name)})", file);
        }

        if ((parsed ?? TemplateJson.ParseFile(file)) is not JsonObjectNode root)
        {
            throw new CheckInputException($"{file}(1,1): not a CloudFormation template (the root is not an object)", file, 1, 1);
        }

        var stack = new StackTemplate(name, stackPath, file, root, parent) { Region = parent?.Region };
        model.Stacks.Add(stack);
        if (root["Resources"] is not JsonObjectNode resources)
        {
            return stack;
        }

        foreach (var entry in resources.Properties)
        {
            if (entry.Value is not JsonObjectNode node || Text(node["Type"]) is not string type)
            {
                model.Notes.Add($"{file}({entry.Line},{entry.Column}): resource '{entry.Name}' has no Type; skipped");
                continue;
            }

            var metadataPath = Text((node["Metadata"] as JsonObjectNode)?["aws:cdk:path"]);
            var path = metadataPath ?? paths.PathOf(entry.Name, stackPath) ?? stackPath + "/" + entry.Name;
            var resource = new TemplateResource(stack, entry.Name, type, node, ConstructPaths.Normalize(path))
            {
                IsCdkOwned = paths.IsCdkOwned(path) || CdkInternalFunctions.IsCdkInternal(path, entry.Name),
            };
            stack.Resources.Add(resource);
            stack.ByLogicalId[entry.Name] = resource;
        }

        return stack;
    }

    private static void AddNestedStacks(CloudAssemblyModel model, StackTemplate parent, string directory, ManifestPaths paths, int depth)
    {
        foreach (var resource in parent.Resources.Where(r => r.Type == "AWS::CloudFormation::Stack").ToList())
        {
            var file = NestedTemplateFile(resource, directory);
            if (file == null)
            {
                model.Notes.Add($"{parent.TemplateFile}({resource.Node.Line},{resource.Node.Column}): nested stack '{resource.LogicalId}' has no local template (not a CDK nested stack); skipped");
                continue;
            }

            // The stack resource's path is <parent>/<id>.NestedStack/<id>.NestedStackResource; the nested stack is <parent>/<id>.
            var nestedPath = resource.ConstructPath;
            var marker = nestedPath.IndexOf(NestedStackSuffix + "/", StringComparison.Ordinal);
            if (marker > 0)
            {
                nestedPath = nestedPath[..marker];
            }

            var nested = AddTemplate(model, parent.Name + "/" + resource.LogicalId, nestedPath, file, paths, parent);
            if (depth < 16)
            {
                AddNestedStacks(model, nested, directory, paths, depth + 1);
            }
        }
    }

    private static string? NestedTemplateFile(TemplateResource resource, string directory)
    {
        var assetPath = Text((resource.Node["Metadata"] as JsonObjectNode)?["aws:asset:path"]);
        if (assetPath != null)
        {
            return Path.Combine(directory, assetPath);
        }

        // Without asset metadata: TemplateURL ends in "<hash>.json"; the stack's asset manifest maps the hash to a file.
        var url = string.Concat(Scalars(resource.Properties?["TemplateURL"]));
        var match = System.Text.RegularExpressions.Regex.Match(url, "([0-9a-f]{64})\\.json");
        if (!match.Success)
        {
            return null;
        }

        foreach (var assets in Directory.EnumerateFiles(directory, "*.assets.json"))
        {
            if (TemplateJson.ParseFile(assets) is JsonObjectNode manifest &&
                (manifest["files"] as JsonObjectNode)?[match.Groups[1].Value] is JsonObjectNode entry &&
                Text((entry["source"] as JsonObjectNode)?["path"]) is string path)
            {
                return Path.Combine(directory, path);
            }
        }

        return null;
    }

    private static IEnumerable<string> Scalars(JsonNode? node)
    {
        switch (node)
        {
            case JsonScalarNode s:
                yield return s.Text;
                break;
            case JsonArrayNode a:
                foreach (var item in a.Items.SelectMany(Scalars)) yield return item;
                break;
            case JsonObjectNode o:
                foreach (var p in o.Properties.SelectMany(p => Scalars(p.Value))) yield return p;
                break;
        }
    }

    internal static string? Text(JsonNode? node) => node is JsonScalarNode { Kind: JsonScalarKind.String } s ? s.Text : null;
}
