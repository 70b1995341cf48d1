namespace PerfLint.Knowledge.Rules
{
    /// <summary>Severity independent of Roslyn and MSBuild (each front end maps it to its own).</summary>
    public enum RuleSeverity
    {
        Hidden,
        Info,
        Warning,
        Error,
    }
}
