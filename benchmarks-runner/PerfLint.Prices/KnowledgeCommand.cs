using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Offerings;
using PerfLint.Knowledge.Pricing;

namespace PerfLint.Prices;

/// <summary>
/// `perflint knowledge`: what the knowledge base holds (catalog dates, sources, counts per service, the price
/// snapshot, the model table, the embedded data files as Data/SOURCES.md describes them) and which user price file,
/// if any, is in force for a project. Exit 0, or 2 on bad usage.
/// </summary>
public static class KnowledgeCommand
{
    /// <summary>The action of <see cref="KnowledgeCommandDefinition"/>.</summary>
    public static int Run(string? project, string? prices, Func<string, string?> pricesFileSetting, TextWriter stdout, TextWriter stderr)
    {
        if (project != null && !Directory.Exists(project))
        {
            stderr.WriteLine($"perflint knowledge: {project}: --project directory not found");
            return PricesCommand.ExitBadInput;
        }

        Write(stdout, PriceFileLocator.Find(prices, project == null ? null : pricesFileSetting(project), project));
        return PricesCommand.ExitOk;
    }

    internal static void Write(TextWriter w, PriceFileLocator.Located? userFile)
    {
        var ec2 = InstanceCatalog.Ec2Types.ToList();
        var ml = InstanceCatalog.SageMakerTypes.ToList();
        w.WriteLine("PerfLint knowledge base");
        w.WriteLine($"  catalog gathered {InstanceCatalog.DataDate}: {InstanceCatalog.DataSource}");
        w.WriteLine($"  EC2 instance types: {ec2.Count} ({ec2.Count(t => t.OnDemandUsdPerHour.HasValue)} with a us-east-1 price)");
        w.WriteLine($"  SageMaker ml.* types: {ml.Count} (hosting, processing, transform, HyperPod); prices: the EC2 price of the same hardware, a floor (no public SageMaker price table)");
        w.WriteLine("  RDS db.*, ElastiCache cache.*, OpenSearch *.search: the EC2 hardware of the same family and size; prices: the EC2 price, a floor");
        w.WriteLine($"  price snapshot: {PriceBook.EmbeddedRegion} On-Demand Linux, {InstanceCatalog.PriceDate} ({PriceBook.EmbeddedSource})");
        w.WriteLine($"  offerings per service ({ServiceOfferings.Source}, {Regions.Count} regions):");
        foreach (var service in ServiceOfferings.Counts().GroupBy(c => c.Service))
        {
            var parts = service.Select(c => service.Count() == 1 ? c.Types + " types" : c.EngineOrUse + " " + c.Types);
            w.WriteLine($"    {new InstanceUse(service.Key).ServiceName}: {string.Join(", ", parts)}");
        }

        w.WriteLine($"  model table: {EmbeddedData.Rows("model-parameters.csv")} models by exact hub id (Data/model-parameters.csv), {EmbeddedData.Rows("model-families.csv")} single-size families (Data/model-families.csv)");
        w.WriteLine($"  data files ({EmbeddedData.SourcesGathered()}):");
        foreach (var (file, what, source) in EmbeddedData.Files())
        {
            var rows = file.EndsWith(".csv", StringComparison.Ordinal) ? $", {EmbeddedData.Rows(file)} rows" : string.Empty;
            w.WriteLine($"    {file}{rows}: {what}; source: {source}");
        }

        if (userFile == null)
        {
            w.WriteLine("  user price file: none (the embedded snapshot is in force)");
        }
        else if (userFile.Book is { } book)
        {
            var perService = book.Entries.GroupBy(e => e.Service).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
            w.WriteLine($"  user price file: {userFile.Path} (imported {book.Imported}; {book.Count} prices in force: {string.Join(", ", perService)})");
        }
        else
        {
            w.WriteLine($"  user price file: {userFile.Path}: {userFile.Problem}; the embedded snapshot is in force");
        }
    }
}
