using System;
using System.Collections.Generic;

// A project with no AWS CDK reference whose strings look like what PerfLint reports in CDK code: the analyzers must
// bail out at compilation start and report nothing.
public static class Program
{
    private const string LegacyType = "m4.large";

    public static void Main()
    {
        var inventory = new Dictionary<string, string>
        {
            ["build-host"] = LegacyType,
            ["database"] = "db.c5.xlarge",
            ["volume"] = "gp2",
            ["journal"] = "io1",
            ["endpoint"] = "ml.g5.2xlarge",
            ["HF_MODEL_ID"] = "meta-llama/Meta-Llama-3-70B-Instruct",
        };
        var minCapacity = 2;
        var maxCapacity = 2;
        var targetValue = 70.0;
        foreach (var (name, value) in inventory)
        {
            Console.WriteLine($"{name}: {value} ({minCapacity}-{maxCapacity}, {targetValue})");
        }
    }
}
