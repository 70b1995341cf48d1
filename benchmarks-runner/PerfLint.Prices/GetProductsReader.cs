using System.Globalization;
using System.Text.Json;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Prices;

/// <summary>
/// Reads what AWS Price List's GetProducts returns (<c>aws pricing get-products --service-code AmazonSageMaker ...</c>):
/// an object whose <c>PriceList</c> is an array of JSON strings, each one product with its On-Demand terms. Keeps the
/// hourly On-Demand price of instance products PerfLint can name: SageMaker hosting, RDS and ElastiCache instances,
/// OpenSearch instances, and EC2 Linux shared-tenancy instances without pre-installed software. Everything else is
/// counted as skipped, with the reason.
/// </summary>
public static class GetProductsReader
{
    public sealed class Result
    {
        public List<ImportedPrice> Prices { get; } = new();

        /// <summary>Skipped products by reason ("SageMaker component Training is not an endpoint price": 2).</summary>
        public SortedDictionary<string, int> Skipped { get; } = new(StringComparer.Ordinal);

        internal void Skip(string reason) => Skipped[reason] = Skipped.TryGetValue(reason, out var n) ? n + 1 : 1;
    }

    /// <summary>Reads one GetProducts output; throws <see cref="PricesInputException"/> when it is not one.</summary>
    public static Result Read(string json, string sourceName)
    {
        var result = new Result();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new PricesInputException($"{sourceName}: not JSON ({e.Message})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty("PriceList", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new PricesInputException($"{sourceName}: not a Price List GetProducts result (an object with a PriceList array)");
            }

            foreach (var item in list.EnumerateArray())
            {
                // The API and the CLI return each product as a JSON string; a product object is read the same way.
                if (item.ValueKind == JsonValueKind.String)
                {
                    try
                    {
                        using var product = JsonDocument.Parse(item.GetString()!);
                        ReadProduct(product.RootElement, sourceName, result);
                    }
                    catch (JsonException e)
                    {
                        throw new PricesInputException($"{sourceName}: a PriceList entry is not JSON ({e.Message})");
                    }
                }
                else if (item.ValueKind == JsonValueKind.Object)
                {
                    ReadProduct(item, sourceName, result);
                }
                else
                {
                    throw new PricesInputException($"{sourceName}: a PriceList entry is neither a JSON string nor an object");
                }
            }
        }

        return result;
    }

    private static void ReadProduct(JsonElement document, string source, Result result)
    {
        if (!document.TryGetProperty("product", out var product) || product.ValueKind != JsonValueKind.Object ||
            !product.TryGetProperty("attributes", out var attributes) || attributes.ValueKind != JsonValueKind.Object)
        {
            result.Skip("no product attributes");
            return;
        }

        var service = Text(document, "serviceCode") ?? Text(attributes, "servicecode");
        var region = Text(attributes, "regionCode");
        if (region == null)
        {
            result.Skip("no regionCode");
            return;
        }

        string? type, use = null, engine = null, deployment = null;
        switch (service)
        {
            case "AmazonSageMaker":
                use = Text(attributes, "component");
                if (use != "Hosting")
                {
                    result.Skip($"SageMaker component {use ?? "(none)"} is not an endpoint price");
                    return;
                }

                // Some hosting SKUs carry instanceType "ml.g5.xlarge-hosting"; instanceName is the plain type.
                type = Text(attributes, "instanceName") ?? Strip(Text(attributes, "instanceType"), "-hosting");
                break;
            case "AmazonRDS":
                type = Text(attributes, "instanceType");
                engine = Text(attributes, "databaseEngine");
                deployment = Text(attributes, "deploymentOption");
                break;
            case "AmazonElastiCache":
                type = Text(attributes, "instanceType");
                engine = Text(attributes, "cacheEngine");
                break;
            case "AmazonES":
                type = Text(attributes, "instanceType");
                break;
            case "AmazonEC2":
                type = Text(attributes, "instanceType");
                if (Text(attributes, "operatingSystem") != "Linux" || Text(attributes, "tenancy") != "Shared" ||
                    Text(attributes, "preInstalledSw") != "NA" || Text(attributes, "capacitystatus") != "Used")
                {
                    result.Skip("EC2 product is not Linux, shared tenancy, no pre-installed software, capacity status Used");
                    return;
                }

                break;
            default:
                result.Skip($"service {service ?? "(none)"} is not one PerfLint prices");
                return;
        }

        if (!InstanceTypeName.TryParse(type, out var name) || Knowledge.Pricing.PriceBook.ServiceCode(name.Service) != service)
        {
            result.Skip($"{service} product is not an instance type PerfLint names");
            return;
        }

        if (HourlyOnDemand(document) is not { } price)
        {
            result.Skip("no On-Demand hourly USD price");
            return;
        }

        result.Prices.Add(new ImportedPrice(service!, use, engine, deployment, name.ToString(), region, price.Usd, price.EffectiveDate, source));
    }

    /// <summary>The first On-Demand price dimension with unit <c>Hrs</c> and a positive USD price.</summary>
    private static (double Usd, string? EffectiveDate)? HourlyOnDemand(JsonElement document)
    {
        if (!document.TryGetProperty("terms", out var terms) || terms.ValueKind != JsonValueKind.Object ||
            !terms.TryGetProperty("OnDemand", out var onDemand) || onDemand.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var term in onDemand.EnumerateObject())
        {
            if (term.Value.ValueKind != JsonValueKind.Object || !term.Value.TryGetProperty("priceDimensions", out var dimensions) ||
                dimensions.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var dimension in dimensions.EnumerateObject())
            {
                if (dimension.Value.ValueKind == JsonValueKind.Object && Text(dimension.Value, "unit") == "Hrs" &&
                    dimension.Value.TryGetProperty("pricePerUnit", out var perUnit) && perUnit.ValueKind == JsonValueKind.Object &&
                    Text(perUnit, "USD") is { } usdText &&
                    double.TryParse(usdText, NumberStyles.Float, CultureInfo.InvariantCulture, out var usd) && usd > 0 && double.IsFinite(usd))
                {
                    return (usd, Day(Text(term.Value, "effectiveDate")));
                }
            }
        }

        return null;
    }

    // "2026-11-01T00:00:00Z" -> "2026-11-01".
    private static string? Day(string? timestamp) =>
        timestamp != null && DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;

    private static string? Strip(string? text, string suffix) =>
        text != null && text.EndsWith(suffix, StringComparison.Ordinal) ? text[..^suffix.Length] : text;
}
