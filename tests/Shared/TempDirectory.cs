namespace PerfLint.Testing;

/// <summary>A fresh folder under the system temp folder, deleted on dispose. Linked into every test project.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "perflint-test")
    {
        Path = Directory.CreateTempSubdirectory(prefix + "-").FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine(new[] { Path }.Concat(parts).ToArray());

    /// <summary>Writes <paramref name="content"/> to a file of this folder and returns its path.</summary>
    public string File(string name, string content)
    {
        var path = Combine(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; a leftover temp folder is harmless.
        }
    }
}
