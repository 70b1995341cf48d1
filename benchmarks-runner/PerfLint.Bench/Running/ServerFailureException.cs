namespace PerfLint.Bench.Running;

/// <summary>The server under test died during the load (a benchmark failure, exit 1, not an infrastructure error).</summary>
public sealed class ServerFailureException : Exception
{
    public ServerFailureException(string message) : base(message) { }
}
