using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>Bad input gets one clear message and exit code 2; unknown shapes are skipped, never a crash.</summary>
[TestFixture]
public sealed class BadInputTests
{
    [Test]
    public void DirectoryWithoutManifestIsNotACloudAssembly()
    {
        var dir = Paths.NewScratchDirectory("empty");
        var result = CheckRun.Run(dir);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("not a cloud assembly (no manifest.json)"));
    }

    [Test]
    public void MissingPathIsReported()
    {
        var result = CheckRun.Run(Path.Combine(Paths.RunDirectory, "does-not-exist"));
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("no such file or directory"));
    }

    [Test]
    public void MalformedTemplateGivesFileLineAndColumn()
    {
        var dir = TemplateAssembly.Write(("Broken", "{\n  \"Resources\": {\n    \"A\": { \"Type\": \"AWS::EC2::Volume\" \"Properties\": {} }\n  }\n}"));
        var result = CheckRun.Run(dir);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        var template = Path.Combine(dir, "Broken.template.json");
        Assert.That(result.Stderr, Does.Contain(template + "(3,"), result.Stderr);
        Assert.That(result.Stderr, Does.Contain("malformed JSON"));
        var column = int.Parse(System.Text.RegularExpressions.Regex.Match(result.Stderr, @"\(3,(\d+)\)").Groups[1].Value);
        Assert.That(File.ReadAllLines(template)[2][(column - 1)..], Does.StartWith("\"Properties\""), "the column points at the unexpected token");
    }

    [Test]
    public void MalformedManifest()
    {
        var dir = Paths.NewScratchDirectory("badmanifest");
        File.WriteAllText(Path.Combine(dir, "manifest.json"), "{ \"artifacts\": [ }");
        var result = CheckRun.Run(dir);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("manifest.json(1,"));
    }

    [Test]
    public void ManifestNamesAMissingTemplate()
    {
        var dir = TemplateAssembly.Write(("Gone", "{}"));
        File.Delete(Path.Combine(dir, "Gone.template.json"));
        var result = CheckRun.Run(dir);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("Gone.template.json: template file missing"));
    }

    [Test]
    public void UnknownShapesAreSkipped()
    {
        const string template = """
        {
          "Resources": {
            "NoType": { "Properties": { "InstanceType": "m4.large" } },
            "Custom": { "Type": "Custom::Thing", "Properties": { "InstanceType": "m4.large" } },
            "NumberType": { "Type": "AWS::EC2::Instance", "Properties": { "InstanceType": 42, "BlockDeviceMappings": "not-a-list" } },
            "ObjectType": { "Type": "AWS::EC2::Instance", "Properties": { "InstanceType": { "Fn::If": ["Cond", "m4.large", "m5.large"] } } },
            "NoProperties": { "Type": "AWS::SageMaker::EndpointConfig" },
            "BadVariants": { "Type": "AWS::SageMaker::EndpointConfig", "Properties": { "ProductionVariants": [ 1, "x", { "InstanceType": ["ml.g5.xlarge"] } ] } },
            "Scalar": "just a string",
            "Real": { "Type": "AWS::EC2::Volume", "Properties": { "VolumeType": "io1" } }
          },
          "Outputs": { "Odd": { "Value": { "Fn::ImportValue": { "Fn::Select": [9, []] } }, "Export": { "Name": 5 } } }
        }
        """;
        var result = CheckRun.Json(TemplateAssembly.Write(("Odd", template)), "--editorconfig", CheckRun.EditorConfig());
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Summary, Is.EqualTo("PL4002 Odd/Real"));
        Assert.That(result.Json.GetProperty("notes").EnumerateArray().Select(n => n.GetString()), Has.Some.Contains("'NoType' has no Type"));
    }

    // Messages of the command-line library, and of the definition's own value checks, with the generated help.
    [TestCase(new string[0], "perflint check: Required argument 'cloud-assembly' missing for command: 'check'.")]
    [TestCase(new[] { "a", "b" }, "perflint check: Unrecognized command or argument 'b'.")]
    [TestCase(new[] { "--fial-on", "never", "a" }, "perflint check: Unrecognized command or argument '--fial-on'.")]
    [TestCase(new[] { "a", "--format", "xml" }, "perflint check: unknown format 'xml' (text, sarif, json, msbuild, markdown)")]
    [TestCase(new[] { "a", "--output" }, "perflint check: Required argument missing for option: '--output'.")]
    [TestCase(new[] { "a", "--fail-on", "sometimes" }, "perflint check: unknown --fail-on 'sometimes' (error, warning, info, never)")]
    public void UsageErrors(string[] args, string message)
    {
        var result = CheckRun.Run(args);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr.Split('\n').Select(l => l.TrimEnd()), Does.Contain(message).And.Contain("  perflint check <cloud-assembly> [options]"));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public void FormatAndFailOnIgnoreCase()
    {
        var dir = TemplateAssembly.Write(("Solo", """{ "Resources": { "V": { "Type": "AWS::EC2::Volume", "Properties": { "VolumeType": "gp2" } } } }"""));
        var result = CheckRun.Run(dir, "--format", "JSON", "--fail-on", "Warning", "--editorconfig", CheckRun.EditorConfig());
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Stderr);
        Assert.That(result.Summary, Is.EqualTo("PL4001 Solo/V"));
    }

    // The other files of a cloud assembly, as cdk synth writes them (shapes from aws-cdk's cloud-assembly-schema).
    [TestCase("tree.json", "{ \"version\": \"tree-0.1\", \"tree\": { \"id\": \"App\", \"path\": \"\" } }", "the construct tree (tree.json)")]
    [TestCase("App.assets.json", "{ \"version\": \"38.0.1\", \"files\": {}, \"dockerImages\": {} }", "an asset manifest (*.assets.json)")]
    [TestCase("cdk.out", "{\"version\":\"38.0.1\"}", "the cloud assembly's version marker (cdk.out)")]
    [TestCase("package.json", "{ \"name\": \"x\", \"version\": \"1.0.0\" }", "a JSON file without Resources")]
    [TestCase("list.json", "[1, 2]", "the root is not an object")]
    public void AFileThatIsNotATemplateSaysWhatItIs(string name, string content, string what)
    {
        var file = Path.Combine(Paths.NewScratchDirectory("not-template"), name);
        File.WriteAllText(file, content);
        var result = CheckRun.Run(file);
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stdout);
        Assert.That(result.Stderr.Trim(), Is.EqualTo($"perflint check: {file}: {what}, not a CloudFormation template; pass the cdk.out directory (its manifest.json) or a *.template.json file"));
    }

    [Test]
    public void WithoutAProjectTheReportSaysNoEditorConfigApplies()
    {
        // A cloud assembly under /tmp: no .csproj in or above it.
        var dir = Directory.CreateTempSubdirectory("perflint-noproject-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "manifest.json"), "{ \"version\": \"38.0.0\", \"artifacts\": { \"Solo\": { \"type\": \"aws:cloudformation:stack\", \"properties\": { \"templateFile\": \"Solo.template.json\" } } } }");
            File.WriteAllText(Path.Combine(dir, "Solo.template.json"), "{ \"Resources\": {} }");
            var result = CheckRun.Json(dir);
            Assert.That(result.ExitCode, Is.Zero, result.Stderr);
            Assert.That(result.Json.GetProperty("notes").EnumerateArray().Select(n => n.GetString()),
                Is.EqualTo(new[] { $"no C# project found in or above {dir}: no .editorconfig applies and findings are not mapped to C# (pass --project or --editorconfig)" }));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void SingleTemplateFileIsAccepted()
    {
        var dir = TemplateAssembly.Write(("Solo", """{ "Resources": { "V": { "Type": "AWS::EC2::Volume", "Properties": { "VolumeType": "gp2" } } } }"""));
        var result = CheckRun.Json(Path.Combine(dir, "Solo.template.json"), "--editorconfig", CheckRun.EditorConfig());
        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.Summary, Is.EqualTo("PL4001 Solo/V"));
    }
}
