using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace PerfLint.Analyzers.Tests.Infrastructure;

/// <summary>
/// Metadata references shared by every test, created once: the .NET 8 reference assemblies (Basic.Reference.Assemblies,
/// no NuGet download) and the real Amazon.CDK.Lib 2.160.0, Constructs and Amazon.JSII.Runtime assemblies that the
/// test project's package reference copies to the bin folder.
/// </summary>
public static class TestReferences
{
    /// <summary>.NET 8 reference assemblies.</summary>
    public static ImmutableArray<MetadataReference> Net80 { get; } =
        Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().ToImmutableArray();

    /// <summary>Amazon.CDK.Lib, Constructs and Amazon.JSII.Runtime.</summary>
    public static ImmutableArray<MetadataReference> Cdk { get; } = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(Amazon.CDK.Stack).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Constructs.Construct).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Amazon.JSII.Runtime.Deputy.DeputyBase).Assembly.Location));

    /// <summary>Net80 + CDK.</summary>
    public static ImmutableArray<MetadataReference> All { get; } = Net80.AddRange(Cdk);

    /// <summary>
    /// A <see cref="ReferenceAssemblies"/> that resolves nothing from NuGet: the tests add <see cref="Net80"/>
    /// themselves (the package download of Microsoft.NETCore.App.Ref is not needed).
    /// </summary>
    public static ReferenceAssemblies None { get; } = new ReferenceAssemblies("net8.0");

    /// <summary>The usings every CDK test source starts with (prepend with <see cref="WithUsings"/>).</summary>
    public const string CdkUsings =
        "using System;\n" +
        "using System.Collections.Generic;\n" +
        "using Amazon.CDK;\n" +
        "using Amazon.CDK.AWS.EC2;\n" +
        "using Constructs;\n";
}
