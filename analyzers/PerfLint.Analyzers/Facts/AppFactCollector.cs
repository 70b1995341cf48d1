using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfLint.Analyzers.Gating;
using PerfLint.Analyzers.Infrastructure;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// Collects, while the compiler walks the operations of a compilation, the raw facts the app-level rules need:
    /// construct creations, calls to helper methods declared in source (call chains), assignments to fields and
    /// properties declared in source (where constructs are kept), and the CDK calls that wire constructs together
    /// (<c>Connections.Allow*</c>, <c>Grant*</c>, <c>AddIngressRule</c>, <c>AddEnvironment</c>, escape-hatch
    /// property assignments). At compilation end it hands an <see cref="AppModel"/> to the rule.
    /// Only the bodies the rule's gate admits are bound and read (<see cref="OperationDispatch"/>): a whole-app rule
    /// reads the files that may hold its finding and those connected to them by name.
    /// Each analyzer registers its own collector: Roslyn gives analyzers no shared, ordered state, and separate
    /// analyzers keep per-rule timing and let a disabled rule cost nothing.
    /// </summary>
    public sealed class AppFactCollector
    {
        private readonly ConstructTypes _types;
        private readonly ConcurrentBag<Creation> _creations = new ConcurrentBag<Creation>();
        private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentBag<IOperation>> _callSites =
            new ConcurrentDictionary<IMethodSymbol, ConcurrentBag<IOperation>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, ConcurrentBag<IOperation>> _memberAssignments =
            new ConcurrentDictionary<ISymbol, ConcurrentBag<IOperation>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentBag<IInvocationOperation> _wiringCalls = new ConcurrentBag<IInvocationOperation>();
        private readonly ConcurrentBag<ISimpleAssignmentOperation> _constructPropertyAssignments = new ConcurrentBag<ISimpleAssignmentOperation>();

        private AppFactCollector(ConstructTypes types)
        {
            _types = types;
        }

        /// <summary>
        /// Registers the collection of constructs and of the calls that connect them for this compilation, and
        /// <paramref name="onEnd"/> at its end. Does nothing when the gate admits no body (the compilation holds nothing
        /// the rule could report).
        /// </summary>
        public static void Register(CompilationStartAnalysisContext context, CdkTypes cdk,
            Func<SyntaxIndex, AnalyzerOptions, CancellationToken, Func<BodyEntry, bool>> gate, Action<AppModel, CompilationAnalysisContext> onEnd)
        {
            var collector = new AppFactCollector(new ConstructTypes(cdk));
            var dispatch = new OperationDispatch();
            dispatch.Register(collector.OnCreation, OperationKind.ObjectCreation);
            dispatch.Register(collector.OnInvocation, OperationKind.Invocation);
            dispatch.Register(collector.OnAssignment, OperationKind.SimpleAssignment);
            if (!dispatch.Attach(context, cdk, gate))
            {
                return;
            }

            context.RegisterCompilationEndAction(end =>
            {
                if (collector._creations.IsEmpty)
                {
                    return;
                }

                onEnd(collector.BuildModel(end), end);
            });
        }

        private AppModel BuildModel(CompilationAnalysisContext end) =>
            new AppModel(_types.Cdk, _creations, _callSites, _memberAssignments, _wiringCalls, _constructPropertyAssignments, end.Options, end.CancellationToken);

        private void OnCreation(CdkOperationContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            RecordCallSite(creation, creation.Constructor);
            var construct = _types.Classify(creation.Type);
            if (construct != null)
            {
                _creations.Add(new Creation(creation, construct));
            }
        }

        private void OnInvocation(CdkOperationContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method == null)
            {
                return;
            }

            RecordCallSite(invocation, method);
            if (!_types.Cdk.IsCdk(method))
            {
                return;
            }

            // Factories such as db.AddProxy("Proxy", ..), cluster.AddAutoScalingGroupCapacity("Gpu", ..) or target.ScaleToTrackMetric("P", ..) create a construct.
            if (!method.IsStatic && (method.Name.StartsWith("Add", StringComparison.Ordinal) || PerfLint.Knowledge.App.CdkConstructTypes.IsFactory(method.Name)))
            {
                var construct = _types.Classify(method.ReturnType);
                if (construct != null)
                {
                    _creations.Add(new Creation(invocation, construct));
                    return;
                }
            }

            if (IsWiringCall(method))
            {
                _wiringCalls.Add(invocation);
            }
        }

        private void OnAssignment(CdkOperationContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            switch (assignment.Target)
            {
                // Constructs (and props objects) kept in fields and properties of the stack: this.Db = new DatabaseInstance(..).
                // Strings and numbers are left to ValueResolver, so only members of reference types other than string are kept.
                case IMemberReferenceOperation member when (member is IFieldReferenceOperation || member is IPropertyReferenceOperation) && IsInSource(member.Member) &&
                                                           HoldsObjects(member.Type) && !(assignment.Parent is IObjectOrCollectionInitializerOperation):
                    _memberAssignments.GetOrAdd(member.Member.OriginalDefinition, _ => new ConcurrentBag<IOperation>()).Add(assignment.Value);
                    break;
                // Escape hatches on a construct after its creation: cfnAsg.PlacementGroup = pg.PlacementGroupName.
                case IPropertyReferenceOperation cdkProperty when cdkProperty.Instance != null &&
                                                                  !(cdkProperty.Instance is IInstanceReferenceOperation) &&
                                                                  _types.Cdk.IsCdk(cdkProperty.Property) &&
                                                                  _types.Classify(cdkProperty.Property.ContainingType) != null:
                    _constructPropertyAssignments.Add(assignment);
                    break;
            }
        }

        private void RecordCallSite(IOperation call, IMethodSymbol? method)
        {
            if (method != null && method.Parameters.Length > 0 && IsInSource(method))
            {
                _callSites.GetOrAdd(method.OriginalDefinition, _ => new ConcurrentBag<IOperation>()).Add(call);
            }
        }

        private static bool IsInSource(ISymbol symbol) => !symbol.DeclaringSyntaxReferences.IsEmpty;

        private static bool HoldsObjects(ITypeSymbol? type) =>
            type != null && type.SpecialType != SpecialType.System_String &&
            (type.TypeKind == TypeKind.Class || type.TypeKind == TypeKind.Interface || type.TypeKind == TypeKind.Array);

        /// <summary>The CDK calls, besides every <c>Grant*</c>, that may wire one construct to another.</summary>
        public static readonly ImmutableHashSet<string> WiringMethods = ImmutableHashSet.Create(StringComparer.Ordinal,
            "AllowFrom", "AllowTo", "AllowDefaultPortFrom", "AllowDefaultPortTo", "AllowToDefaultPort",
            "AddIngressRule", "AddEgressRule", "AddEnvironment", "AddPropertyOverride", "AddOverride",
            "AddBehavior", "AddSecurityGroup", "AddTarget", "AddEventSource", "AddPermission", "AddToRolePolicy", "AddToPrincipalPolicy");

        private static bool IsWiringCall(IMethodSymbol method) =>
            method.Name.StartsWith("Grant", StringComparison.Ordinal) || WiringMethods.Contains(method.Name);
    }
}
