using System;
using System.Collections.Generic;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Cdk
{
    /// <summary>
    /// The CDK <c>InstanceClass</c> enum: member name -> family, including alias members (<c>STANDARD4</c> is m4,
    /// <c>MEMORY6_GRAVITON</c> is r6g), and family -> concrete member for code fixes. From the newest CDK source
    /// read (Data/cdk-instance-class.csv); a member may be missing from older CDK assemblies, so callers that emit
    /// code must check that the member exists in the compilation.
    /// </summary>
    public static class CdkInstanceClass
    {
        private static readonly Lazy<EnumMembers> Maps = new Lazy<EnumMembers>(Load);

        /// <summary>The family a member stands for (<c>BURSTABLE3</c> -> <c>t3</c>), or null.</summary>
        public static string? FamilyOf(string member) =>
            Maps.Value.ValueOf.TryGetValue(member, out var f) && FamilyName.Parse(f) != null ? f : null;

        /// <summary>The concrete member for a family (<c>m7i</c> -> <c>M7I</c>), or null when CDK has none.</summary>
        public static string? MemberFor(string family) =>
            Maps.Value.MemberOf.TryGetValue(family, out var m) ? m : null;

        private static EnumMembers Load()
        {
            var table = CsvTable.LoadEmbedded("cdk-instance-class.csv");
            var maps = new EnumMembers();
            foreach (var row in table.Rows)
            {
                var name = table.Get(row, "member");
                var fam = table.Get(row, "family");
                maps.ValueOf[name] = fam;
                if (table.Get(row, "kind") == "concrete" && !maps.MemberOf.ContainsKey(fam))
                {
                    maps.MemberOf[fam] = name;
                }
            }

            return maps;
        }
    }

    /// <summary>The CDK <c>InstanceSize</c> enum: <c>XLARGE2</c> &lt;-&gt; <c>2xlarge</c>.</summary>
    public static class CdkInstanceSize
    {
        private static readonly Lazy<EnumMembers> Maps = new Lazy<EnumMembers>(Load);

        public static string? SizeOf(string member) => Maps.Value.ValueOf.TryGetValue(member, out var s) ? s : null;

        public static string? MemberFor(string size) => Maps.Value.MemberOf.TryGetValue(size, out var m) ? m : null;

        private static EnumMembers Load()
        {
            var table = CsvTable.LoadEmbedded("cdk-instance-size.csv");
            var maps = new EnumMembers();
            foreach (var row in table.Rows)
            {
                maps.ValueOf[table.Get(row, "member")] = table.Get(row, "size");
                maps.MemberOf[table.Get(row, "size")] = table.Get(row, "member");
            }

            return maps;
        }
    }

    /// <summary>
    /// A CDK enum's members both ways: member -> value (family or size) and value -> member. A class rather than a
    /// tuple of the two maps: a lazy tuple is generic code of its own for a fresh compiler to JIT in every build.
    /// </summary>
    internal sealed class EnumMembers
    {
        public Dictionary<string, string> ValueOf { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public Dictionary<string, string> MemberOf { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
    }
}
