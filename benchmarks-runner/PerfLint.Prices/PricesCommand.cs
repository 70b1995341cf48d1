using System.Globalization;
using PerfLint.Knowledge.Pricing;
using PerfLint.Prices.Refresh;

namespace PerfLint.Prices;

/// <summary>
/// `perflint prices import`: reads one or more AWS Price List GetProducts outputs, keeps the hourly On-Demand prices of
/// instance types PerfLint names, merges them (the latest effective date wins) and writes the user price file that
/// both front ends prefer to the embedded snapshot. Exit 0 (written), 2 (bad input or usage). `perflint prices refresh`
/// (<see cref="RefreshCommand"/>) fetches the same results from the Price List API itself.
/// </summary>
public static class PricesCommand
{
    public const int ExitOk = 0;
    public const int ExitBadInput = 2;

    public const string Usage =
        "usage: perflint prices import <getproducts.json>... [--output FILE] [--date YYYY-MM-DD]\n" +
        "  <getproducts.json>   output of `aws pricing get-products --service-code AmazonSageMaker|AmazonRDS|AmazonElastiCache|AmazonES|AmazonEC2 ...`\n" +
        "  --output FILE        the user price file to write (default: " + PriceFile.DefaultFileName + ")\n" +
        "  --date YYYY-MM-DD    the import date quotes will carry (default: today, UTC)\n" +
        "exit codes: 0 written, 2 bad input or usage\n" +
        RefreshCommand.Usage;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            if (args.Length > 0 && args[0] is "-h" or "--help")
            {
                stdout.WriteLine(Usage);
                return Task.FromResult(ExitOk);
            }

            if (args.Length > 0 && args[0] == "refresh")
            {
                return RefreshCommand.RunAsync(args[1..], stdout, stderr, RefreshSettings.Default);
            }

            if (args.Length == 0 || args[0] != "import")
            {
                throw new PricesInputException((args.Length == 0 ? "missing the subcommand" : $"unknown subcommand '{args[0]}'") + "\n" + Usage);
            }

            return Task.FromResult(Import(args[1..], stdout));
        }
        catch (PricesInputException e)
        {
            stderr.WriteLine("perflint prices: " + e.Message);
            return Task.FromResult(ExitBadInput);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("perflint prices: " + e.Message);
            return Task.FromResult(ExitBadInput);
        }
    }

    private static int Import(string[] args, TextWriter stdout)
    {
        var inputs = new List<string>();
        var output = PriceFile.DefaultFileName;
        var date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new PricesInputException($"{arg} needs a value\n{Usage}");
            switch (arg)
            {
                case "--output":
                case "-o":
                    output = Value();
                    break;
                case "--date":
                    date = PricesInputException.CheckDate(Value());
                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        throw new PricesInputException($"unexpected argument '{arg}'\n{Usage}");
                    }

                    inputs.Add(arg);
                    break;
            }
        }

        if (inputs.Count == 0)
        {
            throw new PricesInputException($"missing the GetProducts file(s)\n{Usage}");
        }

        var merge = new PriceMerge();
        foreach (var input in inputs)
        {
            if (!File.Exists(input))
            {
                throw new PricesInputException($"{input}: file not found");
            }

            merge.Add(GetProductsReader.Read(File.ReadAllText(input), Path.GetFileName(input)));
        }

        using (var file = File.Create(output))
        {
            PriceFileWriter.Write(file, date, merge.Prices);
        }

        stdout.WriteLine($"perflint prices: {merge.Summary()} from {inputs.Count} file(s), imported {date}, written to {output}");
        merge.WriteDetails(stdout);
        return ExitOk;
    }
}
