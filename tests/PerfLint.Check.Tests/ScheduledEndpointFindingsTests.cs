using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>
/// PL5004 (Apps/WholeApp/ScheduledInferenceStack.cs, synthesized for real): the callers and schedules are read from
/// the template (references, IAM policies, Lambda permissions) by the same whole-app rule as in the analyzers.
/// Messages are written by hand: rate(1 hour) runs 24 times a day, cron(0 2 * * ? *) once; an endpoint runs 24 h/day.
/// </summary>
[TestFixture]
public sealed class ScheduledEndpointFindingsTests
{
    private const string Advice = " and pays for the idle hours between runs; run the scheduled predictions as Batch Transform " +
                                  "(Step Functions SageMakerCreateTransformJob) or use asynchronous inference, which can scale to zero instances between requests";

    private static CheckRun.Result? _result;

    private static CheckRun.Result Result => _result ??= CheckRun.Json(
        Synth.Run(Paths.WholeAppAssembly, "scheduledinference", new Dictionary<string, string> { ["WHOLEAPP_STACK"] = "ScheduledInferenceStack" }),
        "--project", Paths.WholeAppSources, "--editorconfig", CheckRun.EditorConfig());

    [Test]
    public void EndpointCalledOnlyByAnHourlyFunctionIsReported()
    {
        var finding = Result.Single("PL5004", "ScheduledInferenceStack/Scorer");
        Assert.That(finding.GetProperty("severity").GetString(), Is.EqualTo("info"));
        Assert.That(finding.GetProperty("message").GetString(), Is.EqualTo(
            "Real-time SageMaker endpoint 'scorer' is called only on a schedule ('ScheduledInferenceStack/Hourly' rate(1 hour), 24 runs/day): it runs 24 h/day, 48 instance-hours/day (2 instances)" + Advice));
    }

    [Test]
    public void EndpointCalledThroughANightlyScheduledStateMachineIsReported()
    {
        var finding = Result.Single("PL5004", "ScheduledInferenceStack/Ranker");
        Assert.That(finding.GetProperty("message").GetString(), Is.EqualTo(
            "Real-time SageMaker endpoint 'ranker' is called only on a schedule ('ScheduledInferenceStack/Nightly' cron(0 2 * * ? *), 1 run/day): it runs 24 h/day, 24 instance-hours/day (1 instance)" + Advice));
    }

    [Test]
    public void EndpointWhoseScheduledCallerIsAlsoBehindAnApiIsNotReported() =>
        Assert.That(Result.FindingsOf("PL5004").Select(f => f.GetProperty("constructPath").GetString()),
            Is.EquivalentTo(new[] { "ScheduledInferenceStack/Scorer", "ScheduledInferenceStack/Ranker" }), Result.Summary);
}
