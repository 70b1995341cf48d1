using System.Runtime.CompilerServices;

namespace PerfLint.Knowledge
{
    /// <summary>
    /// <c>MethodImplOptions.AggressiveOptimization</c> (512), which netstandard2.0 does not name: the method is compiled
    /// optimized at once instead of first as unoptimized tier-0 code. A command-line build often starts a fresh
    /// compiler, where the loops that run over every character and body of a project (or every byte of the embedded
    /// tables) once per compilation would run unoptimized, which costs more than compiling them optimized. Only for such
    /// loops (elsewhere tiering does better). Runtimes that do not know the flag ignore it.
    /// </summary>
    public static class HotLoop
    {
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
