using PerfLint.Check.Tests.Infrastructure;

/// <summary>
/// Deletes the run's scratch directory (synthesized assemblies, temp projects) after all tests. In the global
/// namespace so that it wraps every fixture of the assembly.
/// </summary>
[SetUpFixture]
public sealed class TestRunCleanup
{
    [OneTimeTearDown]
    public void DeleteRunDirectory()
    {
        if (Directory.Exists(Paths.RunDirectory))
        {
            Directory.Delete(Paths.RunDirectory, recursive: true);
        }
    }
}
