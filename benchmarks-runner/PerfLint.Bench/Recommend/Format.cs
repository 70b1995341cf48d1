using System.Globalization;

namespace PerfLint.Bench.Recommend;

/// <summary>Numbers as the recommend reports print them (invariant culture, no trailing zeros).</summary>
internal static class Format
{
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Usd(double value) => "$" + value.ToString("0.####", CultureInfo.InvariantCulture);
}
