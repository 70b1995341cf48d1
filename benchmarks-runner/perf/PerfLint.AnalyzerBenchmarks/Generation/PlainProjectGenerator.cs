namespace PerfLint.AnalyzerBenchmarks.Generation;

/// <summary>
/// Writes ordinary C# of about the same size and shape as the CDK project (services with configuration objects,
/// dictionaries, strings that even look like instance types) and no CDK reference: PerfLint must cost nothing here.
/// </summary>
public static class PlainProjectGenerator
{
    public static GeneratedProject Generate(int files)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var services = Math.Max(files - 1, 1);
        for (var i = 0; i < services; i++)
        {
            sources[$"Services/Group{i / 50:00}/Service{i:0000}.cs"] = Service(i);
        }

        sources["Program.cs"] = $$"""
            using System;

            namespace Generated
            {
                public static class Program
                {
                    public static void Main()
                    {
                        var total = 0;
                        total += new Generated.Services.Service0000().Plan().Count;
                        Console.WriteLine(total);
                    }
                }
            }
            """;
        return new GeneratedProject(ProjectKind.Plain, sources);
    }

    private static string Service(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Generated.Services
        {
            /// <summary>Capacity plan of service {{i}}.</summary>
            public sealed class Service{{i:0000}}
            {
                private const string InstanceType = "{{(i % 8 == 3 ? "m4.xlarge" : "m7g.large")}}";
                private const string VolumeType = "{{(i % 16 == 5 ? "gp2" : "gp3")}}";

                public sealed record Settings(string Name, string InstanceType, string VolumeType, int MinCapacity, int MaxCapacity, double TargetValue);

                public IReadOnlyList<Settings> Plan()
                {
                    var environments = new Dictionary<string, int> { ["dev"] = 1, ["staging"] = 2, ["prod"] = {{3 + i % 7}} };
                    return environments
                        .Select(e => new Settings($"service-{{i}}-{e.Key}", InstanceType, VolumeType, e.Value, e.Value * 2, {{(i % 8 == 3 ? 70 : 100 + i % 300)}}))
                        .Where(s => s.MaxCapacity >= s.MinCapacity)
                        .OrderBy(s => s.Name, StringComparer.Ordinal)
                        .ToList();
                }

                public double MonthlyCost(IEnumerable<Settings> plan, Func<string, double> pricePerHour)
                {
                    var cost = 0.0;
                    foreach (var settings in plan)
                    {
                        cost += pricePerHour(settings.InstanceType) * settings.MinCapacity * 730;
                        cost += settings.VolumeType == "gp2" ? 10.0 : 8.0;
                    }

                    return Math.Round(cost, 2);
                }

                public string Describe() => string.Join(", ", Plan().Select(s => $"{s.Name}: {s.InstanceType} x {s.MinCapacity}-{s.MaxCapacity}"));
            }
        }
        """;
}
