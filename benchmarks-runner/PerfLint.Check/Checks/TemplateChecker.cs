using PerfLint.Check.Config;
using PerfLint.Check.Findings;
using PerfLint.Check.Templates;

namespace PerfLint.Check.Checks;

/// <summary>Runs every template check over a cloud assembly and returns the findings in a stable order.</summary>
public static class TemplateChecker
{
    public static IReadOnlyList<ITemplateCheck> All { get; } = new ITemplateCheck[]
    {
        new InstanceTypeChecks(),
        new VolumeChecks(),
        new SageMakerChecks(),
        new AppRuleChecks(),
    };

    public static List<Finding> Run(CloudAssemblyModel model, CheckSettings settings, Action<string, TimeSpan>? timing = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var context = new CheckContext(model, settings);
        timing?.Invoke("index", watch.Elapsed);
        foreach (var check in All)
        {
            watch.Restart();
            check.Run(context);
            timing?.Invoke(check.GetType().Name, watch.Elapsed);
        }

        return context.Findings
            .OrderBy(f => f.TemplatePosition.File, StringComparer.Ordinal)
            .ThenBy(f => f.TemplatePosition.Line)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
    }
}
