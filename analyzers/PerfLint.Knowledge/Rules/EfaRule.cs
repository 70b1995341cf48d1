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

        public static RuleFinding? Evaluate(string? instanceType, int instanceCount, bool hasEfaInterface, RuleOptions? options = null)
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
                "); give the launch template a network interface with InterfaceType 'efa'");
        }
    }
}
