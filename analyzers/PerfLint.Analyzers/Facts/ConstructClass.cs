namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// What <see cref="ConstructTypes.Classify"/> says of a CDK type: its <see cref="ConstructKind"/> and whether it is an
    /// L1 (<c>Cfn*</c>) resource. A class with one shared instance per answer, not a tuple of an enum: collections of a
    /// value type are generic code of their own, which a fresh compiler JIT-compiles in every build.
    /// </summary>
    public sealed class ConstructClass
    {
        private static readonly ConstructClass[] L1s = Create(isL1: true);
        private static readonly ConstructClass[] L2s = Create(isL1: false);

        private ConstructClass(ConstructKind kind, bool isL1)
        {
            Kind = kind;
            IsL1 = isL1;
        }

        public ConstructKind Kind { get; }

        public bool IsL1 { get; }

        /// <summary>An L1 (<c>Cfn*</c>) resource of <paramref name="kind"/>.</summary>
        public static ConstructClass L1(ConstructKind kind) => L1s[(int)kind];

        /// <summary>A higher-level construct of <paramref name="kind"/>.</summary>
        public static ConstructClass L2(ConstructKind kind) => L2s[(int)kind];

        private static ConstructClass[] Create(bool isL1)
        {
            var values = (ConstructKind[])System.Enum.GetValues(typeof(ConstructKind));
            var classes = new ConstructClass[values.Length];
            foreach (var kind in values)
            {
                classes[(int)kind] = new ConstructClass(kind, isL1);
            }

            return classes;
        }
    }
}
