using System.Text;
using PerfLint.Check.Intrinsics;
using PerfLint.Check.Templates;
using PerfLint.Json;
using PerfLint.Knowledge.App;

namespace PerfLint.Check.Checks;

/// <summary>
/// The service-integration tasks of a Step Functions state machine that the app model knows as constructs of their own
/// (<see cref="CdkConstructTypes.SageMakerTrainingTask"/>): CDK writes a task's parameters into the state machine's
/// <c>DefinitionString</c> (an <c>Fn::Join</c> of JSON text and references), not as a resource.
/// </summary>
internal static class StateMachineTasks
{
    /// <summary>The integration resource a training task calls (<c>.sync</c> or not); the partition may be a reference.</summary>
    private const string CreateTrainingJob = ":states:::sagemaker:createTrainingJob";

    /// <summary>Each training task's <c>Parameters</c>, the template node its findings are shown at and that node's property.</summary>
    public static IEnumerable<(string Type, string State, JsonNode Parameters, JsonNode ShownAt, string Property)> Of(TemplateResource machine, IntrinsicResolver resolver)
    {
        if (machine.Type != "AWS::StepFunctions::StateMachine" || machine.Properties is not { } props)
        {
            return [];
        }

        // An L1 may write the definition as an object: its nodes are the template's own and show where they are.
        if (props["Definition"] is JsonObjectNode inline)
        {
            return Tasks(inline, shownAt: null, "Definition");
        }

        if (props["DefinitionString"] is not { } text || resolver.ResolveString(text, machine.Stack) is not { } json)
        {
            return [];
        }

        // References resolve to placeholders inside the JSON strings ("arn:{{?}}:states:::..."): the text stays JSON.
        JsonNode definition;
        try
        {
            definition = PositionedJsonParser.Parse(Encoding.UTF8.GetBytes(json), machine.ConstructPath);
        }
        catch (JsonSyntaxException)
        {
            return [];
        }

        return Tasks(definition, shownAt: text, "DefinitionString");
    }

    private static IEnumerable<(string, string, JsonNode, JsonNode, string)> Tasks(JsonNode definition, JsonNode? shownAt, string property)
    {
        if (definition is not JsonObjectNode { } root || root["States"] is not JsonObjectNode states)
        {
            yield break;
        }

        foreach (var state in states.Properties)
        {
            if (state.Value is not JsonObjectNode body)
            {
                continue;
            }

            if (body["Resource"] is JsonScalarNode { Kind: JsonScalarKind.String } resource &&
                resource.Text.Contains(CreateTrainingJob, StringComparison.Ordinal) && body["Parameters"] is JsonObjectNode parameters)
            {
                yield return (CdkConstructTypes.SageMakerTrainingTask, state.Name, parameters, shownAt ?? parameters, property);
            }

            // Parallel branches and Map iterations hold states of their own.
            var nested = (body["Branches"] as JsonArrayNode)?.Items ?? [];
            foreach (var inner in nested.Append(body["Iterator"]).Append(body["ItemProcessor"]).OfType<JsonNode>())
            {
                foreach (var task in Tasks(inner, shownAt, property))
                {
                    yield return task;
                }
            }
        }
    }
}
