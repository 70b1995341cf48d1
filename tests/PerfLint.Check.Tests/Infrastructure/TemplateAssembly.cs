namespace PerfLint.Check.Tests.Infrastructure;

/// <summary>
/// Writes small hand-made cloud assemblies (manifest.json + templates) for the resolver and bad-input tests, where
/// a real synth would not produce the shape under test.
/// </summary>
public static class TemplateAssembly
{
    public static string Write(params (string Stack, string Template)[] stacks) => WriteIn("unknown-region", stacks);

    /// <summary>The same, with every stack's environment in <paramref name="region"/> (<c>aws://123456789012/eu-west-1</c>).</summary>
    public static string WriteIn(string region, params (string Stack, string Template)[] stacks)
    {
        var dir = Paths.NewScratchDirectory("assembly");
        var account = region == "unknown-region" ? "unknown-account" : "123456789012";
        var artifacts = string.Join(",\n", stacks.Select(s =>
            $"\"{s.Stack}\": {{ \"type\": \"aws:cloudformation:stack\", \"environment\": \"aws://{account}/{region}\", \"properties\": {{ \"templateFile\": \"{s.Stack}.template.json\" }}, \"displayName\": \"{s.Stack}\" }}"));
        File.WriteAllText(Path.Combine(dir, "manifest.json"), "{ \"version\": \"38.0.0\", \"artifacts\": {\n" + artifacts + "\n} }");
        foreach (var (stack, template) in stacks)
        {
            File.WriteAllText(Path.Combine(dir, stack + ".template.json"), template);
        }

        return dir;
    }
}
