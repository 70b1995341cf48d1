namespace PerfLint.Prices.Refresh;

/// <summary>One GetProducts filter: the Price List API's <c>TERM_MATCH</c> (the attribute equals the value).</summary>
public sealed record TermMatch(string Field, string Value);

/// <summary>One GetProducts query: a service code and its filters (all pages of it are read).</summary>
public sealed record ServiceQuery(string ServiceCode, string Region, IReadOnlyList<TermMatch> Filters);

/// <summary>
/// What `perflint prices refresh` asks the Price List API for, per service and region: the filters narrow each
/// query to the instance-hour products <see cref="GetProductsReader"/> keeps, so fewer pages are read. The reader
/// still applies its own rules to every product returned.
/// </summary>
public static class PriceQuery
{
    public static readonly IReadOnlyList<string> Services = new[] { "AmazonSageMaker", "AmazonRDS", "AmazonElastiCache", "AmazonES", "AmazonEC2" };

    /// <summary>
    /// RDS engines asked for by default: the engines without license editions (one query each, since TERM_MATCH takes one
    /// value). Oracle and SQL Server are left out: their editions differ several-fold in price, and a quote names the
    /// engine but not the edition.
    /// </summary>
    public static readonly IReadOnlyList<string> RdsEngines = new[] { "PostgreSQL", "MySQL", "MariaDB", "Aurora PostgreSQL", "Aurora MySQL" };

    /// <summary>The filters of a service's queries, without the per-region <c>regionCode</c> filter every query also has.</summary>
    public static IReadOnlyList<IReadOnlyList<TermMatch>> FiltersOf(string service) => service switch
    {
        "AmazonSageMaker" => new[] { new[] { new TermMatch("component", "Hosting") } },
        // Quotes use the Single-AZ row; Multi-AZ rows would only be read and set aside.
        "AmazonRDS" => RdsEngines.Select(engine => (IReadOnlyList<TermMatch>)new[]
        {
            new TermMatch("productFamily", "Database Instance"), new TermMatch("deploymentOption", "Single-AZ"), new TermMatch("databaseEngine", engine),
        }).ToArray(),
        "AmazonElastiCache" => new[] { new[] { new TermMatch("productFamily", "Cache Instance") } },
        // OpenSearch instance products are told apart by a usagetype that carries the region prefix and the instance
        // type ("ESInstance:r6g.large"); TERM_MATCH is an exact match, so it cannot select them all. The region's
        // products are read and the reader keeps the instance hours.
        "AmazonES" => new[] { Array.Empty<TermMatch>() },
        "AmazonEC2" => new[]
        {
            new[]
            {
                new TermMatch("operatingSystem", "Linux"), new TermMatch("tenancy", "Shared"), new TermMatch("preInstalledSw", "NA"),
                new TermMatch("capacitystatus", "Used"),
            },
        },
        _ => throw new PricesInputException($"--service '{service}' is not one of {string.Join(", ", Services)}"),
    };

    /// <summary>Every query for these services and regions, in a stable order.</summary>
    public static IReadOnlyList<ServiceQuery> Build(IEnumerable<string> services, IEnumerable<string> regions) =>
        (from service in services
         from region in regions
         from filters in FiltersOf(service)
         select new ServiceQuery(service, region, new[] { new TermMatch("regionCode", region) }.Concat(filters).ToArray())).ToList();
}
