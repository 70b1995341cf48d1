using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// The node groups of AWS Batch multi-node parallel job definitions (<c>AWS::Batch::JobDefinition</c> of
    /// <c>Type</c> <c>multinode</c>) for PL2004: each node range's instance types, how many nodes it spans, and
    /// whether its container is given the EFA device. The AWS Batch user guide (Elastic Fabric Adapter) requires a job
    /// definition to pass <c>/dev/infiniband/uverbs0</c> to the container in <c>LinuxParameters.Devices</c> for a job to
    /// use EFA, so a node range without that device has none, whatever its compute environment's launch template holds.
    /// The instance type is read from the job definition only (a compute environment is chosen by the job queue at
    /// submission): a range with no type in the definition is not judged. The CDK L2 <c>MultiNodeJobDefinition</c> is
    /// judged on the template it synthesizes (<c>perflint check</c>): its containers' devices are added by method calls.
    /// </summary>
    internal static class BatchMultiNodeJobs
    {
        public const string JobDefinition = "AWS::Batch::JobDefinition";

        /// <summary>The device AWS Batch passes to a container for EFA.</summary>
        private const string EfaDevice = "/dev/infiniband/uverbs0";

        /// <summary>One node range of a multi-node job: its candidate types, node count, and whether it is given EFA (or may be).</summary>
        public sealed class NodeGroup
        {
            public NodeGroup(AppResource job, IReadOnlyList<AppString> instanceTypes, int nodes, bool mayHaveEfa)
            {
                Job = job;
                InstanceTypes = instanceTypes;
                Nodes = nodes;
                MayHaveEfa = mayHaveEfa;
            }

            public AppResource Job { get; }

            public IReadOnlyList<AppString> InstanceTypes { get; }

            public int Nodes { get; }

            public bool MayHaveEfa { get; }
        }

        public static IEnumerable<NodeGroup> Build(AppModel app)
        {
            foreach (var job in app.OfType(JobDefinition).Where(j => j.IsL1))
            {
                foreach (var group in FromTemplate(job))
                {
                    yield return group;
                }
            }
        }

        /// <summary>
        /// CloudFormation: <c>Type</c> <c>multinode</c>, <c>NodeProperties.NumNodes</c>, and per
        /// <c>NodeRangeProperties[]</c> its <c>TargetNodes</c>, <c>Container.InstanceType</c> or <c>InstanceTypes</c>,
        /// and <c>Container.LinuxParameters.Devices</c>.
        /// </summary>
        private static IEnumerable<NodeGroup> FromTemplate(AppResource job)
        {
            var type = job.Property("Type").SingleString()?.Text;
            var numNodes = SingleInteger(job.Props.At("NodeProperties.NumNodes"));
            if (!string.Equals(type, "multinode", StringComparison.OrdinalIgnoreCase) || numNodes == null)
            {
                yield break;
            }

            foreach (var range in job.Props.At("NodeProperties.NodeRangeProperties").Items())
            {
                var container = range.Property("Container");
                var types = container?.Property("InstanceType").Candidates().ToList() ?? new List<AppString>();
                types.AddRange(range.Property("InstanceTypes").Items().SelectMany(i => i.Candidates()));
                var nodes = NodesIn(range.Property("TargetNodes").SingleString()?.Text, numNodes.Value);
                if (types.Count == 0 || nodes == null)
                {
                    continue;
                }

                // ECS or EKS properties instead of a container: their devices are not read (silent).
                var mayHaveEfa = container == null || HasEfaDevice(container.At("LinuxParameters.Devices"));
                yield return new NodeGroup(job, types, nodes.Value, mayHaveEfa);
            }
        }

        /// <summary>True when a device has host path <c>/dev/infiniband/uverbs0</c>, or the devices cannot be read.</summary>
        private static bool HasEfaDevice(IAppValue? devices)
        {
            if (devices == null)
            {
                return false;
            }

            var items = devices.Items();
            if (!devices.IsKnown || items.Count == 0)
            {
                return true;
            }

            return items.Any(d =>
            {
                var paths = d.Property("HostPath")?.Strings() ?? Array.Empty<AppString>();
                return !d.IsKnown || paths.Count == 0 || paths.Any(p => string.Equals(p.Text.Trim(), EfaDevice, StringComparison.Ordinal));
            });
        }

        /// <summary>How many nodes <c>TargetNodes</c> (<c>0:3</c>, <c>1:</c>, <c>:2</c>, <c>0</c>) spans among <paramref name="numNodes"/>; null when it cannot be read.</summary>
        private static int? NodesIn(string? targetNodes, int numNodes)
        {
            if (targetNodes == null)
            {
                return null;
            }

            var parts = targetNodes.Split(':');
            if (parts.Length > 2 || !Bound(parts[0], 0, out var start))
            {
                return null;
            }

            var end = start;
            if (parts.Length == 2 && !Bound(parts[1], numNodes - 1, out end))
            {
                return null;
            }

            end = Math.Min(end, numNodes - 1);
            return end >= start ? end - start + 1 : (int?)null;
        }

        private static bool Bound(string text, int empty, out int value)
        {
            if (text.Trim().Length == 0)
            {
                value = empty;
                return true;
            }

            return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        private static int? SingleInteger(IAppValue? value)
        {
            var numbers = value?.Numbers();
            return numbers != null && numbers.Count > 0 && numbers.All(n => n.Value == numbers[0].Value) && numbers[0].Value >= 0 && numbers[0].Value < int.MaxValue
                ? (int)numbers[0].Value
                : (int?)null;
        }
    }
}
