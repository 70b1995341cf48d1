using PerfLint.Testing;
using System.Text.Json.Nodes;
using PerfLint.Integration.Tests.Infrastructure;

namespace PerfLint.Integration.Tests;

/// <summary>
/// Squiggles in an editor: a real LSP server (csharp-ls, the `dotnet tool`, with its Roslyn analyzer support on)
/// loads a small CDK project that references PerfLint and returns the PL4001 diagnostic for the open document.
/// </summary>
[TestFixture]
public sealed class LanguageServerTests
{
    /// <summary>The first csharp-ls with analyzer support is 0.24.0; pinned so the test does not move under us.</summary>
    private const string CsharpLsVersion = "0.28.0";

    [Test]
    [CancelAfter(360_000)]
    public async Task Csharp_ls_reports_PerfLint_diagnostic_for_an_open_document()
    {
        using var tools = new TempDirectory("perflint-csharp-ls");
        var install = ProcessRunner.Dotnet(tools.Path, TimeSpan.FromMinutes(2), null, "tool", "install", "csharp-ls", "--version", CsharpLsVersion, "--tool-path", tools.Path);
        if (install.ExitCode != 0)
        {
            Assert.Inconclusive("csharp-ls could not be installed from the NuGet feed (offline?):\n" + install.Tail(2000));
        }

        using var project = ScratchProject.Copy("WorkerStack", referenceCdk: true);
        var restore = ProcessRunner.Dotnet(project.Directory, TimeSpan.FromMinutes(3), null, "restore", project.ProjectFile, "-nologo");
        Assert.That(restore.ExitCode, Is.Zero, restore.Tail());

        var document = Path.Combine(project.Directory, "WorkerStack.cs");
        var uri = new Uri(document).AbsoluteUri;
        var text = await File.ReadAllTextAsync(document);
        var gp2Line = Array.FindIndex(text.Split('\n'), l => l.Contains("EbsDeviceVolumeType.GP2", StringComparison.Ordinal));
        var settings = new JsonObject { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } };

        using var server = new LspClient(Path.Combine(tools.Path, "csharp-ls"), project.Directory, settings);
        var rootUri = new Uri(project.Directory + Path.DirectorySeparatorChar).AbsoluteUri;
        await server.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = rootUri,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = "WorkerStack" }),
            ["initializationOptions"] = settings.DeepClone(),
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
                ["textDocument"] = new JsonObject
                {
                    ["publishDiagnostics"] = new JsonObject(),
                    ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = true },
                    ["synchronization"] = new JsonObject { ["didSave"] = true },
                },
            },
        }, TimeSpan.FromMinutes(1));
        server.Notify("initialized", new JsonObject());
        server.Notify("workspace/didChangeConfiguration", new JsonObject { ["settings"] = settings.DeepClone() });
        server.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
        });

        // The server loads the project in the background; ask (pull diagnostics) until PerfLint's finding is there,
        // and take pushed diagnostics too, whichever model the server uses.
        var deadline = DateTime.UtcNow.AddMinutes(4);
        JsonArray? found = null;
        var lastAnswer = "(none)";
        while (DateTime.UtcNow < deadline && found == null)
        {
            try
            {
                var report = await server.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }, TimeSpan.FromMinutes(1));
                lastAnswer = report?.ToJsonString() ?? "null";
                if (report?["items"] is JsonArray items && items.Any(IsPl4001))
                {
                    found = items;
                }
            }
            catch (InvalidOperationException e)
            {
                lastAnswer = e.Message; // e.g. not ready yet
            }

            if (found == null && server.Published.TryGetValue(uri, out var pushed) && pushed.Any(IsPl4001))
            {
                found = pushed;
            }

            if (found == null)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }

        Assert.That(found, Is.Not.Null, "no PL4001 from csharp-ls; last answer: " + Truncate(lastAnswer) + "\nserver log:\n" + Truncate(server.ServerLog));
        var diagnostic = found!.First(IsPl4001)!;
        TestContext.Out.WriteLine("csharp-ls: " + diagnostic.ToJsonString());
        Assert.That(diagnostic["range"]?["start"]?["line"]?.GetValue<int>(), Is.EqualTo(gp2Line), "the squiggle is on the gp2 line");
        Assert.That(diagnostic["message"]?.GetValue<string>(), Does.Contain("gp3"));
    }

    private static bool IsPl4001(JsonNode? diagnostic) => diagnostic?["code"]?.ToString() == "PL4001";

    private static string Truncate(string text) => text.Length <= 4000 ? text : text[^4000..];
}
