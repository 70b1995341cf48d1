using System;

namespace PerfLint.Knowledge.Catalog
{
    /// <summary>
    /// An instance type name split into service, family and size: <c>db.r5.large</c>, <c>cache.m5.large</c>,
    /// <c>r6g.large.search</c>, <c>ml.g5.xlarge</c> and plain EC2 <c>m5.large</c>.
    /// </summary>
    public readonly struct InstanceTypeName : IEquatable<InstanceTypeName>
    {
        private InstanceTypeName(InstanceService service, string family, string size)
        {
            Service = service;
            Family = family;
            Size = size;
        }

        public InstanceService Service { get; }

        public string Family { get; }

        public string Size { get; }

        /// <summary>The EC2 name of the same hardware (<c>r5.large</c> for <c>db.r5.large</c>).</summary>
        public string Ec2Name => Family + "." + Size;

        public static bool TryParse(string? text, out InstanceTypeName name)
        {
            name = default;
            if (text == null || text.IndexOf('.') < 0)
            {
                return false; // every spelling has a dot (m4.large, db.m4.large): most strings of a project are refused here, unchanged
            }

            var value = text.Trim().ToLowerInvariant();
            var service = InstanceService.Ec2;
            if (value.StartsWith("db.", StringComparison.Ordinal)) { service = InstanceService.Rds; value = value.Substring(3); }
            else if (value.StartsWith("cache.", StringComparison.Ordinal)) { service = InstanceService.ElastiCache; value = value.Substring(6); }
            else if (value.StartsWith("ml.", StringComparison.Ordinal)) { service = InstanceService.SageMaker; value = value.Substring(3); }
            else if (value.EndsWith(".search", StringComparison.Ordinal)) { service = InstanceService.OpenSearch; value = value.Substring(0, value.Length - 7); }
            else if (value.EndsWith(".elasticsearch", StringComparison.Ordinal)) { service = InstanceService.OpenSearch; value = value.Substring(0, value.Length - 14); }

            var dot = value.IndexOf('.');
            if (dot <= 0 || dot == value.Length - 1 || value.IndexOf('.', dot + 1) >= 0)
            {
                return false;
            }

            var family = value.Substring(0, dot);
            var size = value.Substring(dot + 1);
            if (!IsToken(family) || !IsToken(size) || !char.IsLetter(family[0]))
            {
                return false;
            }

            name = new InstanceTypeName(service, family, size);
            return true;
        }

        /// <summary>The same service's name for another family and size (keeps <c>db.</c>/<c>ml.</c>/<c>.search</c>).</summary>
        public InstanceTypeName With(string family, string? size = null) => new InstanceTypeName(Service, family, size ?? Size);

        public override string ToString()
        {
            switch (Service)
            {
                case InstanceService.Rds: return "db." + Ec2Name;
                case InstanceService.ElastiCache: return "cache." + Ec2Name;
                case InstanceService.SageMaker: return "ml." + Ec2Name;
                case InstanceService.OpenSearch: return Ec2Name + ".search";
                default: return Ec2Name;
            }
        }

        public bool Equals(InstanceTypeName other) =>
            Service == other.Service && Family == other.Family && Size == other.Size;

        public override bool Equals(object? obj) => obj is InstanceTypeName other && Equals(other);

        public override int GetHashCode() => ToString().GetHashCode();

        private static bool IsToken(string s)
        {
            foreach (var c in s)
            {
                if (!(char.IsLetterOrDigit(c) || c == '-'))
                {
                    return false;
                }
            }

            return s.Length > 0;
        }
    }
}
