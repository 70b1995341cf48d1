using System.Runtime.InteropServices;

namespace PerfLint.Serving.Fault;

/// <summary>
/// A SageMaker-contract server (`serve`, 0.0.0.0:$SAGEMAKER_BIND_TO_PORT, GET /ping, POST /invocations) that fails
/// in the ways FAULT_MODE asks for, and otherwise answers as cheaply as Kestrel allows: no routing, no logging,
/// no DI-resolved endpoints, a constant response body.
/// </summary>
public static partial class Program
{
    private static readonly byte[] OkBody = """{"ok":true}"""u8.ToArray();
    private static readonly byte[] ErrorBody = """{"error":"injected fault (FAULT_MODE=errors)"}"""u8.ToArray();
    private const int CrashAfterExitCode = 4;

    public static async Task<int> Main(string[] args)
    {
        var command = args.Length == 0 ? "serve" : args[0];
        if (command != "serve")
        {
            Console.Error.WriteLine($"usage: FaultServer [serve] (got '{command}')");
            return 2;
        }
        FaultOptions options;
        try { options = FaultOptions.FromEnvironment(Environment.GetEnvironmentVariable); }
        catch (ArgumentException e) { Console.Error.WriteLine($"FaultServer: {e.Message}"); return 2; }

        if (options.Mode == FaultMode.CrashOnStart)
        {
            Console.WriteLine("FaultServer: FAULT_MODE=crash-on-start, exiting with code 3 before listening");
            return 3;
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = args });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.ListenAnyIP(options.Port);
        });
        await using var app = builder.Build();
        using var delay = options.InvocationDelay > TimeSpan.Zero ? new PreciseDelayScheduler(options.InvocationDelay) : null;
        var handler = new InvocationHandler(options, delay);
        app.Run(handler.HandleAsync);
        await app.StartAsync();
        Console.WriteLine($"FaultServer: listening on 0.0.0.0:{options.Port}, FAULT_MODE={options.Mode}, " +
                          $"invocation delay {options.InvocationDelay.TotalMilliseconds} ms");
        await app.WaitForShutdownAsync();
        return 0;
    }

    private sealed class InvocationHandler(FaultOptions options, PreciseDelayScheduler? delay)
    {
        private long _invocations;

        public async Task HandleAsync(HttpContext context)
        {
            var request = context.Request;
            if (request.Path.Equals("/ping") && HttpMethods.IsGet(request.Method))
            {
                context.Response.StatusCode = options.Mode == FaultMode.NeverReady ? 503 : 200;
                return;
            }
            if (!request.Path.Equals("/invocations") || !HttpMethods.IsPost(request.Method))
            {
                context.Response.StatusCode = 404;
                return;
            }
            await DrainBodyAsync(request);
            var n = Interlocked.Increment(ref _invocations);

            if (options.Mode == FaultMode.CrashAfter && n > options.CrashAfter) Crash(n);
            if (options.Mode == FaultMode.Hang)
            {
                try { await Task.Delay(Timeout.Infinite, context.RequestAborted); }
                catch (OperationCanceledException) { }
                return;
            }
            if (delay is not null) await delay.DelayAsync();

            var failed = options.Mode == FaultMode.Errors && FaultOptions.IsInjectedError(n, options.ErrorRate);
            var body = failed ? ErrorBody : OkBody;
            var response = context.Response;
            response.StatusCode = failed ? 500 : 200;
            response.ContentType = "application/json";
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body);

            if (options.Mode == FaultMode.CrashAfter && n == options.CrashAfter)
            {
                // Let the last good answer leave the socket (Kestrel flushes it after the handler returns),
                // then die the way a crashing model server does. Later invocations crash at once (above).
                response.OnCompleted(() =>
                {
                    _ = Task.Run(async () => { await Task.Delay(50); Crash(n); });
                    return Task.CompletedTask;
                });
            }
        }

        private static async Task DrainBodyAsync(HttpRequest request)
        {
            var reader = request.BodyReader;
            while (true)
            {
                var read = await reader.ReadAsync();
                reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted) return;
            }
        }

        private static void Crash(long invocation)
        {
            Console.WriteLine($"FaultServer: FAULT_MODE=crash-after, crashing at invocation {invocation} (exit code {CrashAfterExitCode})");
            Console.Out.Flush();
            // _exit skips graceful host shutdown, which would otherwise wait for in-flight requests: a crash is abrupt.
            if (OperatingSystem.IsLinux()) ExitImmediately(CrashAfterExitCode);
            Environment.Exit(CrashAfterExitCode);
        }
    }

    [LibraryImport("libc", EntryPoint = "_exit")]
    private static partial void ExitImmediately(int status);
}
