namespace PerfLint.Prices.Refresh;

/// <summary>What a refresh asked for, recorded in the price file beside the prices (the file's <c>query</c>).</summary>
public sealed record RefreshQuery(IReadOnlyList<string> Services, IReadOnlyList<string> Regions, IReadOnlyList<ServiceQuery> Requests);
