using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>
    /// Names the construct a sink hands its value to, for a finding reported away from it (on a settings record's
    /// argument, a dictionary entry): <c>reaches CfnCacheCluster "Cache" in CacheStack</c>, or the props member when
    /// the props are not created inside a construct's creation (<c>reaches InstanceProps.InstanceType in AppStack</c>).
    /// </summary>
    internal static class SinkConstruct
    {
        /// <summary>How many operations up from the sink the construct's creation is looked for.</summary>
        private const int MaxLevels = 12;

        public static string Describe(CdkSink sink, CdkTypes cdk)
        {
            var where = sink.Operation.Syntax.FirstAncestorOrSelf<TypeDeclarationSyntax>()?.Identifier.ValueText;
            var suffix = string.IsNullOrEmpty(where) ? string.Empty : " in " + where;
            var op = sink.Operation.Parent;
            for (var level = 0; op != null && level < MaxLevels; level++, op = op.Parent)
            {
                if (op is IObjectCreationOperation { Type: { } type, Arguments: { Length: >= 2 } arguments } && cdk.IsCdk(type) &&
                    arguments[1].Value.ConstantValue is { HasValue: true, Value: string id })
                {
                    return "reaches " + type.Name + " \"" + id + "\"" + suffix;
                }
            }

            return "reaches " + (sink.ContainingType?.Name ?? "the CDK") + "." + sink.Name + suffix;
        }
    }
}
