using PerfLint.Knowledge.App;

namespace PerfLint.Check.Checks;

/// <summary>
/// The whole-app rules of Knowledge (<see cref="AppRules"/>) over the cloud assembly's app model: each finding is
/// reported on its resource, at its value when that is written in the resource, else at the resource's own value the
/// rule names (a group's size when its instance type is in a launch template).
/// </summary>
public sealed class AppRuleChecks : ITemplateCheck
{
    public void Run(CheckContext context)
    {
        if (!AppRules.RuleIds.Any(context.IsOn))
        {
            return;
        }

        var model = TemplateAppModel.Build(context.Model, context.Resolver, m => TemplateConnections.Build(context, m));
        foreach (var finding in AppRules.Evaluate(model, _ => context.Options, context.IsOn))
        {
            var resource = ((TemplateWhere)finding.Resource.Where!).Resource;
            var at = new[] { finding.Where, finding.OnResource }.OfType<TemplateWhere>().FirstOrDefault(w => w.Resource == resource);
            context.Report(finding.Finding, resource, at?.Node, at?.Path, finding.SourceProperty, finding.EquivalentMessages);
        }
    }
}
