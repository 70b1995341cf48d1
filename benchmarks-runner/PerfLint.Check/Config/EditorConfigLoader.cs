using Microsoft.CodeAnalysis;

namespace PerfLint.Check.Config;

/// <summary>
/// The .editorconfig values that apply to a C# file in the project directory, resolved by Roslyn's own
/// <see cref="AnalyzerConfigSet"/>: the files the .NET SDK hands the compiler (every .editorconfig and .globalconfig
/// in the directory and above), with the compiler's section matching, <c>root = true</c> and precedence.
/// </summary>
public static class EditorConfigLoader
{
    /// <summary>The virtual file the settings are computed for (any .cs file of the project).</summary>
    private const string ProbeFile = "PerfLintProbe.cs";

    public static CheckSettings Load(string? projectDirectory, string? explicitFile)
    {
        if (explicitFile != null && !File.Exists(explicitFile))
        {
            throw new CheckInputException($"{explicitFile}: .editorconfig file not found");
        }

        var probeDirectory = Path.GetFullPath(explicitFile != null ? Path.GetDirectoryName(Path.GetFullPath(explicitFile))! : projectDirectory ?? ".");
        var files = explicitFile != null ? new[] { Path.GetFullPath(explicitFile) } : projectDirectory != null ? Discover(probeDirectory) : Array.Empty<string>();
        var configs = files.Select(f => AnalyzerConfig.Parse(File.ReadAllText(f), f)).ToList();
        var set = AnalyzerConfigSet.Create(configs);
        var file = set.GetOptionsForSourcePath(Path.Combine(probeDirectory, ProbeFile));
        // A .globalconfig's own section is compilation-wide (GlobalConfigOptions); the file's sections override it.
        var global = set.GlobalConfigOptions;
        return new CheckSettings(global.AnalyzerOptions.SetItems(file.AnalyzerOptions), global.TreeOptions.SetItems(file.TreeOptions));
    }

    /// <summary>What the SDK's DiscoverEditorConfigFiles hands the compiler; the set applies <c>root = true</c>.</summary>
    private static string[] Discover(string directory)
    {
        var files = new List<string>();
        for (var dir = new DirectoryInfo(directory); dir != null; dir = dir.Parent)
        {
            files.Add(Path.Combine(dir.FullName, ".editorconfig"));
            files.Add(Path.Combine(dir.FullName, ".globalconfig"));
        }

        return files.Where(File.Exists).ToArray();
    }
}
