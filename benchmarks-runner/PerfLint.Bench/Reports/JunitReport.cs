using System.Xml.Linq;
using PerfLint.Bench.Results;

namespace PerfLint.Bench.Reports;

/// <summary>junit.xml: one test suite per benchmark, one test case per budget (plus run and validity cases).</summary>
public static class JunitReport
{
    public static string Render(BenchResults results)
    {
        var suites = new XElement("testsuites", new XAttribute("name", "perflint bench"));
        foreach (var b in results.Benchmarks)
        {
            var cases = new List<XElement>();
            var run = new XElement("testcase", new XAttribute("classname", b.DisplayName), new XAttribute("name", "run"));
            if (b.Error != null)
                run.Add(new XElement(b.InfrastructureError ? "error" : "failure", new XAttribute("message", b.Error), b.ContainerLogTail ?? ""));
            cases.Add(run);
            foreach (var budget in b.Budgets)
            {
                var tc = new XElement("testcase", new XAttribute("classname", b.DisplayName), new XAttribute("name", budget.Name),
                    new XAttribute("file", budget.SpecFile), new XAttribute("line", budget.Line));
                if (budget.Skipped) tc.Add(new XElement("skipped", new XAttribute("message", budget.Message)));
                else if (!budget.Passed && budget.Level != "warn")
                    tc.Add(new XElement("failure", new XAttribute("message", budget.Message), new XAttribute("type", budget.Code)));
                else tc.Add(new XElement("system-out", budget.Message));
                cases.Add(tc);
            }
            suites.Add(new XElement("testsuite",
                new XAttribute("name", b.DisplayName),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", cases.Count(c => c.Element("failure") != null)),
                new XAttribute("errors", cases.Count(c => c.Element("error") != null)),
                new XAttribute("skipped", cases.Count(c => c.Element("skipped") != null)),
                cases));
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites).ToString();
    }
}
