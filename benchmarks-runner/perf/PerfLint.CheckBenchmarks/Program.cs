using System.Globalization;
using System.Text.Json;
using PerfLint.CheckBenchmarks;

// Benchmark of `perflint check` (not a test): a generated cloud assembly of N stacks x M resources, timed with and
// without C# line mapping, against cdk-nag on the same templates (benchmarks-runner/perf/cdk-nag-compare). Optionally
// also both tools' findings on a synthesized sample app. Prints a Markdown report (docs/performance.md takes it).
//
// usage: dotnet run -c Release --project benchmarks-runner/perf/PerfLint.CheckBenchmarks -- [--stacks 50] [--resources-per-stack 200]
//        [--runs 5] [--sample-assembly DIR --sample-project DIR] [--report FILE] [--generate-only DIR] [--r2r-runner perflint.dll]
var options = Options.Parse(args);
var repo = FindRepositoryRoot();
var runner = Path.Combine(repo, "benchmarks-runner", "PerfLint.Runner", "bin", options.Configuration, "net10.0", "perflint.dll");
var nagDirectory = Path.Combine(repo, "benchmarks-runner", "cdk-nag-compare");
if (!File.Exists(runner))
{
    Console.Error.WriteLine($"perflint.dll not found at {runner}; build benchmarks-runner/PerfLint.Runner -c {options.Configuration} first");
    return 2;
}

if (options.GenerateOnly != null)
{
    var only = AssemblyGenerator.Generate(Directory.CreateDirectory(options.GenerateOnly).FullName, options.Stacks, options.ResourcesPerStack);
    Console.WriteLine($"{only.CloudAssembly}: {only.Stacks} stacks, {only.Resources} resources");
    return 0;
}

var work = Directory.CreateTempSubdirectory("perflint-check-bench-").FullName;
var report = new List<string>();
try
{
    var generated = AssemblyGenerator.Generate(work, options.Stacks, options.ResourcesPerStack);
    report.Add($"Generated app: {generated.Stacks} stacks, {generated.Resources:N0} resources, {generated.TemplateBytes / 1024.0 / 1024.0:0.0} MiB of templates, {generated.Stacks + 1} C# files.");
    report.Add($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; {options.Runs} measured runs after 1 warm-up, median time, max peak RSS.");
    report.Add(string.Empty);
    report.Add($"Load average before the runs: {LoadAverage()} (a shared machine: wall time grows with load, CPU time does not).");
    report.Add(string.Empty);
    report.Add("| Tool | Wall time (median) | CPU time user+sys (median) | Peak memory (RSS) | Findings |");
    report.Add("|---|---|---|---|---|");
    report.Add(Row("perflint check (JSON, C# line mapping)", Repeat(options.Runs, () => Perflint(runner, generated.CloudAssembly, "--project", generated.ProjectDirectory)), CountPerflint));
    // A project directory without sources: the same run minus the C# scan.
    var noSources = Directory.CreateDirectory(Path.Combine(work, "no-sources")).FullName;
    report.Add(Row("perflint check (JSON, templates only)", Repeat(options.Runs, () => Perflint(runner, generated.CloudAssembly, "--project", noSources)), CountPerflint));
    if (options.ReadyToRunRunner != null)
    {
        // The same code published with ReadyToRun: Roslyn's NuGet assemblies are IL only, and their JIT is most of the C# scan.
        report.Add(Row("perflint check, ReadyToRun publish (JSON, C# line mapping)", Repeat(options.Runs, () => Perflint(options.ReadyToRunRunner, generated.CloudAssembly, "--project", generated.ProjectDirectory)), CountPerflint));
    }

    if (Directory.Exists(Path.Combine(nagDirectory, "node_modules")))
    {
        report.Add(Row("cdk-nag AwsSolutionsChecks (CfnInclude of the same templates + synth)", Repeat(options.Runs, () => Nag(nagDirectory, generated.CloudAssembly, work)), CountNag));
        report.Add(Row("  baseline: CfnInclude + synth, no rules", Repeat(options.Runs, () => Nag(nagDirectory, generated.CloudAssembly, work, "--no-nag")), _ => 0));
    }
    else
    {
        report.Add("| cdk-nag | not run: `npm ci` in benchmarks-runner/perf/cdk-nag-compare first | | | |");
    }

    if (options.SampleAssembly != null)
    {
        report.Add(string.Empty);
        report.Add(SampleFindings(runner, nagDirectory, options.SampleAssembly, options.SampleProject, work));
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

var text = string.Join(Environment.NewLine, report);
Console.WriteLine(text);
if (options.Report != null)
{
    File.WriteAllText(options.Report, text + Environment.NewLine);
}

return 0;

static Measured.Run Perflint(string runner, string assembly, params string[] extra) =>
    Measured.Execute("dotnet", new[] { "exec", runner, "check", assembly, "--format", "json", "--fail-on", "never" }.Concat(extra).ToArray(), Path.GetDirectoryName(assembly)!);

static Measured.Run Nag(string nagDirectory, string assembly, string work, params string[] extra)
{
    var temp = Directory.CreateDirectory(Path.Combine(work, "nag-tmp-" + Guid.NewGuid().ToString("N")[..8])).FullName;
    var run = Measured.Execute("node", new[] { Path.Combine(nagDirectory, "nag-assembly.js"), assembly }.Concat(extra).ToArray(), nagDirectory, new Dictionary<string, string> { ["TMPDIR"] = temp });
    Directory.Delete(temp, recursive: true);
    return run;
}

static List<Measured.Run> Repeat(int runs, Func<Measured.Run> run)
{
    run();
    return Enumerable.Range(0, runs).Select(_ => run()).ToList();
}

static string Row(string name, List<Measured.Run> runs, Func<Measured.Run, int> count)
{
    var failed = runs.FirstOrDefault(r => r.ExitCode != 0);
    if (failed != null)
    {
        return $"| {name} | failed (exit {failed.ExitCode}): {failed.Stderr.Split('\n').FirstOrDefault()} | | | |";
    }

    var seconds = runs.Select(r => r.Seconds).OrderBy(s => s).ToList();
    var cpu = runs.Where(r => r.CpuSeconds.HasValue).Select(r => r.CpuSeconds!.Value).OrderBy(s => s).ToList();
    var cpuText = cpu.Count == 0 ? "n/a" : $"{cpu[cpu.Count / 2]:0.00} s";
    return $"| {name} | {seconds[seconds.Count / 2]:0.00} s (min {seconds[0]:0.00}, max {seconds[^1]:0.00}) | {cpuText} | {runs.Max(r => r.PeakMiB):0} MiB | {count(runs[0])} |";
}

static int CountPerflint(Measured.Run run) => JsonDocument.Parse(run.Stdout).RootElement.GetProperty("summary").GetProperty("findings").GetInt32();

static int CountNag(Measured.Run run) => JsonDocument.Parse(run.Stdout).RootElement.GetProperty("findings").GetInt32();

static string SampleFindings(string runner, string nagDirectory, string assembly, string? project, string work)
{
    var lines = new List<string> { $"Findings on the sample app ({assembly}):", string.Empty };
    var perflint = Perflint(runner, assembly, project == null ? Array.Empty<string>() : new[] { "--project", project });
    var findings = JsonDocument.Parse(perflint.Stdout).RootElement.GetProperty("findings").EnumerateArray().ToList();
    var mapped = findings.Count(f => f.GetProperty("source").ValueKind != JsonValueKind.Null);
    lines.Add($"perflint check: {findings.Count} findings, {mapped} mapped to a C# line, {perflint.Seconds:0.00} s wall, {perflint.PeakMiB:0} MiB:");
    lines.Add(string.Join(", ", findings.GroupBy(f => f.GetProperty("ruleId").GetString()).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}")));
    lines.Add(string.Empty);
    if (Directory.Exists(Path.Combine(nagDirectory, "node_modules")))
    {
        var nag = Nag(nagDirectory, assembly, work);
        var result = JsonDocument.Parse(nag.Stdout).RootElement;
        lines.Add($"cdk-nag AwsSolutionsChecks: {result.GetProperty("findings").GetInt32()} findings (construct paths only, no file/line), {nag.Seconds:0.00} s wall, {nag.PeakMiB:0} MiB:");
        lines.Add(string.Join(", ", result.GetProperty("byRule").EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name} x{p.Value.GetInt32()}")));
    }

    return string.Join(Environment.NewLine, lines);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "PerfLint.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("PerfLint.sln not found");
}

/// <summary>Command-line options of the benchmark.</summary>
internal sealed record Options(int Stacks, int ResourcesPerStack, int Runs, string? SampleAssembly, string? SampleProject, string? Report, string Configuration, string? GenerateOnly = null, string? ReadyToRunRunner = null)
{
    public static Options Parse(string[] args)
    {
        var o = new Options(50, 200, 5, null, null, null, typeof(Options).Assembly.Location.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug");
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var v = args[i + 1];
            o = args[i] switch
            {
                "--stacks" => o with { Stacks = int.Parse(v, CultureInfo.InvariantCulture) },
                "--resources-per-stack" => o with { ResourcesPerStack = int.Parse(v, CultureInfo.InvariantCulture) },
                "--runs" => o with { Runs = int.Parse(v, CultureInfo.InvariantCulture) },
                "--sample-assembly" => o with { SampleAssembly = Path.GetFullPath(v) },
                "--sample-project" => o with { SampleProject = Path.GetFullPath(v) },
                "--report" => o with { Report = Path.GetFullPath(v) },
                "--generate-only" => o with { GenerateOnly = Path.GetFullPath(v) },
                "--r2r-runner" => o with { ReadyToRunRunner = Path.GetFullPath(v) },
                _ => throw new ArgumentException("unknown option " + args[i]),
            };
        }

        return o;
    }
}
