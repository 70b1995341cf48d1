using PerfLint.Analyzers.Infrastructure;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>What a whole-app finding at a value's location names after its message: the branch that picks the value, the CDK context entry it was read from.</summary>
    public sealed class ValueNote
    {
        public ValueNote(string? branch, CdkContextValue? context)
        {
            Branch = branch;
            Context = context;
        }

        /// <summary>The branch (<c>when stage is "prod"</c>), or null.</summary>
        public string? Branch { get; }

        /// <summary>The CDK context entry (its finding names the file and key), or null.</summary>
        public CdkContextValue? Context { get; }
    }
}
