using System.Runtime.CompilerServices;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>
    /// <c>MethodImplOptions.AggressiveOptimization</c> (512), which netstandard2.0 does not name. A command-line build
    /// starts a fresh compiler, where the analyzers' code would run as unoptimized first-tier JIT code: the loops that
    /// visit every token and body of a compilation run 3 to 5 times slower that way. Methods marked with it are
    /// compiled optimized at once. Runtimes that do not know the flag (.NET Framework) ignore it.
    /// </summary>
    internal static class HotPath
    {
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
