using System.Globalization;
using PerfLint.Knowledge.Offerings;
using PerfLint.Knowledge.Pricing;

namespace PerfLint.Prices.Refresh;

/// <summary>
/// `perflint prices refresh`: asks the AWS Price List Query API (GetProducts, SigV4-signed with the standard
/// credential chain) for the On-Demand prices of the chosen services and regions, and writes the same user price file
/// as `perflint prices import`, with the date and the query. Nothing is written unless every page was read: the new
/// file is written beside the old one and renamed over it. Exit 0 (written), 2 (usage, credentials, network or API error).
/// </summary>
public static class RefreshCommand
{
    public const string Generator = "perflint prices refresh";

    public const string Usage =
        "usage: perflint prices refresh [--service AmazonSageMaker|AmazonRDS|AmazonElastiCache|AmazonES|AmazonEC2]... [--region R]...\n" +
        "                               [--output FILE] [--date YYYY-MM-DD] [--api-region us-east-1|ap-south-1]\n" +
        "  --service CODE       a Price List service code (repeatable; default: all five)\n" +
        "  --region R           a region whose prices to fetch (repeatable; default: us-east-1)\n" +
        "  --output FILE        the user price file to write (default: " + PriceFile.DefaultFileName + ")\n" +
        "  --date YYYY-MM-DD    the date quotes will carry (default: today, UTC)\n" +
        "  --api-region R       the Price List API endpoint's region (default: us-east-1)\n" +
        "  credentials: the AWS SDK's default chain; endpoint override: AWS_ENDPOINT_URL_PRICING, then AWS_ENDPOINT_URL\n" +
        "exit codes: 0 written, 2 bad usage, no or rejected credentials, no network, or an API error (the file is left as it was)";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, RefreshSettings settings)
    {
        try
        {
            return await RefreshAsync(args, stdout, settings);
        }
        catch (Exception e) when (e is PricesInputException or PriceListApiException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("perflint prices refresh: " + e.Message);
            return PricesCommand.ExitBadInput;
        }
    }

    private static async Task<int> RefreshAsync(string[] args, TextWriter stdout, RefreshSettings settings)
    {
        var services = new List<string>();
        var regions = new List<string>();
        var output = PriceFile.DefaultFileName;
        var date = settings.UtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var apiRegion = PricingEndpoint.ApiRegions[0];
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new PricesInputException($"{arg} needs a value\n{Usage}");
            switch (arg)
            {
                case "--service":
                    var service = Value();
                    if (!PriceQuery.Services.Contains(service, StringComparer.Ordinal))
                    {
                        throw new PricesInputException($"--service '{service}' is not one of {string.Join(", ", PriceQuery.Services)}");
                    }

                    if (!services.Contains(service))
                    {
                        services.Add(service);
                    }

                    break;
                case "--region":
                    var region = Value();
                    if (!Regions.IsKnown(region))
                    {
                        throw new PricesInputException($"--region '{region}' is not a region PerfLint knows ({Regions.Count} regions, Data/regions.csv)");
                    }

                    if (!regions.Contains(region))
                    {
                        regions.Add(region);
                    }

                    break;
                case "--output":
                case "-o":
                    output = Value();
                    break;
                case "--date":
                    date = PricesInputException.CheckDate(Value());
                    break;
                case "--api-region":
                    apiRegion = Value();
                    break;
                default:
                    throw new PricesInputException($"unexpected argument '{arg}'\n{Usage}");
            }
        }

        if (services.Count == 0)
        {
            services.AddRange(PriceQuery.Services);
        }

        if (regions.Count == 0)
        {
            regions.Add("us-east-1");
        }

        var endpoint = PricingEndpoint.Resolve(apiRegion, settings.Environment);
        var requests = PriceQuery.Build(services, regions);
        var credentials = await settings.Credentials(CancellationToken.None);

        using var http = new HttpClient { Timeout = settings.Timeout };
        var client = new PriceListClient(http, endpoint, credentials, settings.Retry, settings.UtcNow);
        var merge = new PriceMerge();
        var pages = 0;
        foreach (var request in requests)
        {
            var source = $"GetProducts {request.ServiceCode} {request.Region}";
            foreach (var page in await client.GetAllPagesAsync(request, CancellationToken.None))
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
