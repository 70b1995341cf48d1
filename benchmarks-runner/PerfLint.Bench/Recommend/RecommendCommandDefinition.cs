using System.CommandLine;
using PerfLint.Knowledge.Capacity;
using PerfLint.Knowledge.Pricing;

namespace PerfLint.Bench.Recommend;

/// <summary>The `perflint recommend` command: its arguments and options (the help is generated from them) and its action.</summary>
public static class RecommendCommandDefinition
{
    public static Command Create()
    {
        var results = new Argument<string[]>("results.json") { Description = "results of `perflint bench` for one model on several instance types", Arity = ArgumentArity.OneOrMore };
        var p99 = new Option<double?>("--p99-ms") { Description = "latency budget: p99 at most N ms (default: the benchmarks' p99Ms budget)", HelpName = "N" };
        var p50 = new Option<double?>("--p50-ms") { Description = "latency budget: p50 at most N ms instead", HelpName = "N" };
        var headroom = new Option<double>("--headroom")
        {
            Description = "target value = sustainable invocations per instance per minute × this",
            HelpName = "FRACTION",
            DefaultValueFactory = _ => 0.5,
        };
        var region = new Option<string?>("--region") { Description = "the region whose prices to quote (default: us-east-1)", HelpName = "R" };
        var prices = new Option<string?>("--prices") { Description = $"quote prices from this user price file (default: {PriceFile.DefaultFileName} in the current directory)", HelpName = "FILE" };
        var format = new Option<string>("--format", "-f") { Description = "the report format", HelpName = "text|markdown|json", DefaultValueFactory = _ => "text" };
        headroom.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is <= 0 or > 1) r.AddError("--headroom must be above 0 and at most 1");
        });
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var output = new Option<string?>("--output", "-o") { Description = "write the report to this file (default: stdout); markdown also writes FILE's name with .svg, the plot", HelpName = "FILE" };
        var write = new Option<string?>("--write") { Description = $"write each benchmark endpoint's measured capacity to this file ({CapacityFile.DefaultFileName}) for PL5002", HelpName = "FILE" };
        var command = new Command("recommend",
            "Rank instance types by cost per million inferences among those meeting a latency budget, and give the SageMaker " +
            "target-tracking value. Exit codes: 0 a recommendation, 1 none meets the budget, 2 bad input or usage.")
        {
            results, p99, p50, headroom, region, prices, format, output, write,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(p99) != null && r.GetValue(p50) != null) r.AddError("give --p99-ms or --p50-ms, not both");
            if (r.GetValue(p99) is <= 0 || r.GetValue(p50) is <= 0) r.AddError("the latency budget must be above 0 ms");
        });
        command.SetAction(parse => RecommendCommand.Run(new RecommendArguments(
                parse.GetRequiredValue(results), parse.GetValue(p99), parse.GetValue(p50), parse.GetValue(headroom), parse.GetValue(region),
                parse.GetValue(prices), parse.GetRequiredValue(format), parse.GetValue(output), parse.GetValue(write)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }
}

public sealed record RecommendArguments(IReadOnlyList<string> Results, double? P99Ms, double? P50Ms, double Headroom, string? Region,
    string? Prices, string Format, string? Output, string? Write);
