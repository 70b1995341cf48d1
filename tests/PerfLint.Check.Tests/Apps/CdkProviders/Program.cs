using Amazon.CDK;
using CdkProviders;

// Construct ids here are what the PL1005 check tests name.
var app = new App();
new ProvidersStack(app, "ProvidersStack");
app.Synth();
