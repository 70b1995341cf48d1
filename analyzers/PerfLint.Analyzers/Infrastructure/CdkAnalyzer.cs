using Microsoft.CodeAnalysis.Diagnostics;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>
    /// Base of every PerfLint analyzer: concurrent execution, no analysis of generated code, CDK symbols resolved
    /// once at compilation start, and nothing registered at all when Amazon.CDK.Lib is not referenced.
    /// </summary>
    public abstract class CdkAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (CdkTypes.TryCreate(start.Compilation, out var cdk))
                {
                    OnCdkCompilationStart(start, cdk);
                }
            });
        }

        /// <summary>Registers the rule's operation actions for a compilation that references the CDK.</summary>
        protected abstract void OnCdkCompilationStart(CompilationStartAnalysisContext context, CdkTypes cdk);
    }
}
