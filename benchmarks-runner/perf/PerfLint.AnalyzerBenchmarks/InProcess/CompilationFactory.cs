using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PerfLint.AnalyzerBenchmarks.Generation;

namespace PerfLint.AnalyzerBenchmarks.InProcess;

/// <summary>Turns a generated project into a Roslyn compilation, with the same references `dotnet build` would pass.</summary>
public static class CompilationFactory
{
    public static CSharpCompilation Create(GeneratedProject project)
    {
        var compilation = Create(project, References(project));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The generated " + project.Kind + " project does not compile:\n" + string.Join("\n", errors));
        }

        return compilation;
    }

    /// <summary>
    /// The project parsed afresh into a compilation over <paramref name="references"/>, nothing bound yet and not
    /// checked (for measurements that must see the parse and the analysis apart, with references loaded before).
    /// </summary>
    public static CSharpCompilation Create(GeneratedProject project, IEnumerable<MetadataReference> references)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = project.Sources
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => CSharpSyntaxTree.ParseText(s.Value, parse, path: "/generated/" + s.Key))
            .ToList();
        var options = new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true);
        return CSharpCompilation.Create("Generated", trees, references, options);
    }

    private static List<MetadataReference> References(GeneratedProject project)
    {
        var references = Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().ToList();
        if (project.Kind == ProjectKind.Cdk)
        {
            // The CDK assemblies this benchmark itself references (Amazon.CDK.Lib 2.160.0 and its dependencies).
            foreach (var assembly in new[] { typeof(Amazon.CDK.App).Assembly, typeof(Constructs.Construct).Assembly, typeof(Amazon.JSII.Runtime.Deputy.DeputyBase).Assembly })
            {
                references.Add(MetadataReference.CreateFromFile(assembly.Location));
            }
        }

        return references;
    }
}
