using System.Text.Json;

namespace WholeApp;

/// <summary>Values read from fleet.json at synth time: the source has no literal a source analyzer could see.</summary>
public sealed class FleetConfig
{
    public string WebInstanceType { get; set; } = "";
    public string LlmModelId { get; set; } = "";
    public string LlmInstanceType { get; set; } = "";

    public static FleetConfig Load() =>
        JsonSerializer.Deserialize<FleetConfig>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fleet.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
}
