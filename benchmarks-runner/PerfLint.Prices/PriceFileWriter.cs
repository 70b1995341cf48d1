using System.Text.Json;
using PerfLint.Knowledge.Pricing;

namespace PerfLint.Prices;

/// <summary>Writes the user price file (docs/schemas/prices.schema.json) that both front ends read.</summary>
public static class PriceFileWriter
{
    public const string SchemaId = "https://github.com/perflint/perflint/blob/main/docs/schemas/prices.schema.json";

    /// <summary>Rows sorted by service, type, region, use, engine and deployment, so a re-import diffs cleanly.</summary>
    public static void Write(Stream stream, string imported, IEnumerable<ImportedPrice> prices)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("$schema", SchemaId);
        w.WriteNumber("formatVersion", PriceFile.CurrentFormatVersion);
        w.WriteString("imported", imported);
        w.WriteString("generator", "perflint prices import");
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

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value != null)
        {
            w.WriteString(name, value);
        }
    }
}
