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
        private static readonly Lazy<(Dictionary<string, string> family, Dictionary<string, string> member)> Maps =
            new Lazy<(Dictionary<string, string>, Dictionary<string, string>)>(Load);

        /// <summary>The family a member stands for (<c>BURSTABLE3</c> -> <c>t3</c>), or null.</summary>
        public static string? FamilyOf(string member) =>
            Maps.Value.family.TryGetValue(member, out var f) && FamilyName.Parse(f) != null ? f : null;

        /// <summary>The concrete member for a family (<c>m7i</c> -> <c>M7I</c>), or null when CDK has none.</summary>
        public static string? MemberFor(string family) =>
            Maps.Value.member.TryGetValue(family, out var m) ? m : null;

        private static (Dictionary<string, string>, Dictionary<string, string>) Load()
        {
            var table = CsvTable.LoadEmbedded("cdk-instance-class.csv");
            var family = new Dictionary<string, string>(StringComparer.Ordinal);
            var member = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in table.Rows)
            {
                var name = table.Get(row, "member");
                var fam = table.Get(row, "family");
                family[name] = fam;
                if (table.Get(row, "kind") == "concrete" && !member.ContainsKey(fam))
                {
                    member[fam] = name;
                }
            }

            return (family, member);
        }
    }

    /// <summary>The CDK <c>InstanceSize</c> enum: <c>XLARGE2</c> &lt;-&gt; <c>2xlarge</c>.</summary>
    public static class CdkInstanceSize
    {
        private static readonly Lazy<(Dictionary<string, string> size, Dictionary<string, string> member)> Maps =
            new Lazy<(Dictionary<string, string>, Dictionary<string, string>)>(Load);

        public static string? SizeOf(string member) => Maps.Value.size.TryGetValue(member, out var s) ? s : null;

        public static string? MemberFor(string size) => Maps.Value.member.TryGetValue(size, out var m) ? m : null;

        private static (Dictionary<string, string>, Dictionary<string, string>) Load()
        {
            var table = CsvTable.LoadEmbedded("cdk-instance-size.csv");
            var size = new Dictionary<string, string>(StringComparer.Ordinal);
            var member = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in table.Rows)
            {
                size[table.Get(row, "member")] = table.Get(row, "size");
                member[table.Get(row, "size")] = table.Get(row, "member");
            }

            return (size, member);
        }
    }
}
