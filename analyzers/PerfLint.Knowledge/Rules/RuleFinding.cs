namespace PerfLint.Knowledge.Rules
{
    /// <summary>A rule's decision about one value: severity, a complete message, and a replacement when one exists.</summary>
    public sealed class RuleFinding
    {
        public RuleFinding(string ruleId, RuleSeverity severity, string message, string? replacement = null)
        {
            RuleId = ruleId;
            Severity = severity;
            Message = message;
            Replacement = replacement;
        }

        public string RuleId { get; }

        public RuleSeverity Severity { get; }

        public string Message { get; }

        /// <summary>The value a code fix writes instead (instance type, volume type, family), or null.</summary>
        public string? Replacement { get; }

        public override string ToString() => RuleId + " (" + Severity + "): " + Message;
    }
}
