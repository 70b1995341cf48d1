using System.Globalization;

namespace PerfLint.Prices;

/// <summary>Bad input or usage of `perflint prices` / `perflint knowledge`: the command exits 2 with this message.</summary>
public sealed class PricesInputException(string message) : Exception(message)
{
    /// <summary>A <c>--date</c> value: returned when it is YYYY-MM-DD, else this exception.</summary>
    public static string CheckDate(string date) =>
        DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? date
            : throw new PricesInputException($"--date '{date}' is not YYYY-MM-DD");
}
