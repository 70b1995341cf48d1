using Amazon.CDK;
using WholeApp;

// Every stack of the app. Construct ids here are what `perflint check` maps back to C# lines.
var app = new App();
if (System.Environment.GetEnvironmentVariable("WHOLEAPP_STACK") == "Ec2FleetStack")
{
    // Synthesized alone (Ec2FleetFindingsTests): the other tests judge every finding of the stacks below.
    new Ec2FleetStack(app, "Ec2FleetStack");
    app.Synth();
    return;
}

if (System.Environment.GetEnvironmentVariable("WHOLEAPP_STACK") == "InferenceModesStack")
{
    // Synthesized alone (InferenceModeFindingsTests), as Ec2FleetStack.
    new InferenceModesStack(app, "InferenceModesStack");
    app.Synth();
    return;
}

if (System.Environment.GetEnvironmentVariable("WHOLEAPP_STACK") == "AcceleratedStack")
{
    // Synthesized alone (AcceleratedFindingsTests): EFA fleets and an accelerated endpoint's scaling metric.
    new AcceleratedStack(app, "AcceleratedStack");
    app.Synth();
    return;
}

if (System.Environment.GetEnvironmentVariable("WHOLEAPP_STACK") == "AcceleratorRoleStack")
{
    // Synthesized alone (AcceleratorRoleFindingsTests): a training instance serving a small model, EFS read by a GPU.
    new AcceleratorRoleStack(app, "AcceleratorRoleStack");
    app.Synth();
    return;
}

if (System.Environment.GetEnvironmentVariable("WHOLEAPP_STACK") == "ScheduledInferenceStack")
{
    // Synthesized alone (ScheduledEndpointFindingsTests): real-time endpoints whose callers run on schedules.
    new ScheduledInferenceStack(app, "ScheduledInferenceStack");
    app.Synth();
    return;
}

var config = FleetConfig.Load();
var compute = new ComputeStack(app, "ComputeStack", config);
var endpoints = new EndpointsStack(app, "EndpointsStack", config);
var scaling = new ScalingStack(app, "ScalingStack");
scaling.AddDependency(endpoints);
new WebsiteStage(app, "Prod");
app.Synth();
