using System.Collections.Generic;

namespace PerfLint.Knowledge.App
{
    /// <summary>One resource opening connections to another (a security-group rule, a grant, an endpoint or secret handed to compute).</summary>
    public sealed class AppConnection
    {
        public AppConnection(AppResource client, AppResource server, object? where, string how, IAppValue? rule = null)
        {
            Rule = rule;
            Client = client;
            Server = server;
            Where = where;
            How = how;
        }

        /// <summary>
        /// The <see cref="How"/> of a trigger handed to compute itself (<c>fn.AddEventSource(..)</c>, <c>fn.AddPermission(..)</c>):
        /// its source is not in the model, so the compute is both client and server.
        /// </summary>
        public static readonly IReadOnlyList<string> SelfTriggers = new[] { "AddEventSource", "AddPermission" };

        public AppResource Client { get; }

        public AppResource Server { get; }

        /// <summary>The evidence: the call or value that connects them.</summary>
        public object? Where { get; }

        /// <summary>What connects them: <c>AllowDefaultPortFrom</c>, <c>GrantConnect</c>, <c>environment</c>, an ingress rule, ...</summary>
        public string How { get; }

        /// <summary>The security-group rule that allows it (<c>IpProtocol</c>, <c>FromPort</c>, <c>ToPort</c>), when one is written; null: any port.</summary>
        public IAppValue? Rule { get; }
    }
}
