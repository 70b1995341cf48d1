namespace PerfLint.Prices.Refresh;

/// <summary>
/// The Price List API could not be used: no credentials, credentials AWS rejects, no network, an error answer, or
/// throttling that outlasted the retries. `perflint prices refresh` exits 2 with this message and leaves the price
/// file as it was. Messages never carry the secret key or session token.
/// </summary>
public sealed class PriceListApiException(string message) : Exception(message);
