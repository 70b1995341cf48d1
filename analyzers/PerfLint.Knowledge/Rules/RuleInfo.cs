namespace PerfLint.Knowledge.Rules
{
    /// <summary>Metadata of one rule, shared by the Roslyn descriptors and `perflint check` reports.</summary>
    public sealed class RuleInfo
    {
        public RuleInfo(string id, string title, string messageFormat, string category, RuleSeverity defaultSeverity,
            bool enabledByDefault, string description)
        {
            Id = id;
            Title = title;
            MessageFormat = messageFormat;
            Category = category;
            DefaultSeverity = defaultSeverity;
            EnabledByDefault = enabledByDefault;
            Description = description;
        }

        public string Id { get; }

        public string Title { get; }

        /// <summary>Composite format string; <c>{0}</c> is always the complete, rule-specific message.</summary>
        public string MessageFormat { get; }

        public string Category { get; }

        public RuleSeverity DefaultSeverity { get; }

        public bool EnabledByDefault { get; }

        public string Description { get; }

        public string HelpUri => RuleCatalog.GetHelpUri(Id);
    }
}
