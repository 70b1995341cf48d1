using PerfLint.Testing;
using System.Text.RegularExpressions;
using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>README.md's `## Commands` and docs/commands.md show each command's help exactly as the executable generates it.</summary>
[TestFixture]
public sealed class ReadmeCommandsTests
{
    private static readonly Regex Block = new(
        @"<!-- generated: perflint (?<args>[^>]+?) -->\n```text\n(?<help>.*?)```\n<!-- end generated -->", RegexOptions.Singleline);

    [Test]
    public void ReadmeShowsTheGeneratedHelpOfEveryCommand()
    {
        var blocks = new[] { "README.md", Path.Combine("docs", "commands.md") }
            .SelectMany(file => Block.Matches(File.ReadAllText(Path.Combine(Paths.RepositoryRoot, file)).Replace("\r\n", "\n")).Select(block => (File: file, Block: block)))
            .ToList();
        Assert.That(blocks.Select(b => b.Block.Groups["args"].Value),
            Is.EqualTo(new[] { "--help", "check --help", "sarif merge --help", "bench --help", "recommend --help", "prices import --help", "prices refresh --help", "knowledge --help" }));
        foreach (var (file, block) in blocks)
        {
            var args = block.Groups["args"].Value;
            var run = ProcessRunner.Run("dotnet", new[] { "exec", Paths.RunnerAssembly }.Concat(args.Split(' ')), Paths.RunDirectory);
            Assert.That(run.ExitCode, Is.Zero, run.Output);
            Assert.That(Lines(block.Groups["help"].Value), Is.EqualTo(Lines(run.Output)),
                $"{file} is stale: replace the `perflint {args}` block with the output of `dotnet {Path.GetRelativePath(Paths.RepositoryRoot, Paths.RunnerAssembly)} {args} | cat`");
        }
    }

    // Trailing blanks are not part of the help (an editor may strip them).
    private static string Lines(string text) => string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd())).Trim('\n');
}
