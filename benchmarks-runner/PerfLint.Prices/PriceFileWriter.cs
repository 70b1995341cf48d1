using System.Text.Json;
using PerfLint.Knowledge.Pricing;
using PerfLint.Prices.Refresh;

namespace PerfLint.Prices;

/// <summary>Writes the user price file (docs/schemas/prices.schema.json) that both front ends read.</summary>
public static class PriceFileWriter
{
    public const string SchemaId = "https://github.com/perflint/perflint/blob/main/docs/schemas/prices.schema.json";

    /// <summary>
    /// Rows sorted by service, type, region, use, engine and deployment, so a re-import diffs cleanly. A refresh also
    /// records what it asked the Price List API (<paramref name="query"/>).
    /// </summary>
    public static void Write(Stream stream, string imported, IEnumerable<ImportedPrice> prices, string generator = "perflint prices import",
        RefreshQuery? query = null)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("$schema", SchemaId);
        w.WriteNumber("formatVersion", PriceFile.CurrentFormatVersion);
        w.WriteString("imported", imported);
        w.WriteString("generator", generator);
        if (query != null)
        {
            WriteQuery(w, query);
        }

        w.WriteStartArray("prices");
        foreach (var p in prices.OrderBy(p => p.Service, StringComparer.Ordinal).ThenBy(p => p.InstanceType, StringComparer.Ordinal)
                     .ThenBy(p => p.Region, StringComparer.Ordinal).ThenBy(p => p.Use, StringComparer.Ordinal)
                     .ThenBy(p => p.Engine, StringComparer.Ordinal).ThenBy(p => p.Deployment, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("service", p.Service);
            WriteOptional(w, "use", p.Use);
            WriteOptional(w, "engine", p.Engine);
            WriteOptional(w, "deployment", p.Deployment);
            w.WriteString("instanceType", p.InstanceType);
            w.WriteString("region", p.Region);
            w.WriteNumber("usdPerHour", p.UsdPerHour);
            WriteOptional(w, "effectiveDate", p.EffectiveDate);
            w.WriteString("source", p.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteQuery(Utf8JsonWriter w, RefreshQuery query)
    {
        w.WriteStartObject("query");
        w.WriteString("api", "AWS Price List Query API GetProducts, FormatVersion aws_v1");
        w.WriteStartArray("services");
        query.Services.ToList().ForEach(w.WriteStringValue);
        w.WriteEndArray();
        w.WriteStartArray("regions");
        query.Regions.ToList().ForEach(w.WriteStringValue);
        w.WriteEndArray();
        w.WriteStartArray("requests");
        foreach (var request in query.Requests)
        {
            w.WriteStartObject();
            w.WriteString("serviceCode", request.ServiceCode);
            w.WriteStartArray("filters");
            foreach (var filter in request.Filters)
            {
                w.WriteStartObject();
                w.WriteString("type", "TERM_MATCH");
                w.WriteString("field", filter.Field);
                w.WriteString("value", filter.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value != null)
        {
            w.WriteString(name, value);
        }
    }
}
