using PerfLint.Knowledge.Pricing;

namespace PerfLint.Prices;

/// <summary>
/// Which user price file is in force, as the analyzers see it: an explicit file, else the <c>.editorconfig</c>
/// setting <c>perflint_prices_file</c> (relative to the project directory), else <c>perflint.prices.json</c> beside the
/// project. A file that is missing or not a price file is ignored, as the analyzers ignore it.
/// </summary>
public static class PriceFileLocator
{
    public sealed record Located(string Path, PriceBook? Book)
    {
        /// <summary>Why the file is not used, or null when it is.</summary>
        public string? Problem => Book == null ? (File.Exists(Path) ? "not a PerfLint price file (ignored)" : "not found (ignored)") : null;
    }

    /// <summary>The file that applies, or null when none is named and none lies beside the project.</summary>
    public static Located? Find(string? explicitFile, string? editorConfigValue, string? projectDirectory)
    {
        var baseDirectory = projectDirectory ?? Directory.GetCurrentDirectory();
        var path = explicitFile
                   ?? (string.IsNullOrWhiteSpace(editorConfigValue) ? null : System.IO.Path.Combine(baseDirectory, editorConfigValue.Trim()))
                   ?? System.IO.Path.Combine(baseDirectory, PriceFile.DefaultFileName);
        if (explicitFile == null && string.IsNullOrWhiteSpace(editorConfigValue) && !File.Exists(path))
        {
            return null;
        }

        return new Located(System.IO.Path.GetFullPath(path), Load(path));
    }

    private static PriceBook? Load(string path)
    {
        try
        {
            return File.Exists(path) ? PriceBook.TryParse(File.ReadAllText(path), path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
