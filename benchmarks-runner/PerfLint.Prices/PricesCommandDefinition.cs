using System.CommandLine;
using PerfLint.Knowledge.Pricing;
using PerfLint.Prices.Refresh;

namespace PerfLint.Prices;

/// <summary>
/// The `perflint prices` command and its subcommands `import` (<see cref="PricesCommand"/>) and `refresh`
/// (<see cref="RefreshCommand"/>): their arguments and options (the help is generated from them) and their actions.
/// </summary>
public static class PricesCommandDefinition
{
    /// <param name="refresh">What `refresh` asks the Price List API with; null: <see cref="RefreshSettings.Default"/>, made
    /// only when `refresh` runs (it loads the AWS SDK).</param>
    public static Command Create(RefreshSettings? refresh) => new("prices", "Write the user price file both front ends prefer to the embedded snapshot.")
    {
        Import(),
        Refresh(refresh),
    };

    private static Command Import()
    {
        var inputs = new Argument<string[]>("getproducts.json")
        {
            Description = "output of `aws pricing get-products --service-code AmazonSageMaker|AmazonRDS|AmazonElastiCache|AmazonES|AmazonEC2 ...`",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = Output();
        var date = Date("the import date quotes will carry (default: today, UTC)");
        var command = new Command("import",
            "Keep the hourly On-Demand prices of the instance types PerfLint names from AWS Price List GetProducts outputs. " +
            "Exit codes: 0 written, 2 bad input or usage.")
        {
            inputs, output, date,
        };
        command.SetAction(parse => PricesCommand.Import(
            parse.GetRequiredValue(inputs), parse.GetRequiredValue(output), parse.GetValue(date),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static Command Refresh(RefreshSettings? settings)
    {
        var services = new Option<string[]>("--service")
        {
            Description = $"a Price List service code (repeatable; default: all five: {string.Join(", ", PriceQuery.Services)})",
            HelpName = "CODE",
        };
        var regions = new Option<string[]>("--region") { Description = "a region whose prices to fetch (repeatable; default: us-east-1)", HelpName = "R" };
        var output = Output();
        var date = Date("the date quotes will carry (default: today, UTC)");
        var apiRegion = new Option<string>("--api-region")
        {
            Description = "the Price List API endpoint's region (us-east-1 or ap-south-1)",
            HelpName = "R",
            DefaultValueFactory = _ => PricingEndpoint.ApiRegions[0],
        };
        var command = new Command("refresh",
            "Fetch the same prices from the AWS Price List Query API (SigV4, the AWS SDK's default credential chain; " +
            "endpoint override: AWS_ENDPOINT_URL_PRICING, then AWS_ENDPOINT_URL). Exit codes: 0 written, 2 bad usage, " +
            "no or rejected credentials, no network, or an API error (the file is left as it was).")
        {
            services, regions, output, date, apiRegion,
        };
        command.SetAction((parse, ct) => RefreshCommand.RunAsync(
            new RefreshArguments(parse.GetValue(services) ?? [], parse.GetValue(regions) ?? [], parse.GetRequiredValue(output),
                parse.GetValue(date), parse.GetRequiredValue(apiRegion)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, settings ?? RefreshSettings.Default, ct));
        return command;
    }

    private static Option<string> Output() => new("--output", "-o")
    {
        Description = "the user price file to write",
        HelpName = "FILE",
        DefaultValueFactory = _ => PriceFile.DefaultFileName,
    };

    private static Option<string?> Date(string description) => new("--date") { Description = description, HelpName = "YYYY-MM-DD" };
}
