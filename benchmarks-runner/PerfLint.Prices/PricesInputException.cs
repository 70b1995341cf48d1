namespace PerfLint.Prices;

/// <summary>Bad input or usage of `perflint prices` / `perflint knowledge`: the command exits 2 with this message.</summary>
public sealed class PricesInputException(string message) : Exception(message);
