using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Facts;
using PerfLint.Analyzers.Gating;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Images;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Rules
{
    /// <summary>
    /// PL1003: a SageMaker model's container image is built for other hardware than the instance type of the
    /// endpoint-config variant that serves it (decision: <see cref="AcceleratorImageRule"/>). The image and the
    /// instance type are usually set on different constructs (<c>CfnModel</c>, <c>CfnEndpointConfig</c>), so the
    /// facts are collected over the compilation and judged at its end; reported on the image value, with the
    /// instance type as additional location.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ImageAcceleratorMismatchAnalyzer : CdkAnalyzer
    {
        private static readonly ConstructKind[] Kinds = { ConstructKind.SageMakerModel, ConstructKind.SageMakerEndpointConfig };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.For(RuleIds.ImageAcceleratorMismatch));

        protected override void OnCdkCompilationStart(CompilationStartAnalysisContext context, CdkTypes cdk) =>
            AppFactCollector.Register(context, cdk, Kinds, wiring: false, Gate, Analyze);

        /// <summary>An image name, or a piece of one, has a separator (<c>...-gpu-py311</c>, <c>repo:tag</c>): construct ids such as <c>Cpu</c> are no image.</summary>
        private static readonly char[] ImageSeparators = { '/', ':', '-', '_', '.', '@' };

        /// <summary>
        /// A mismatch needs an image name of a known kind (gpu, cpu, neuronx..) and an <c>ml.*</c> instance type whose
        /// accelerator disagrees with it, both written somewhere in the source (a type PerfLint cannot parse, such as a
        /// fragment of a concatenation, may be anything). Then the SageMaker files are read.
        /// </summary>
        private static Func<BodyEntry, bool> Gate(SyntaxIndex index, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var strings = index.ByString.Keys; // each distinct string once
            var images = OnePerKind(strings.Where(s => s.IndexOfAny(ImageSeparators) >= 0));
            var instances = strings.Where(s => s.StartsWith("ml.", StringComparison.OrdinalIgnoreCase)).ToList();
            var mismatch = images.Count > 0 && instances.Any(i => InstanceCatalog.Find(i) == null || images.Any(image => AcceleratorImageRule.Evaluate(image, i) != null));
            return mismatch ? Gates.Files(index, SageMakerFacts.ModelsAndConfigs) : Gates.None;
        }

        /// <summary>
        /// The first image name of each known kind (the rule's verdict depends only on the kind). Kinds seen are marked
        /// in an array indexed by the enum: a grouping or set of it would be generic code for a fresh compiler to JIT.
        /// </summary>
        private static List<string> OnePerKind(IEnumerable<string> names)
        {
            var images = new List<string>();
            var seen = new bool[Enum.GetValues(typeof(ContainerImageKind)).Length];
            foreach (var name in names)
            {
                var kind = ContainerImageClassifier.Classify(name);
                if (kind != ContainerImageKind.Unknown && !seen[(int)kind])
                {
                    seen[(int)kind] = true;
                    images.Add(name);
                }
            }

            return images;
        }

        private static void Analyze(AppModel app, CompilationAnalysisContext context)
        {
            var sink = app.Findings(context.ReportDiagnostic);
            foreach (var (variant, container) in SageMakerFacts.ServedContainers(app))
            {
                var finding = container.Image?.Text == null ? null : AcceleratorImageRule.Evaluate(container.Image.Text, variant.InstanceType!.Text);
                if (finding != null)
                {
                    sink.Report(finding, container.Image!.Location, variant.InstanceType!.Location);
                }
            }
        }
    }
}
