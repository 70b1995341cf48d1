using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using System.Threading;

namespace PerfLint.Tasks
{
    /// <summary>
    /// Runs one child process (the CDK app, or the perflint runner), keeps the tail of its output, and kills the whole
    /// process tree on cancellation (the CDK app starts node through jsii; killing only dotnet would leave node running).
    /// </summary>
    internal sealed class CheckChildProcess
    {
        private const int TailLines = 40;
        private readonly object _gate = new object();
        // Standard output and error are read on separate threads, so their lines arrive in no reliable order: one shared
        // tail could let output written before the error push the error out. Each stream keeps its own.
        private readonly Queue<string> _output = new Queue<string>();
        private readonly Queue<string> _errors = new Queue<string>();
        private readonly object _tails = new object();
        private Process? _process;
        private volatile bool _cancelled;

        public bool Cancelled => _cancelled;

        /// <summary>Runs to completion (or timeout/cancel) and returns the exit code; -1 when killed.</summary>
        public int Run(string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string> environment, TimeSpan timeout)
        {
            var info = new ProcessStartInfo(fileName)
            {
                WorkingDirectory = workingDirectory,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
            };
            info.Arguments = string.Join(" ", Quote(arguments));
            foreach (var pair in environment)
            {
                info.Environment[pair.Key] = pair.Value;
            }

            using (var process = new Process { StartInfo = info })
            {
                process.OutputDataReceived += (_, e) => Keep(_output, e.Data);
                process.ErrorDataReceived += (_, e) => Keep(_errors, e.Data);
                lock (_gate)
                {
                    if (_cancelled)
                    {
                        return -1;
                    }

                    process.Start();
                    _process = process;
                }

                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                if (!process.WaitForExit((int)Math.Min(int.MaxValue, timeout.TotalMilliseconds)))
                {
                    KillTree(process);
                    process.WaitForExit();
                    Keep(_errors, "(killed after " + timeout.TotalSeconds + " s)");
                    return -1;
                }

                // The parameterless wait also drains the asynchronous output readers.
                process.WaitForExit();
                lock (_gate)
                {
                    _process = null;
                }

                return _cancelled ? -1 : process.ExitCode;
            }
        }

        /// <summary>The last lines of the output, at most 40: the end of standard output, then the end of standard error.</summary>
        public string OutputTail()
        {
            lock (_tails)
            {
                var errors = new List<string>(_errors);
                var output = new List<string>(_output);
                output.RemoveRange(0, Math.Max(0, output.Count - (TailLines - errors.Count)));
                output.AddRange(errors);
                return string.Join(Environment.NewLine, output);
            }
        }

        public void Cancel()
        {
            lock (_gate)
            {
                _cancelled = true;
                if (_process != null)
                {
                    KillTree(_process);
                }
            }
        }

        private void Keep(Queue<string> tail, string? line)
        {
            // jsii prints a banner of "!!" lines about the node version on every run; it is noise in an error.
            if (line == null || line.StartsWith("!!", StringComparison.Ordinal))
            {
                return;
            }

            lock (_tails)
            {
                tail.Enqueue(line);
                while (tail.Count > TailLines)
                {
                    tail.Dequeue();
                }
            }
        }

        private static void KillTree(Process process)
        {
            try
            {
                // Process.Kill(bool entireProcessTree) exists on .NET Core 3.0+, where MSBuild runs under `dotnet build`;
                // this assembly targets netstandard2.0, so it is called by reflection.
                var killTree = typeof(Process).GetMethod("Kill", BindingFlags.Public | BindingFlags.Instance, null, new[] { typeof(bool) }, null);
                if (killTree != null)
                {
                    killTree.Invoke(process, new object[] { true });
                }
                else
                {
                    process.Kill();
                }
            }
            catch (Exception)
            {
                // Already exited.
            }
        }

        private static IEnumerable<string> Quote(IEnumerable<string> arguments)
        {
            foreach (var a in arguments)
            {
                yield return a.Length > 0 && a.IndexOfAny(new[] { ' ', '"', '\t' }) < 0 ? a : "\"" + a.Replace("\"", "\\\"") + "\"";
            }
        }
    }
}
