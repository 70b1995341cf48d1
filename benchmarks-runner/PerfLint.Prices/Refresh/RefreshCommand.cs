using System.Globalization;
using PerfLint.Knowledge.Offerings;
using PerfLint.Knowledge.Pricing;

namespace PerfLint.Prices.Refresh;

/// <summary>What `perflint prices refresh` was asked for; empty lists mean the defaults (all services, us-east-1).</summary>
public sealed record RefreshArguments(IReadOnlyList<string> Services, IReadOnlyList<string> Regions, string Output, string? Date, string ApiRegion);

/// <summary>
/// `perflint prices refresh`: asks the AWS Price List Query API (GetProducts, SigV4-signed with the standard
/// credential chain) for the On-Demand prices of the chosen services and regions, and writes the same user price file
/// as `perflint prices import`, with the date and the query. Nothing is written unless every page was read: the new
/// file is written beside the old one and renamed over it. Exit 0 (written), 2 (usage, credentials, network or API error).
/// </summary>
public static class RefreshCommand
{
    public const string Generator = "perflint prices refresh";

    /// <summary>The action of `prices refresh` (<see cref="PricesCommandDefinition"/>); <paramref name="ct"/> stops it, leaving the file as it was.</summary>
    public static async Task<int> RunAsync(RefreshArguments arguments, TextWriter stdout, TextWriter stderr, RefreshSettings settings, CancellationToken ct)
    {
        try
        {
            return await RefreshAsync(arguments, stdout, settings, ct);
        }
        catch (Exception e) when (e is PricesInputException or PriceListApiException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("perflint prices refresh: " + e.Message);
            return PricesCommand.ExitBadInput;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            stderr.WriteLine($"perflint prices refresh: cancelled; {arguments.Output} was left as it was");
            return PricesCommand.ExitBadInput;
        }
    }

    private static async Task<int> RefreshAsync(RefreshArguments arguments, TextWriter stdout, RefreshSettings settings, CancellationToken ct)
    {
        var services = arguments.Services.Distinct().ToList();
        var regions = arguments.Regions.Distinct().ToList();
        var output = arguments.Output;
        var date = arguments.Date is { } given ? PricesInputException.CheckDate(given) : settings.UtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (services.FirstOrDefault(s => !PriceQuery.Services.Contains(s, StringComparer.Ordinal)) is { } service)
        {
            throw new PricesInputException($"--service '{service}' is not one of {string.Join(", ", PriceQuery.Services)}");
        }

        if (regions.FirstOrDefault(r => !Regions.IsKnown(r)) is { } region)
        {
            throw new PricesInputException($"--region '{region}' is not a region PerfLint knows ({Regions.Count} regions, Data/regions.csv)");
        }

        if (services.Count == 0)
        {
            services.AddRange(PriceQuery.Services);
        }

        if (regions.Count == 0)
        {
            regions.Add("us-east-1");
        }

        var endpoint = PricingEndpoint.Resolve(arguments.ApiRegion, settings.Environment);
        var requests = PriceQuery.Build(services, regions);
        var credentials = await settings.Credentials(ct);

        using var http = new HttpClient { Timeout = settings.Timeout };
        var client = new PriceListClient(http, endpoint, credentials, settings.Retry, settings.UtcNow);
        var merge = new PriceMerge();
        var pages = 0;
        foreach (var request in requests)
        {
            var source = $"GetProducts {request.ServiceCode} {request.Region}";
            foreach (var page in await client.GetAllPagesAsync(request, ct))
            {
                merge.Add(GetProductsReader.Read(page, source));
                pages++;
            }
        }

        if (merge.Prices.Count == 0)
        {
            throw new PriceListApiException($"the Price List API returned no instance prices PerfLint keeps ({pages} page(s)); {output} was left as it was");
        }

        WriteReplacing(output, file => PriceFileWriter.Write(file, date, merge.Prices, Generator, new RefreshQuery(services, regions, requests)));
        stdout.WriteLine(
            $"perflint prices: {merge.Summary()} from {requests.Count} GetProducts quer{(requests.Count == 1 ? "y" : "ies")} ({pages} page(s)) " +
            $"at {endpoint.Url.Host}, refreshed {date}, written to {output}");
        merge.WriteDetails(stdout);
        return PricesCommand.ExitOk;
    }

    // A reader of the old file never sees half a new one, and a failure leaves the old file as it was.
    private static void WriteReplacing(string output, Action<Stream> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(output))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(output)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = File.Create(temporary))
            {
                write(file);
            }

            File.Move(temporary, output, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
