using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Facts;
using PerfLint.Analyzers.Gating;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Models;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Rules
{
    /// <summary>
    /// PL1004: the model a SageMaker endpoint-config variant serves does not fit the accelerator memory of its
    /// instance type, or uses a small fraction of a multi-GPU instance (decision: <see cref="ModelFitRule"/>, with the
    /// model id, quantization, dtype and GPU count from the model container's environment), or an Info when the
    /// model's size is unknown. Reported on the instance type, with the model id as additional location; options
    /// <c>PL1004.headroom</c>, <c>PL1004.over_provision_ratio</c> and <c>PL1004.model_parameters</c> are read where
    /// the instance type is.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ModelFitAnalyzer : CdkAnalyzer
    {
        private static readonly ConstructKind[] Kinds = { ConstructKind.SageMakerModel, ConstructKind.SageMakerEndpointConfig };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.For(RuleIds.ModelDoesNotFitAccelerator));

        protected override void OnCdkCompilationStart(CompilationStartAnalysisContext context, CdkTypes cdk) =>
            AppFactCollector.Register(context, cdk, Kinds, wiring: false, Gate, Analyze);

        /// <summary>
        /// A fit needs a model whose size PerfLint knows, named in a string somewhere in the source (each distinct string
        /// judged once). A size stated in the options, or the size-unknown Info, needs a model named by an environment key
        /// (<see cref="ModelDeployment.ModelIdKeys"/>: a model artifact's URL is never reported as unknown) and an
        /// accelerated instance type: an <c>ml.*</c> string of an accelerated type, or one PerfLint cannot parse (a
        /// fragment such as <c>"ml.g5." + size</c>). Then the SageMaker files are read.
        /// </summary>
        private static Func<BodyEntry, bool> Gate(SyntaxIndex index, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var strings = index.ByString.Keys;
            var judged = strings.Any(s => ModelCatalog.Estimate(s) != null) ||
                         (NamesModelIdKey(index) && strings.Any(MayBeAcceleratedType));
            return judged ? Gates.Files(index, SageMakerFacts.ModelsAndConfigs) : Gates.None;
        }

        /// <summary>An environment key that names the model, as a string (<c>["HF_MODEL_ID"] = …</c>) or a member name.</summary>
        private static bool NamesModelIdKey(SyntaxIndex index)
        {
            foreach (var key in ModelDeployment.ModelIdKeys)
            {
                if (index.ByString.ContainsKey(key) || index.ByIdentifier.ContainsKey(key))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool MayBeAcceleratedType(string text)
        {
            if (!text.StartsWith("ml.", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var info = InstanceCatalog.Find(text);
            return info == null || info.Accelerator.Count > 0;
        }

        private static void Analyze(AppModel app, CompilationAnalysisContext context)
        {
            var sink = app.Findings(context.ReportDiagnostic);
            foreach (var (variant, container) in SageMakerFacts.ServedContainers(app))
            {
                var modelId = container.ModelId;
                if (modelId == null)
                {
                    continue;
                }

                var instanceType = variant.InstanceType!;
                var finding = ModelFitRule.Evaluate(container.ToDeployment(instanceType.Text!), app.OptionsFor(instanceType.Location),
                    app.Cdk.StackRegions(context.CancellationToken).For(instanceType.Location));
                if (finding != null)
                {
                    sink.Report(finding, instanceType.Location, modelId.Location);
                }
            }
        }
    }
}
