namespace PerfLint.Analyzers.Tests.Infrastructure;

/// <summary>Messages several test classes expect, written once, literally, from the data (as PL1001PreviousGenerationInstanceTests states them).</summary>
internal static class ExpectedMessages
{
    /// <summary>PL1001 on EC2 m4.large with the region unknown.</summary>
    public const string M4LargeEc2 =
        "'m4.large' is previous generation for EC2 (EC2 DescribeInstanceTypes: CurrentGeneration=false); use 'm8i.large' " +
        "(2 vCPU, 8 GiB vs 2 vCPU, 8 GiB; $0.10584/h vs $0.1/h, EC2 On-Demand us-east-1, 2026-07-20; newer generations also do more work per vCPU) " +
        "[successor: analyst mapping: newest family of the same CPU line; offered by EC2 in 24 of 38 regions; region unknown: set perflint_region to check yours]";
}
