namespace PerfLint.Check.Tests.Infrastructure;

/// <summary>
/// Writes small hand-made cloud assemblies (manifest.json + templates) for the resolver and bad-input tests, where
/// a real synth would not produce the shape under test.
/// </summary>
public static class TemplateAssembly
{
    public static string Write(params (string Stack, string Template)[] stacks)
    {
        var dir = Paths.NewScratchDirectory("assembly");
        var artifacts = string.Join(",\n", stacks.Select(s =>
            $"\"{s.Stack}\": {{ \"type\": \"aws:cloudformation:stack\", \"environment\": \"aws://unknown-account/unknown-region\", \"properties\": {{ \"templateFile\": \"{s.Stack}.template.json\" }}, \"displayName\": \"{s.Stack}\" }}"));
        File.WriteAllText(Path.Combine(dir, "manifest.json"), "{ \"version\": \"38.0.0\", \"artifacts\": {\n" + artifacts + "\n} }");
        foreach (var (stack, template) in stacks)
        {
            File.WriteAllText(Path.Combine(dir, stack + ".template.json"), template);
        }

        return dir;
    }
}
