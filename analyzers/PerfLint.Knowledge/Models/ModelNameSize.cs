using System.Globalization;
using System.Text.RegularExpressions;

namespace PerfLint.Knowledge.Models
{
    /// <summary>
    /// The size a model's name writes in its last path segment: <c>-7b</c>, <c>70B</c>, <c>1.5b</c>, <c>560m</c>, or
    /// <c>8x7b</c> (experts x size, an upper bound: Mixtral 8x7B is 46.7B because the experts share attention layers).
    /// </summary>
    internal static class ModelNameSize
    {
        private static readonly Regex Experts = new Regex(@"(?<![a-z0-9.])(\d+)x(\d+(?:\.\d+)?)b(?![a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex Billions = new Regex(@"(?<![a-z0-9.])(\d+(?:\.\d+)?)b(?![a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        /// <summary>An Availability Zone (<c>us-east-1b</c>, <c>us-gov-west-1a</c>, <c>us-west-2-lax-1a</c>): its <c>1b</c> is not a size.</summary>
        private static readonly Regex AvailabilityZone = new Regex(@"^(us|eu|ap|sa|ca|me|af|il|mx|cn)(-gov|-iso[a-z]?)?-(north|south|east|west|central)(east|west)?-\d+(-[a-z]+-\d+)?[a-z]$", RegexOptions.CultureInvariant);
        private static readonly Regex Millions = new Regex(@"(?<![a-z0-9.])(\d+(?:\.\d+)?)m(?![a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>The size <paramref name="name"/> (a lower-case last path segment) writes, or null.</summary>
        public static ModelSize? Read(string id, string name)
        {
            if (!HasSizeSuffix(name) || AvailabilityZone.IsMatch(name))
            {
                return null;
            }

            var experts = Experts.Match(name);
            if (experts.Success)
            {
                var n = double.Parse(experts.Groups[1].Value, CultureInfo.InvariantCulture);
                var each = double.Parse(experts.Groups[2].Value, CultureInfo.InvariantCulture);
                return new ModelSize(id, n * each, "the model name (" + experts.Value + ", experts x size: an upper bound)");
            }

            var billions = Billions.Match(name);
            if (billions.Success)
            {
                return new ModelSize(id, double.Parse(billions.Groups[1].Value, CultureInfo.InvariantCulture), "the model name (" + billions.Value + ")");
            }

            var millions = Millions.Match(name);
            if (millions.Success)
            {
                return new ModelSize(id, double.Parse(millions.Groups[1].Value, CultureInfo.InvariantCulture) / 1000.0, "the model name (" + millions.Value + ")");
            }

            return null;
        }

        /// <summary>
        /// Every size the expressions above read ends in a digit followed by <c>b</c> or <c>m</c> (<c>7b</c>,
        /// <c>1.5b</c>, <c>8x7b</c>, <c>350m</c>): a name without one is not matched against them (the analyzers ask
        /// this of every string of a project).
        /// </summary>
        public static bool HasSizeSuffix(string name)
        {
            for (var i = 1; i < name.Length; i++)
            {
                if ((name[i] == 'b' || name[i] == 'm') && char.IsDigit(name[i - 1]))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
