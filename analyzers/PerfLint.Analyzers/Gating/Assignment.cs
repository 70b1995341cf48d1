namespace PerfLint.Analyzers.Gating
{
    /// <summary>
    /// One <c>name = value</c> of a code body, with the value when it is a lone number literal (<c>MinCapacity = 1,</c>)
    /// and null for anything else. A named struct kept in plain arrays: a list of tuples was one more generic type
    /// for a fresh compiler to JIT-compile in every build.
    /// </summary>
    public readonly struct Assignment
    {
        public Assignment(string name, double? number)
        {
            Name = name;
            Number = number;
        }

        public string Name { get; }

        public double? Number { get; }

        public override string ToString() => Name + " = " + (Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "...");
    }
}
