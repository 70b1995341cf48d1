using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfLint.Analyzers.Infrastructure;

namespace PerfLint.Analyzers.Rules
{
    /// <summary>What the machine image next to an instance type allows when the type moves to Graviton.</summary>
    internal enum MachineImageArchitecture
    {
        /// <summary>No image in the same initializer: the instance class alone decides.</summary>
        Absent,

        /// <summary>A Windows Server AMI: EC2 has no arm64 Windows AMIs, so Graviton is not an option.</summary>
        Windows,

        /// <summary>An Amazon Linux image with <c>CpuType = AmazonLinuxCpuType.ARM_64</c>: a Graviton class fits it.</summary>
        Arm64,

        /// <summary>An image of a fixed architecture that is x86_64 (Amazon Linux's default) or unknown to PerfLint (AMI ids, lookups, variables).</summary>
        Fixed,
    }

    /// <summary>
    /// Reads the machine image given next to an instance type (<c>InstanceProps</c>, <c>LaunchTemplateProps</c>,
    /// <c>AutoScalingGroupProps</c>: <c>MachineImage</c>; <c>CfnInstanceProps</c> and launch template data:
    /// <c>ImageId</c>). Only expressions written in the initializer are read; anything else counts as fixed.
    /// </summary>
    internal static class MachineImages
    {
        private const string Ec2Namespace = "Amazon.CDK.AWS.EC2";

        public static MachineImageArchitecture Of(CdkSink sink)
        {
            var image = CdkSinks.Sibling(sink, "MachineImage");
            if (image != null)
            {
                return Classify(Unwrap(image));
            }

            return CdkSinks.Sibling(sink, "ImageId") != null ? MachineImageArchitecture.Fixed : MachineImageArchitecture.Absent;
        }

        private static MachineImageArchitecture Classify(IOperation image)
        {
            switch (image)
            {
                // MachineImage.LatestWindows(..), MachineImage.GenericWindows(..); MachineImage.LatestAmazonLinux2(props) etc.
                case IInvocationOperation call when call.TargetMethod.ContainingType?.Name == "MachineImage" &&
                                                    CdkTypes.InNamespace(call.TargetMethod.ContainingType, Ec2Namespace):
                    if (call.TargetMethod.Name == "LatestWindows" || call.TargetMethod.Name == "GenericWindows")
                    {
                        return MachineImageArchitecture.Windows;
                    }

                    return HasArm64CpuType(call.Arguments) ? MachineImageArchitecture.Arm64 : MachineImageArchitecture.Fixed;

                // new WindowsImage(..), new GenericWindowsImage(..); new AmazonLinuxImage(props) etc.
                case IObjectCreationOperation creation when CdkTypes.InNamespace(creation.Type, Ec2Namespace):
                    if (creation.Type?.Name == "WindowsImage" || creation.Type?.Name == "GenericWindowsImage")
                    {
                        return MachineImageArchitecture.Windows;
                    }

                    return HasArm64CpuType(creation.Arguments) ? MachineImageArchitecture.Arm64 : MachineImageArchitecture.Fixed;

                default:
                    return MachineImageArchitecture.Fixed;
            }
        }

        /// <summary>An argument <c>new ...Props { CpuType = AmazonLinuxCpuType.ARM_64 }</c> (the CDK's default is X86_64).</summary>
        private static bool HasArm64CpuType(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments) =>
            arguments.Select(a => Unwrap(a.Value)).OfType<IObjectCreationOperation>().Any(props =>
                props.Initializer != null && props.Initializer.Initializers.Any(i =>
                    i is ISimpleAssignmentOperation assignment &&
                    assignment.Target is IPropertyReferenceOperation property && property.Property.Name == "CpuType" &&
                    Unwrap(assignment.Value) is IFieldReferenceOperation field && field.Field.Name == "ARM_64" &&
                    field.Field.ContainingType?.Name == "AmazonLinuxCpuType" && CdkTypes.InNamespace(field.Field.ContainingType, Ec2Namespace)));

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
