using System.Globalization;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>
    /// PL2004: a fleet of EFA-capable accelerated instances (<see cref="EfaCatalog"/>) that can run more than one
    /// instance and whose network interfaces are not EFA: collective operations between nodes take the ordinary TCP
    /// path. Info: PerfLint cannot see whether the fleet trains across nodes.
    /// </summary>
    public static class EfaRule
    {
        /// <summary>EC2 types known to support EFA: a finding needs one written in source.</summary>
        public static bool IsEfaCapable(string? instanceType) => EfaCatalog.Find(instanceType) != null;

        /// <summary>How EC2 fleets get EFA: a launch template network interface.</summary>
        public const string LaunchTemplateRemedy = "give the launch template a network interface with InterfaceType 'efa'";

        /// <summary>How an AWS Batch multi-node job gets EFA (AWS Batch user guide, Elastic Fabric Adapter): the device in the job definition and an EFA interface on the instances.</summary>
        public const string BatchJobRemedy =
            "pass the device /dev/infiniband/uverbs0 to the node range's container (LinuxParameters.Devices) and give the compute environment's launch template a network interface with InterfaceType 'efa' (AWS Batch user guide)";

        /// <param name="remedy">What the message tells to do: <see cref="LaunchTemplateRemedy"/> (default) or <see cref="BatchJobRemedy"/>.</param>
        public static RuleFinding? Evaluate(string? instanceType, int instanceCount, bool hasEfaInterface, RuleOptions? options = null, string remedy = LaunchTemplateRemedy)
        {
            options ??= RuleOptions.Default;
            var efa = EfaCatalog.Find(instanceType);
            var info = InstanceCatalog.Find(instanceType);
            if (hasEfaInterface || efa == null || info == null || instanceCount < options.MinEfaFleetInstances)
            {
                return null;
            }

            var bandwidth = efa.NetworkBandwidthGbps is int gbps ? " and has " + gbps.ToString("#,0", CultureInfo.InvariantCulture) + " Gbps of network bandwidth" : string.Empty;
            return new RuleFinding(RuleIds.AcceleratedFleetWithoutEfa, RuleSeverity.Info,
                "Up to " + instanceCount.ToString(CultureInfo.InvariantCulture) + " '" + info.Name + "' instances (" + Describe.Hardware(info) + ") have no EFA network interface: " +
                "collective operations between them run over the TCP stack; '" + info.Name + "' supports up to " + efa.EfaInterfaces.ToString(CultureInfo.InvariantCulture) +
                " EFA interface" + (efa.EfaInterfaces == 1 ? string.Empty : "s") + bandwidth + " (Karpenter instance-type reference, checked " + efa.Checked +
                "); " + remedy);
        }
    }
}
