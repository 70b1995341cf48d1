using PerfLint.Knowledge.Models;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.Tests;

/// <summary>
/// Model sizes: expected figures and sources are the rows of the reference data's ml_model_parameters.csv (and
/// Data/model-families.csv), copied by hand.
/// </summary>
public class ModelCatalogTests
{
    private const string DeepSeekReadme = "deepseek-ai/DeepSeek-R1@0cf7856:README.md";
    private const string Llama2Card = "meta-llama/llama-models@a9c89c4:models/llama2/MODEL_CARD.md";

    // Each of these once matched a pattern by substring before its own size: 671B, 176B and 15.5B.
    [TestCase("deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", 7, DeepSeekReadme + " (distill table; base Qwen2.5-Math-7B)")]
    [TestCase("bigscience/bloom-560m", 0.56, "BLOOM paper arXiv:2211.05100 (model sizes 560M, 1.1B, 1.7B, 3B, 7.1B, 176B)")]
    [TestCase("bigcode/starcoder2-3b", 3, "StarCoder 2 paper arXiv:2402.19173 (3B, 7B, 15B)")]
    public void Exact_id_is_that_model_not_a_family_named_inside_it(string id, double billions, string source) =>
        AssertSize(ModelCatalog.Estimate(id), billions, source);

    [TestCase("DEEPSEEK-AI/deepseek-r1-distill-qwen-7b")]
    [TestCase("  deepseek-ai/DeepSeek-R1-Distill-Qwen-7B ")]
    public void Exact_id_matches_case_insensitively(string id) =>
        AssertSize(ModelCatalog.Estimate(id), 7, DeepSeekReadme + " (distill table; base Qwen2.5-Math-7B)");

    [TestCase("s3://b/models/Llama-2-7b-chat-hf/")]
    [TestCase("s3://b/models/Llama-2-7b-chat-hf")]
    [TestCase("Llama-2-7b-chat-hf")]
    [TestCase("/opt/ml/model/llama-2-7b-chat-hf")]
    public void Last_path_segment_matches_a_hub_id(string id) => AssertSize(ModelCatalog.Estimate(id), 7, Llama2Card);

    [Test]
    public void Whole_segment_only_a_longer_name_is_not_the_table_model()
    {
        // "Llama-2-7b-chat-hf-awq" is not a row: the size comes from its name, not from the row it starts with.
        AssertSize(ModelCatalog.Estimate("TheBloke/Llama-2-7b-chat-hf-awq"), 7, "the model name (7b)");
        Assert.That(ModelCatalog.Estimate("openai/whisper-large-v3-turbo")!.ParametersBillions, Is.EqualTo(0.809));
    }

    [TestCase("meta-llama/Meta-Llama-3.1-70B-Instruct", 70, "meta-llama/llama-models@a9c89c4:models/llama3_1/MODEL_CARD.md")]
    [TestCase("bert-base-uncased", 0.11, "google-research/bert@eedf571:README.md (\"12-layer, 768-hidden, 12-heads, 110M parameters\")")]
    [TestCase("roberta-large", 0.355, "facebookresearch/fairseq examples/roberta/README.md (roberta.large 355M)")]
    public void Also_known_as_ids_match(string id, double billions, string source) => AssertSize(ModelCatalog.Estimate(id), billions, source);

    [TestCase("acme/support-llama-13b", 13, "the model name (13b)")]
    [TestCase("acme/Support-Llama-1.5B-v2", 1.5, "the model name (1.5b)")]
    [TestCase("org/tiny-350M", 0.35, "the model name (350m)")]
    [TestCase("org/custom-8x3b", 24, "the model name (8x3b, experts x size: an upper bound)")]
    [TestCase("s3://bucket/models/acme-13b-v2/", 13, "the model name (13b)")]
    public void Size_written_in_a_name_not_in_the_table(string id, double billions, string source) =>
        AssertSize(ModelCatalog.Estimate(id), billions, source);

    [Test]
    public void Family_matches_only_the_whole_name_or_release_suffixes()
    {
        const string bloom = "BLOOM paper arXiv:2211.05100 (176B)";
        AssertSize(ModelCatalog.Estimate("bigscience/bloom"), 176, bloom);
        // The whole last segment is the table's id (bigscience/bloom); a release suffix needs the family table.
        AssertSize(ModelCatalog.Estimate("acme/bloom"), 176, bloom);
        AssertSize(ModelCatalog.Estimate("openai/whisper-large"), 1.55, "family 'whisper-large': openai/whisper@c0d2f62:README.md (model table) (large 1550 M)");
        AssertSize(ModelCatalog.Estimate("acme/BLOOM-chat-hf"), 176, "family 'bloom': " + bloom);
        AssertSize(ModelCatalog.Estimate("acme/bloom-560m-chat"), 0.56, "the model name (560m)");
        Assert.Multiple(() =>
        {
            Assert.That(ModelCatalog.Estimate("acme/bloomz"), Is.Null);
            Assert.That(ModelCatalog.Estimate("acme/bloom-awq"), Is.Null);
            Assert.That(ModelCatalog.Estimate("acme/mybloom"), Is.Null);
            Assert.That(ModelCatalog.Estimate("acme/whisper-large-turbo"), Is.Null);
        });
    }

    [Test]
    public void Mixture_of_experts_counts_every_expert()
    {
        var r1 = ModelCatalog.Estimate("deepseek-ai/DeepSeek-R1")!;
        Assert.That((r1.ParametersBillions, r1.ActiveParametersBillions), Is.EqualTo((671.0, (double?)37)));
        // 46.7B total, 12.9B per token; not the name's 8 x 7 = 56.
        var mixtral = ModelCatalog.Estimate("mistralai/Mixtral-8x7B-Instruct-v0.1")!;
        Assert.That((mixtral.ParametersBillions, mixtral.ActiveParametersBillions), Is.EqualTo((46.7, (double?)12.9)));
        Assert.That(ModelCatalog.Estimate("meta-llama/Llama-2-7b-hf")!.ActiveParametersBillions, Is.Null);
    }

    [Test]
    public void Stated_sizes_win_over_everything()
    {
        var options = new RuleOptions(key => key == "PL1004.model_parameters"
            ? "acme/private-llm:13, other-model:0.5 , meta-llama/Llama-2-7b-chat-hf:6.74, s3://b/m/model.tar.gz:3, broken, neg:-1, nan:x"
            : null);
        var stated = options.ModelParameters;
        Assert.That(stated.Keys, Is.EquivalentTo(new[] { "acme/private-llm", "other-model", "meta-llama/Llama-2-7b-chat-hf", "s3://b/m/model.tar.gz" }));

        AssertSize(ModelCatalog.Estimate("ACME/Private-LLM", stated), 13, "stated in PL1004.model_parameters");
        AssertSize(ModelCatalog.Estimate("s3://models/other-model/", stated), 0.5, "stated in PL1004.model_parameters");
        AssertSize(ModelCatalog.Estimate("meta-llama/Llama-2-7b-chat-hf", stated), 6.74, "stated in PL1004.model_parameters");
        AssertSize(ModelCatalog.Estimate("s3://b/m/model.tar.gz", stated), 3, "stated in PL1004.model_parameters");
        // A URL is matched whole: another model's model.tar.gz is not this one.
        Assert.That(ModelCatalog.Estimate("s3://b/other/model.tar.gz", stated), Is.Null);
        AssertSize(ModelCatalog.Estimate("bigscience/bloom-560m", stated), 0.56, "BLOOM paper arXiv:2211.05100 (model sizes 560M, 1.1B, 1.7B, 3B, 7.1B, 176B)");
    }

    [TestCase("acme/ranker")]
    [TestCase("shop/product-vision-resnet50")]
    [TestCase("s3://shop-models/recommendations/model.tar.gz")]
    [TestCase("")]
    [TestCase(null)]
    public void Unknown_size_is_null(string? id) => Assert.That(ModelCatalog.Estimate(id), Is.Null);

    private static void AssertSize(ModelSize? size, double billions, string source)
    {
        Assert.That(size, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(size!.ParametersBillions, Is.EqualTo(billions).Within(1e-9));
            Assert.That(size.Source, Is.EqualTo(source));
        });
    }
}
