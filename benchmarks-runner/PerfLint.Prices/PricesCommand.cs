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

    /// <summary>The action of `prices import` (<see cref="PricesCommandDefinition"/>): merge the inputs, write the file.</summary>
    public static int Import(IReadOnlyList<string> inputs, string output, string? date, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            date = date is null ? DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : PricesInputException.CheckDate(date);
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
        catch (Exception e) when (e is PricesInputException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("perflint prices: " + e.Message);
            return ExitBadInput;
        }
    }
}
