namespace PerfLint.Serving.Fault;

internal enum FaultMode { Ok, CrashOnStart, NeverReady, CrashAfter, Hang, Slow, Errors }

/// <summary>Behaviour chosen by environment variables (see docs/serving.md for the table).</summary>
internal sealed record FaultOptions(
    int Port, FaultMode Mode, int CrashAfter, TimeSpan FaultDelay, double ErrorRate, TimeSpan ResponseDelay)
{
    public static FaultOptions FromEnvironment(Func<string, string?> env)
    {
        var modeText = env("FAULT_MODE") is { Length: > 0 } m ? m : "ok";
        var mode = modeText switch
        {
            "ok" => FaultMode.Ok,
            "crash-on-start" => FaultMode.CrashOnStart,
            "never-ready" => FaultMode.NeverReady,
            "crash-after" => FaultMode.CrashAfter,
            "hang" => FaultMode.Hang,
            "slow" => FaultMode.Slow,
            "errors" => FaultMode.Errors,
            _ => throw new ArgumentException(
                $"FAULT_MODE='{modeText}' is not one of ok, crash-on-start, never-ready, crash-after, hang, slow, errors."),
        };
        var errorRate = ReadDouble(env, "FAULT_ERROR_RATE", 0.1);
        if (errorRate is < 0 or > 1) throw new ArgumentException($"FAULT_ERROR_RATE={errorRate} must be within 0..1.");
        return new FaultOptions(
            (int)ReadDouble(env, "SAGEMAKER_BIND_TO_PORT", 8080, integer: true),
            mode,
            (int)ReadDouble(env, "FAULT_AFTER", 20, integer: true),
            TimeSpan.FromMilliseconds(ReadDouble(env, "FAULT_DELAY_MS", 100)),
            errorRate,
            TimeSpan.FromMilliseconds(ReadDouble(env, "RESPONSE_DELAY_MS", 0)));
    }

    /// <summary>Total added service time of one invocation (RESPONSE_DELAY_MS, plus FAULT_DELAY_MS when slow).</summary>
    public TimeSpan InvocationDelay => ResponseDelay + (Mode == FaultMode.Slow ? FaultDelay : TimeSpan.Zero);

    /// <summary>
    /// Deterministic error pattern with exactly the requested fraction: invocation n fails when floor(n*rate)
    /// steps up (rate 0.1 fails invocations 10, 20, 30...), so short runs see the rate a long run would.
    /// </summary>
    public static bool IsInjectedError(long invocation, double rate) =>
        Math.Floor(invocation * rate) > Math.Floor((invocation - 1) * rate);

    private static double ReadDouble(Func<string, string?> env, string name, double fallback, bool integer = false)
    {
        var text = env(name);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value < 0 || (integer && value != Math.Floor(value)))
            throw new ArgumentException($"{name}='{text}' is not a non-negative {(integer ? "integer" : "number")}.");
        return value;
    }
}
