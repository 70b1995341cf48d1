using System.Diagnostics;
using PerfLint.Tasks;

namespace PerfLint.Check.Tests;

/// <summary>The MSBuild task's child process: output tail, and cancellation that kills the whole tree (node under the app).</summary>
[TestFixture]
public sealed class TaskProcessTests
{
    [Test]
    public void CancelKillsTheProcessTree()
    {
        var child = new CheckChildProcess();
        var exit = 0;
        var runner = new Thread(() => exit = child.Run("/bin/sh", new[] { "-c", "sleep 300 & echo grandchild=$!; wait" }, Path.GetTempPath(), new Dictionary<string, string>(), TimeSpan.FromMinutes(5)));
        runner.Start();
        var pid = WaitForGrandchild(child);
        Assert.That(Directory.Exists($"/proc/{pid}"), Is.True, "the grandchild runs");

        var watch = Stopwatch.StartNew();
        child.Cancel();
        Assert.That(runner.Join(TimeSpan.FromSeconds(30)), Is.True, "Run returns after Cancel");
        Assert.That(exit, Is.EqualTo(-1));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
        SpinWait.SpinUntil(() => !IsAlive(pid), TimeSpan.FromSeconds(10));
        Assert.That(IsAlive(pid), Is.False, "the grandchild was killed with its parent");
    }

    [Test]
    public void KeepsTheTailWithoutTheJsiiBanner()
    {
        var child = new CheckChildProcess();
        var exit = child.Run("/bin/sh", new[] { "-c", "echo '!! node banner !!'; for i in $(seq 1 100); do echo line$i; done; echo boom >&2; exit 3" }, Path.GetTempPath(), new Dictionary<string, string>(), TimeSpan.FromMinutes(1));
        Assert.That(exit, Is.EqualTo(3));
        var tail = child.OutputTail().Split(Environment.NewLine);
        Assert.That(tail, Has.Length.EqualTo(40));
        Assert.That(tail, Does.Contain("boom").And.Contain("line100").And.Not.Contain("line60"));
        Assert.That(string.Join("\n", tail), Does.Not.Contain("!!"));
    }

    private static int WaitForGrandchild(CheckChildProcess child)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var line = child.OutputTail().Split(Environment.NewLine).FirstOrDefault(l => l.StartsWith("grandchild=", StringComparison.Ordinal));
            if (line != null)
            {
                return int.Parse(line["grandchild=".Length..]);
            }

            Thread.Sleep(20);
        }

        Assert.Fail("the shell did not start its child");
        return 0;
    }

    private static bool IsAlive(int pid)
    {
        // A killed child not yet reaped by its (also killed) parent shows as a zombie: that counts as gone.
        var status = $"/proc/{pid}/status";
        return File.Exists(status) && !File.ReadAllText(status).Contains("State:\tZ", StringComparison.Ordinal);
    }
}
