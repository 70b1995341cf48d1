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
        new ConnectivityChecks(),
        new PlacementChecks(),
    };

    public static List<Finding> Run(CloudAssemblyModel model, CheckSettings settings)
    {
        var context = new CheckContext(model, settings);
        foreach (var check in All)
        {
            check.Run(context);
        }

        return context.Findings
            .OrderBy(f => f.TemplatePosition.File, StringComparer.Ordinal)
            .ThenBy(f => f.TemplatePosition.Line)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
    }
}
