namespace PerfLint.Check;

/// <summary>Bad input (not a cloud assembly, malformed JSON, a missing template): reported in one line, exit code 2.</summary>
public sealed class CheckInputException : Exception
{
    public CheckInputException(string message, string? file = null, int? line = null, int? column = null) : base(message)
    {
        File = file;
        Line = line;
        Column = column;
    }

    public string? File { get; }

    public int? Line { get; }

    public int? Column { get; }
}
