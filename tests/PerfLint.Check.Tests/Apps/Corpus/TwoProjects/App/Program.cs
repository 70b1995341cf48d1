using Amazon.CDK;
using Storage.Library;

var app = new App();
var stack = new Stack(app, "ArchiveStack");
new ArchiveStore(stack, "Archive");
app.Synth();
