using PerfLint.Testing;

namespace PerfLint.Integration.Tests.Infrastructure;

/// <summary>Packages of this repository in a local folder feed, as a team consumes them, each under a version of its own.</summary>
internal static class LocalFeed
{
    public static string GlobalPackagesFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>
    /// Packs a project of this repository into <paramref name="feed"/> under a new version (MinVer's override: the
    /// package and its assemblies), so that no cached package of the same version is installed instead.
    /// </summary>
    public static string PackTestVersion(string project, string feed)
    {
        var version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
        var pack = ProcessRunner.Dotnet(Repository.Root, TimeSpan.FromMinutes(5), null,
            "pack", Repository.ProjectPath(project), "-c", Repository.Configuration, "-o", feed, $"-p:MinVerVersionOverride={version}", "-nologo");
        Assert.That(pack.ExitCode, Is.Zero, pack.Tail());
        return version;
    }

    /// <summary>The restored copy of a package version in the global packages folder, deleted on dispose: each test version is restored once.</summary>
    public static IDisposable Restored(string packageId, string version) =>
        new RestoredPackage(Path.Combine(GlobalPackagesFolder, packageId.ToLowerInvariant(), version.ToLowerInvariant()));

    /// <summary>A nuget.config that reads <paramref name="feed"/> before nuget.org.</summary>
    public static void WriteNuGetConfig(string directory, string feed) =>
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);

    /// <summary>
    /// A CDK app project in <paramref name="directory"/> that consumes <paramref name="packages"/> (id, version) from
    /// <paramref name="feed"/> as a user's project does: App.csproj, nuget.config and <paramref name="program"/>.
    /// </summary>
    public static void WriteCdkConsumer(string directory, string feed, string program, params (string Id, string Version)[] packages)
    {
        Directory.CreateDirectory(directory);
        WriteNuGetConfig(directory, feed);
        var references = string.Concat(packages.Select(p => $"""

                <PackageReference Include="{p.Id}" Version="{p.Version}" />
            """));
        File.WriteAllText(Path.Combine(directory, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Amazon.CDK.Lib" Version="2.160.0" />{references}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
    }

    private sealed class RestoredPackage(string path) : IDisposable
    {
        public void Dispose()
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }
}
