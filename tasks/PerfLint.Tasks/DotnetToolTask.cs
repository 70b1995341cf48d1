using System;
using System.IO;
using Microsoft.Build.Utilities;

namespace PerfLint.Tasks
{
    /// <summary>
    /// A ToolTask that runs <c>dotnet exec …</c> (the CDK app, or the perflint runner) out of process: MSBuild starts it,
    /// streams its output to <see cref="ToolTask.LogEventsFromTextOutput"/>, and kills its whole process tree on
    /// cancellation or timeout (the CDK app starts node through jsii).
    /// </summary>
    public abstract class DotnetToolTask : ToolTask
    {
        /// <summary>The dotnet host; defaults to DOTNET_HOST_PATH (set by `dotnet build`), else "dotnet" on PATH.</summary>
        public string? DotnetHostPath { get; set; }

        protected override string ToolName => Path.GetFileName(Host());

        protected override string GenerateFullPathToTool() => Host();

        private string Host()
        {
            var host = !string.IsNullOrEmpty(DotnetHostPath) ? DotnetHostPath : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return string.IsNullOrEmpty(host) ? "dotnet" : host!;
        }
    }
}
