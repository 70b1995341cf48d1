using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Tests;

/// <summary>Parses instance type names written in tests.</summary>
internal static class TestNames
{
    public static InstanceTypeName Name(string text) =>
        InstanceTypeName.TryParse(text, out var name) ? name : throw new ArgumentException("not an instance type: " + text);
}
