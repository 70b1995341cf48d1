using System;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// PL4003 over the app model (<see cref="TrainingStorageRule"/>): an EFS file system whose <c>ThroughputMode</c>
    /// is bursting (or unset) or whose <c>PerformanceMode</c> is Max I/O, connected (<see cref="AppModel.Connections"/>:
    /// a security-group rule, a grant; in a template, the ingress into its mount targets' security groups) to an EC2
    /// instance, Auto Scaling group or launch template with a GPU or training-accelerator instance type. Reported once
    /// per file system and compute, on the mode that is written (else on the file system), with the connection related.
    /// </summary>
    /// <remarks>
    /// Not judged: a user-data mount with no security-group rule or grant, and SageMaker training jobs with an EFS
    /// <c>FileSystemDataSource</c> (CDK's <c>SageMakerCreateTrainingJob</c> takes S3 data sources only, and
    /// `perflint check` does not read state machine definitions).
    /// </remarks>
    public sealed class TrainingFileSystemRule : AppRule
    {
        private const string FileSystem = "AWS::EFS::FileSystem", MountTarget = "AWS::EFS::MountTarget";

        public override string RuleId => RuleIds.TrainingDataOnThrottledEfs;

        public override IReadOnlyList<string> ResourceTypes { get; } = new[]
        {
            FileSystem, MountTarget, Fleets.Instance, Fleets.AutoScalingGroup, Fleets.LaunchTemplate, "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress",
        };

        /// <summary>A finding needs a GPU or training-accelerator instance type written in source.</summary>
        public override Func<string, bool>? InstanceTypeEvidence => IsAccelerated;

        /// <summary>What connects compute to a file system in C#: wiring calls and grants.</summary>
        public override IReadOnlyList<string> SupportNames { get; } = new[]
        {
            "AllowFrom", "AllowTo", "AllowDefaultPortFrom", "AllowDefaultPortTo", "AllowToDefaultPort", "AddIngressRule", "AddEgressRule",
            "GrantRead", "GrantReadWrite", "GrantRootAccess", "MixedInstancesPolicy",
        };

        /// <summary>An EFS file system (<c>FileSystem</c>, <c>CfnFileSystem</c>) must be named at all.</summary>
        public override IReadOnlyList<Func<string, bool>> RequiredNames { get; } = new Func<string, bool>[]
        {
            name => name.EndsWith("FileSystem", StringComparison.Ordinal),
        };

        public override IEnumerable<AppFinding> Evaluate(AppModel app, Func<object?, RuleOptions> optionsAt)
        {
            // The fleets' instance types, built once, only when some file system has a connection to judge.
            ILookup<AppResource, AppString>? fleets = null;
            foreach (var fileSystem in app.OfType(FileSystem))
            {
                // A mode written but not known before deployment is no fact: not judged.
                var throughputValue = fileSystem.Property("ThroughputMode");
                var performanceValue = fileSystem.Property("PerformanceMode");
                var throughput = throughputValue.SingleString();
                var performance = performanceValue.SingleString();
                if ((throughputValue != null && (throughput == null || app.HasPlaceholder(throughput.Text))) ||
                    (performanceValue != null && (performance == null || app.HasPlaceholder(performance.Text))))
                {
                    continue;
                }

                var mountTargets = app.OfType(MountTarget).Where(m => m.Property("FileSystemId").ResourcesOf(FileSystem).Contains(fileSystem)).ToList();
                var reported = new HashSet<AppResource>();
                foreach (var connection in app.Connections.Where(c => c.Server == fileSystem || mountTargets.Contains(c.Server)))
                {
                    var compute = connection.Client;
                    if (compute == fileSystem || mountTargets.Contains(compute) || reported.Contains(compute))
                    {
                        continue;
                    }

                    fleets ??= Fleets.Build(app).ToLookup(f => f.Resource, f => f.InstanceType);
                    foreach (var type in InstanceTypesOf(fleets, compute))
                    {
                        var finding = TrainingStorageRule.Evaluate(fileSystem.Path ?? fileSystem.Id, throughput?.Text, performance?.Text, compute.Path ?? compute.Id, type.Text);
                        if (finding == null)
                        {
                            continue;
                        }

                        reported.Add(compute);
                        var byId = fileSystem.Path != null || compute.Path != null
                            ? new[] { TrainingStorageRule.Evaluate(fileSystem.Id, throughput?.Text, performance?.Text, compute.Id, type.Text)!.Message }
                            : null;
                        // On the offending mode that is written: a bursting ThroughputMode, else a Max I/O PerformanceMode.
                        var where = (throughput != null && TrainingStorageRule.IsBursting(throughput.Text) ? throughput.Where : null) ??
                                    (performance != null && TrainingStorageRule.IsMaxIo(performance.Text) ? performance.Where : null) ?? fileSystem.Where;
                        yield return new AppFinding(finding, fileSystem, where, onResource: fileSystem.Where,
                            related: connection.Where == null ? null : new[] { connection.Where }, equivalentMessages: byId);
                        break;
                    }
                }
            }
        }

        private static bool IsAccelerated(string name)
        {
            var info = InstanceCatalog.Find(name);
            return info != null && (info.Accelerator.Kind.IsGpu() || AcceleratorRoles.RoleOf(name) == AcceleratorRole.Training);
        }

        /// <summary>The instance types compute runs: an instance's, a group's (or its launch template's), a launch template's.</summary>
        private static IEnumerable<AppString> InstanceTypesOf(ILookup<AppResource, AppString> fleets, AppResource compute)
        {
            if (compute.Is(Fleets.LaunchTemplate))
            {
                return Fleets.InstanceTypesOf(compute);
            }

            if (compute.Is(Fleets.Instance) || compute.Is(Fleets.AutoScalingGroup))
            {
                var types = fleets[compute].ToList();
                return types.Count > 0 ? types : compute.Property("InstanceType").Candidates();
            }

            return Array.Empty<AppString>();
        }
    }
}
