using System.Reflection;

namespace PerfLint.Testing;

/// <summary>
/// The checkout the tests run from (the folder above the test assembly that holds PerfLint.sln) and the build outputs
/// of this repository the tests run, in the configuration the test assembly was built in. Linked into every test project.
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>Debug or Release: the configuration of the running test assembly, which builds its dependencies in the same one.</summary>
    public static string Configuration { get; } =
        Assembly.GetExecutingAssembly().GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The built `perflint` runner.</summary>
    public static string RunnerAssembly => Combine("benchmarks-runner", "PerfLint.Runner", "bin", Configuration, "net10.0", "perflint.dll");

    /// <summary>The MSBuild targets the PerfLint package imports, from the built tasks project.</summary>
    public static string TasksTargets => Combine("tasks", "PerfLint.Tasks", "bin", Configuration, "netstandard2.0", "build", "PerfLint.targets");

    public static string Combine(params string[] parts) => System.IO.Path.Combine(new[] { Path }.Concat(parts).ToArray());

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PerfLint.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PerfLint.sln not found above " + AppContext.BaseDirectory);
    }
}
