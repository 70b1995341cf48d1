using System;
using System.Collections.Generic;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>A group of EC2 instances of one type: an Auto Scaling group, an EC2 Fleet, or standalone instances of one type.</summary>
    internal sealed class Fleet
    {
        public Fleet(AppResource resource, AppString instanceType, int instanceCount, bool? inClusterPlacementGroup, object? sizeWhere,
            IReadOnlyList<AppResource>? launchSources = null)
        {
            LaunchSources = launchSources ?? Array.Empty<AppResource>();
            Resource = resource;
            InstanceType = instanceType;
            InstanceCount = instanceCount;
            InClusterPlacementGroup = inClusterPlacementGroup;
            SizeWhere = sizeWhere;
        }

        public AppResource Resource { get; }

        public AppString InstanceType { get; }

        /// <summary>The most instances it can run (standalone instances: how many of that type in the stack).</summary>
        public int InstanceCount { get; set; }

        /// <summary>True: in a placement group that is (or may be) a cluster one; false: a spread/partition one; null: none.</summary>
        public bool? InClusterPlacementGroup { get; }

        /// <summary>The launch templates (or launch configurations) its instances launch from (PL2004 reads their network interfaces).</summary>
        public IReadOnlyList<AppResource> LaunchSources { get; }

        /// <summary>Where the size is written on <see cref="Resource"/> (null for standalone instances).</summary>
        public object? SizeWhere { get; }
    }
}
