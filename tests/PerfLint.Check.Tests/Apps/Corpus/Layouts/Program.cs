using Amazon.CDK;
using LayoutsApp.Stacks.Data;
using LayoutsApp.Stacks.Ml;

var app = new App();
new DataStack(app, "Data");
new MlStage(app, "Prod");
app.Synth();
