using System.Text.RegularExpressions;
using Microsoft.Build.Utilities;

namespace PerfLint.Tasks
{
    /// <summary>
    /// The runner's canonical diagnostic line, <c>file(line,col): [subcategory ]error|warning|info CODE: message</c>
    /// (`perflint check --format msbuild`, `perflint bench`'s spec errors): the one reader both tasks use.
    /// </summary>
    internal sealed class RunnerLine
    {
        private static readonly Regex Canonical = new Regex(
            @"^(?<file>.+?)\((?<line>\d+),(?<col>\d+)\): (?:(?<sub>\S+) )?(?<severity>error|warning|info) (?<code>PL\w+): (?<text>.*)$",
            RegexOptions.CultureInvariant);

        private RunnerLine(Match m)
        {
            File = m.Groups["file"].Value;
            Line = int.Parse(m.Groups["line"].Value);
            Column = int.Parse(m.Groups["col"].Value);
            Subcategory = m.Groups["sub"].Success ? m.Groups["sub"].Value : null;
            Severity = m.Groups["severity"].Value;
            Code = m.Groups["code"].Value;
            Text = m.Groups["text"].Value;
        }

        public string File { get; }
        public int Line { get; }
        public int Column { get; }
        public string? Subcategory { get; }
        public string Severity { get; }
        public string Code { get; }
        public string Text { get; }

        public static RunnerLine? TryParse(string text)
        {
            var m = Canonical.Match(text.Trim());
            return m.Success ? new RunnerLine(m) : null;
        }

        /// <summary>
        /// Logs it at its position; info, which MSBuild has no level for, as a high-importance message so it shows in
        /// the default verbosity (MSBuild's own canonical parser would ignore an info line).
        /// </summary>
        public void Log(TaskLoggingHelper log, string text)
        {
            switch (Severity)
            {
                case "error":
                    log.LogError(Subcategory, Code, null, File, Line, Column, 0, 0, "{0}", text);
                    break;
                case "warning":
                    log.LogWarning(Subcategory, Code, null, File, Line, Column, 0, 0, "{0}", text);
                    break;
                default:
                    log.LogMessage(Subcategory, Code, null, File, Line, Column, 0, 0, Microsoft.Build.Framework.MessageImportance.High, "{0}", Code + ": " + text);
                    break;
            }
        }
    }
}
