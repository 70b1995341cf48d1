namespace PerfLint.Check.Json;

/// <summary>Reads manifest and template files; malformed JSON becomes a bad-input error (exit 2) with file, line and column.</summary>
public static class TemplateJson
{
    public static JsonNode ParseFile(string path) => Parse(File.ReadAllBytes(path), path);

    public static JsonNode Parse(byte[] utf8, string fileForMessages)
    {
        try
        {
            return PositionedJsonParser.Parse(utf8, fileForMessages);
        }
        catch (JsonSyntaxException e)
        {
            throw new CheckInputException($"{e.File}({e.Line},{e.Column}): malformed JSON: {e.Reason}", e.File, e.Line, e.Column);
        }
    }
}
