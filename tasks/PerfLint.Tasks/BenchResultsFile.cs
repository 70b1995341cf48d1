using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PerfLint.Tasks
{
    /// <summary>
    /// The parts of the runner's results.json the MSBuild task reports (schema: docs/schemas/bench-results.schema.json),
    /// read with System.Text.Json: compiled against its netstandard2.0 reference, loaded from the MSBuild that runs the
    /// task (MSBuild on .NET has it in the runtime; Visual Studio's MSBuild ships it).
    /// </summary>
    internal sealed class BenchResultsFile
    {
        public List<BenchBenchmark> Benchmarks { get; } = new List<BenchBenchmark>();

        public static BenchResultsFile Read(string path)
        {
            using (var document = JsonDocument.Parse(File.ReadAllBytes(path)))
            {
                var file = new BenchResultsFile();
                foreach (var b in Array(document.RootElement, "benchmarks"))
                {
                    var benchmark = new BenchBenchmark
                    {
                        // A variant's result is named "name (variant)" in the build log, as in the runner's reports.
                        Name = (Str(b, "name") ?? "?") + (Str(b, "variant") is string variant ? " (" + variant + ")" : ""),
                        Passed = Bool(b, "passed"),
                        Valid = Bool(b, "valid"),
                        Error = Str(b, "error"),
                        CostNote = Str(b, "costNote"),
                        JudgementNote = Str(b, "judgementNote"),
                    };
                    foreach (var s in Array(b, "steps"))
                    {
                        benchmark.Steps.Add(new BenchStep
                        {
                            Concurrency = Num(s, "concurrency"),
                            RatePerSecond = Num(s, "ratePerSecond"),
                            P99Ms = Num(s, "p99Ms"),
                            ThroughputPerSecond = Num(s, "throughputPerSecond") ?? 0,
                            CostPerMillionUsd = Num(s, "costPerMillionUsd"),
                        });
                    }

                    foreach (var x in Array(b, "budgets"))
                    {
                        benchmark.Budgets.Add(new BenchBudget
                        {
                            Name = Str(x, "name") ?? "",
                            Code = Str(x, "code") ?? "PLB0000",
                            Level = Str(x, "level") ?? "error",
                            Passed = Bool(x, "passed"),
                            Skipped = Bool(x, "skipped"),
                            Message = Str(x, "message") ?? "",
                            SpecFile = Str(x, "specFile") ?? "",
                            Line = (int)(Num(x, "line") ?? 0),
                            Column = (int)(Num(x, "column") ?? 0),
                        });
                    }

                    file.Benchmarks.Add(benchmark);
                }

                return file;
            }
        }

        private static IEnumerable<JsonElement> Array(JsonElement o, string key) =>
            o.ValueKind == JsonValueKind.Object && o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array
                ? v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
                : Enumerable.Empty<JsonElement>();

        private static string? Str(JsonElement o, string key) =>
            o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static bool Bool(JsonElement o, string key) =>
            o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.True;

        private static double? Num(JsonElement o, string key) =>
            o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : (double?)null;
    }

    internal sealed class BenchBenchmark
    {
        public string Name { get; set; } = "";
        public bool Passed { get; set; }
        public bool Valid { get; set; }
        public string? Error { get; set; }
        public string? CostNote { get; set; }
        public string? JudgementNote { get; set; }
        public List<BenchStep> Steps { get; } = new List<BenchStep>();
        public List<BenchBudget> Budgets { get; } = new List<BenchBudget>();

        /// <summary>One line for the build log: verdict, best throughput and its p99 and cost.</summary>
        public string Summary()
        {
            var verdict = !Valid ? "INVALID" : Passed ? "PASS" : "FAIL";
            var best = Steps.OrderByDescending(s => s.ThroughputPerSecond).FirstOrDefault();
            var text = "perflint bench: " + Name + ": " + verdict;
            if (best != null)
            {
                text += string.Format(CultureInfo.InvariantCulture, ", best {0:0.#} req/s at {1}", best.ThroughputPerSecond, best.Label);
                if (best.P99Ms.HasValue) text += string.Format(CultureInfo.InvariantCulture, ", p99 {0:0.##} ms", best.P99Ms.Value);
                if (best.CostPerMillionUsd.HasValue) text += string.Format(CultureInfo.InvariantCulture, ", ${0:0.###} per million", best.CostPerMillionUsd.Value);
            }
            var missed = Budgets.Count(b => !b.Passed && b.Level != "warn");
            if (missed > 0) text += ", " + missed + " budget(s) missed";
            if (Error != null) text += "; " + Error;
            return text;
        }
    }

    internal sealed class BenchStep
    {
        public double? Concurrency { get; set; }
        public double? RatePerSecond { get; set; }
        public double? P99Ms { get; set; }
        public double ThroughputPerSecond { get; set; }
        public double? CostPerMillionUsd { get; set; }

        public string Label => Concurrency.HasValue
            ? "concurrency " + Concurrency.Value.ToString(CultureInfo.InvariantCulture)
            : (RatePerSecond ?? 0).ToString("0.###", CultureInfo.InvariantCulture) + " req/s";
    }

    internal sealed class BenchBudget
    {
        public string Name { get; set; } = "";
        public string Code { get; set; } = "";
        public string Level { get; set; } = "error";
        public bool Passed { get; set; }
        public bool Skipped { get; set; }
        public string Message { get; set; } = "";
        public string SpecFile { get; set; } = "";
        public int Line { get; set; }
        public int Column { get; set; }
    }
}
