using Amazon.CDK;
using WholeApp;

// Every stack of the app. Construct ids here are what `perflint check` maps back to C# lines.
var config = FleetConfig.Load();
var app = new App();
var compute = new ComputeStack(app, "ComputeStack", config);
var endpoints = new EndpointsStack(app, "EndpointsStack", config);
var scaling = new ScalingStack(app, "ScalingStack");
scaling.AddDependency(endpoints);
new WebsiteStage(app, "Prod");
app.Synth();
