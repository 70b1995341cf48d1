using Microsoft.CodeAnalysis;
using PerfLint.Analyzers.Infrastructure;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>A compile-time value of a construct property, with the location a diagnostic about it belongs on.</summary>
    public sealed class FactValue
    {
        public FactValue(ResolvedValue value, Location location)
        {
            Value = value;
            Location = location;
        }

        public ResolvedValue Value { get; }

        /// <summary>The string or instance type name (null for numbers and members).</summary>
        public string? Text => Value.Text;

        public Location Location { get; }

        public override string ToString() => Value.ToString();
    }
}
