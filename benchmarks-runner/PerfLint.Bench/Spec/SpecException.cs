namespace PerfLint.Bench.Spec;

/// <summary>A spec error with the exact place in the spec file (exit code 2, "file(line,col): message").</summary>
public sealed class SpecException : Exception
{
    public string File { get; }
    public int Line { get; }
    public int Column { get; }

    public SpecException(string file, int line, int column, string message) : base(message)
    {
        File = file;
        Line = line;
        Column = column;
    }

    public SpecException(string file, SourcePos pos, string message) : this(file, pos.Line, pos.Column, message) { }

    public override string ToString() => $"{File}({Line},{Column}): error: {Message}";
}
