using System.Runtime.CompilerServices;

// The check tests drive CheckChildProcess directly (cancellation kills the whole process tree).
[assembly: InternalsVisibleTo("PerfLint.Check.Tests")]
