using PerfLint.Check.Json;

namespace PerfLint.Check.Templates;

/// <summary>One CloudFormation template of the app: a top-level stack of some (nested) assembly, or a nested stack.</summary>
public sealed class StackTemplate
{
    public StackTemplate(string name, string constructPath, string templateFile, JsonObjectNode root, StackTemplate? parent)
    {
        Name = name;
        ConstructPath = constructPath;
        TemplateFile = templateFile;
        Root = root;
        Parent = parent;
    }

    /// <summary>Artifact id (top-level) or construct path (nested) - unique in the app.</summary>
    public string Name { get; }

    /// <summary>Construct path of the stack without the leading slash, e.g. <c>Prod/SiteStack</c>.</summary>
    public string ConstructPath { get; }

    public string TemplateFile { get; }

    public JsonObjectNode Root { get; }

    public StackTemplate? Parent { get; }

    /// <summary>
    /// The region the stack deploys to: the manifest's <c>aws://account/region</c> environment, a nested stack's parent's;
    /// null when the app leaves it to the environment (<c>unknown-region</c>) or the input is a lone template.
    /// </summary>
    public string? Region { get; set; }

    public List<TemplateResource> Resources { get; } = new();

    public Dictionary<string, TemplateResource> ByLogicalId { get; } = new(StringComparer.Ordinal);

    public JsonObjectNode? Section(string name) => Root[name] as JsonObjectNode;

    public override string ToString() => Name;
}

/// <summary>A resource of a template, with its construct path when the assembly records it.</summary>
public sealed class TemplateResource
{
    public TemplateResource(StackTemplate stack, string logicalId, string type, JsonObjectNode node, string constructPath)
    {
        Stack = stack;
        LogicalId = logicalId;
        Type = type;
        Node = node;
        ConstructPath = constructPath;
    }

    public StackTemplate Stack { get; }

    public string LogicalId { get; }

    public string Type { get; }

    /// <summary>The whole resource object (Type, Properties, Metadata).</summary>
    public JsonObjectNode Node { get; }

    public JsonObjectNode? Properties => Node["Properties"] as JsonObjectNode;

    /// <summary>Construct path without the leading slash and the trailing <c>/Resource</c>, e.g. <c>EndpointsStack/ClassifierConfig</c>.</summary>
    public string ConstructPath { get; }

    /// <summary>
    /// Created by the CDK itself (a custom-resource provider or singleton handler and what it holds), not by the app's
    /// code: no rule asks the user to change it, and it maps to no C# line.
    /// </summary>
    public bool IsCdkOwned { get; init; }

    /// <summary>A property by dotted path (<c>ClusterConfig.InstanceType</c>), or null.</summary>
    public JsonProperty? Property(string dottedPath)
    {
        JsonObjectNode? current = Properties;
        JsonProperty? found = null;
        foreach (var part in dottedPath.Split('.'))
        {
            if (current == null)
            {
                return null;
            }

            found = current.Property(part);
            current = found?.Value as JsonObjectNode;
        }

        return found;
    }

    public override string ToString() => Stack.Name + "/" + LogicalId + " (" + Type + ")";
}

/// <summary>Every template of a cloud assembly, including nested stacks and stages.</summary>
public sealed class CloudAssemblyModel
{
    public CloudAssemblyModel(string rootDirectory)
    {
        RootDirectory = rootDirectory;
    }

    public string RootDirectory { get; }

    public List<StackTemplate> Stacks { get; } = new();

    public IEnumerable<TemplateResource> Resources => Stacks.SelectMany(s => s.Resources);

    /// <summary>Unknown or unsupported shapes that were skipped, for the report's notes.</summary>
    public List<string> Notes { get; } = new();
}
