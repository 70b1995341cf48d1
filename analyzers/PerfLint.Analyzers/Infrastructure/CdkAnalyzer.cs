using Microsoft.CodeAnalysis.Diagnostics;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>
    /// Base of every PerfLint analyzer: concurrent execution, no analysis of and no findings in generated code, CDK symbols resolved
    /// once at compilation start, and nothing registered at all when Amazon.CDK.Lib is not referenced.
    /// </summary>
    public abstract class CdkAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Not run on generated files; diagnostics that land in generated code are dropped by GeneratedCode, which
            // does what the driver would do for None at a fraction of its cost (see there).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                if (CdkTypes.TryCreate(start.Compilation, out var cdk))
                {
                    cdk.Context = CdkContext.For(start.Options);
                    OnCdkCompilationStart(start, cdk);
                }
            });
        }

        /// <summary>
        /// Registers the rule's actions for a compilation that references the CDK. Whole-app rules override this; a
        /// per-value rule overrides <see cref="OnCdkCompilationStart(CdkCompilationStart)"/> instead.
        /// </summary>
        protected virtual void OnCdkCompilationStart(CompilationStartAnalysisContext context, CdkTypes cdk)
        {
            var start = new CdkCompilationStart(cdk);
            OnCdkCompilationStart(start);
            start.Attach(context);
        }

        /// <summary>Registers a per-value rule's sinks and operations (<see cref="CdkCompilationStart.RegisterCdkSink"/>).</summary>
        protected virtual void OnCdkCompilationStart(CdkCompilationStart start)
        {
        }
    }
}
