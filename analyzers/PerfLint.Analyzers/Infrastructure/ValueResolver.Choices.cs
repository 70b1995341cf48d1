using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PerfLint.Analyzers.Infrastructure
{
    public static partial class ValueResolver
    {
        /// <summary>The longest selector a branch is named by (<c>when stage is "prod"</c>); a longer one is not quoted.</summary>
        private const int MaxSelectorLength = 40;

        /// <summary>One expression a choice may yield, and the branch that picks it when it is reported in <see cref="Arm"/>.</summary>
        private readonly struct Choice
        {
            public Choice(IOperation? value, ParameterBindings? bindings, bool fromCallSite, SyntaxNode? arm = null, string? branch = null, bool isEntry = false)
            {
                Value = value;
                Bindings = bindings;
                FromCallSite = fromCallSite;
                Arm = arm;
                Branch = branch;
                IsEntry = isEntry;
            }

            /// <summary>True for an entry of a collection (a setting, see <see cref="ResolvedValue.FromSettings"/>).</summary>
            public bool IsEntry { get; }

            public IOperation? Value { get; }

            public ParameterBindings? Bindings { get; }

            public bool FromCallSite { get; }

            public SyntaxNode? Arm { get; }

            public string? Branch { get; }
        }

        private sealed partial class Walker
        {
            /// <summary>
            /// The expressions a choice can yield, each a candidate value: both branches of <c>?:</c> and <c>??</c>, the
            /// arms of a switch expression (only those a known selector can take), the entries of a dictionary, array or
            /// list that an indexer or <c>TryGetValue</c> reads (only those a known key can read). Null: no choice.
            /// </summary>
            private List<Choice>? Choices(IOperation op, ParameterBindings? bindings, int depth, bool fromCallSite)
            {
                switch (op)
                {
                    case IConditionalOperation conditional when conditional.WhenFalse != null && !conditional.ConstantValue.HasValue:
                        var condition = Named(conditional.Condition);
                        return new List<Choice>
                        {
                            new Choice(conditional.WhenTrue, bindings, fromCallSite, conditional.WhenTrue.Syntax, condition == null ? null : "when " + condition + " is true"),
                            new Choice(conditional.WhenFalse, bindings, fromCallSite, conditional.WhenFalse.Syntax, condition == null ? null : "when " + condition + " is false"),
                        };
                    case ICoalesceOperation coalesce:
                        var tested = Named(coalesce.Value);
                        return new List<Choice>
                        {
                            new Choice(coalesce.Value, bindings, fromCallSite),
                            new Choice(coalesce.WhenNull, bindings, fromCallSite, coalesce.WhenNull.Syntax, tested == null ? null : "when " + tested + " is null"),
                        };
                    case ISwitchExpressionOperation switchExpression:
                        return SwitchArms(switchExpression, bindings, depth, fromCallSite);
                    case IPropertyReferenceOperation { Property: { IsIndexer: true }, Instance: { } collection, Arguments: { Length: 1 } arguments } indexer
                        when !_cdk.IsCdk(indexer.Property):
                        return Lookup(collection, arguments[0].Value, bindings, depth, fromCallSite);
                    case IArrayElementReferenceOperation { Indices: { Length: 1 } indices } element:
                        return Lookup(element.ArrayReference, indices[0], bindings, depth, fromCallSite);
                    case IArgumentOperation argument when SourceFlowCache.IsLookupOut(argument):
                        var tryGet = (IInvocationOperation)argument.Parent!;
                        return Lookup(tryGet.Instance!, tryGet.Arguments[0].Value, bindings, depth, fromCallSite);
                    default:
                        return null;
                }
            }

            /// <summary>The values of every choice; a value reported in its arm carries the arm's branch.</summary>
            private List<ResolvedValue> Choose(List<Choice> choices, SyntaxNode? anchor, int depth)
            {
                var values = new List<ResolvedValue>();
                foreach (var choice in choices)
                {
                    foreach (var value in Resolve(choice.Value, choice.Bindings, anchor, depth + 1, choice.FromCallSite))
                    {
                        var picked = choice.Branch != null && Within(value.Node, choice.Arm!) ? value.InBranch(choice.Branch) : value;
                        values.Add(choice.IsEntry ? picked.AsSetting() : picked);
                    }

                    if (values.Count >= MaxValues)
                    {
                        break;
                    }
                }

                return values;
            }

            private List<Choice> SwitchArms(ISwitchExpressionOperation switchExpression, ParameterBindings? bindings, int depth, bool fromCallSite)
            {
                // A selector with known values takes only the arms they match (a discard: whatever no arm before took).
                var open = KnownKeys(switchExpression.Value, bindings, depth, fromCallSite);
                var selector = Visible(switchExpression.Value);
                var arms = new List<Choice>();
                foreach (var arm in switchExpression.Arms)
                {
                    if (open != null && !Takes(arm.Pattern, arm.Guard != null, open, depth))
                    {
                        continue;
                    }

                    var branch = selector == null ? null : "when " + selector + " is " + PatternText(arm.Pattern.Syntax, arm.Guard?.Syntax);
                    arms.Add(new Choice(arm.Value, bindings, fromCallSite, arm.Value.Syntax, branch));
                }

                return arms;
            }

            /// <summary>Whether an arm can be taken by one of the selector's <paramref name="open"/> values; those it surely takes are closed.</summary>
            private bool Takes(IPatternOperation pattern, bool guarded, HashSet<string> open, int depth)
            {
                switch (pattern)
                {
                    case IDiscardPatternOperation _:
                        var any = open.Count > 0;
                        if (!guarded)
                        {
                            open.Clear();
                        }

                        return any;
                    case IConstantPatternOperation constant:
                        var key = SingleKey(constant.Value, depth);
                        if (key == null)
                        {
                            return true;
                        }

                        return guarded ? open.Contains(key) : open.Remove(key);
                    default:
                        return true; // a relational, type or combined pattern: not judged, the arm stays a candidate
                }
            }

            /// <summary>
            /// The entries of the collection <paramref name="collection"/> that the key <paramref name="key"/> can read:
            /// every entry, or only those whose key (dictionary) or position (array, list) a known key names.
            /// </summary>
            private List<Choice> Lookup(IOperation collection, IOperation key, ParameterBindings? bindings, int depth, bool fromCallSite)
            {
                var keys = KnownKeys(key, bindings, depth, fromCallSite);
                var selector = Visible(key);
                var entries = new List<Choice>();
                foreach (var source in Objects(collection, bindings, null, depth + 1, fromCallSite))
                {
                    var position = 0;
                    foreach (var (entryKey, value) in EntriesOf(source.Operation))
                    {
                        var entryKeyText = entryKey == null ? Key(position++) : SingleKey(entryKey, depth);
                        if (keys != null && entryKeyText != null && !keys.Contains(entryKeyText))
                        {
                            continue;
                        }

                        var branch = selector == null || entryKey == null ? null : "when " + selector + " is " + OneLine(entryKey.Syntax.ToString());
                        entries.Add(new Choice(value, source.Bindings, source.FromCallSite, value.Syntax, branch, isEntry: true));
                    }
                }

                return entries;
            }

            /// <summary>The key (null: a list or array element, keyed by position) and value of each entry a collection is created with.</summary>
            private static IEnumerable<(IOperation? Key, IOperation Value)> EntriesOf(IOperation creation)
            {
                switch (creation)
                {
                    case IArrayCreationOperation { Initializer: { } array }:
                        foreach (var element in array.ElementValues)
                        {
                            yield return (null, element);
                        }

                        break;
                    case IOperation collection when IsCollectionExpression(collection):
                        // A spread (..other) hides how many elements come before the next one: no position is known.
                        if (collection.ChildOperations.All(e => e.Syntax.Parent is ExpressionElementSyntax))
                        {
                            foreach (var element in collection.ChildOperations)
                            {
                                yield return (null, element);
                            }
                        }

                        break;
                    case IObjectCreationOperation { Initializer: { } initializer }:
                        foreach (var entry in initializer.Initializers)
                        {
                            switch (entry)
                            {
                                case IInvocationOperation { Arguments: { Length: 1 } item }: // list.Add(v)
                                    yield return (null, item[0].Value);
                                    break;
                                case IInvocationOperation { Arguments: { Length: 2 } pair }: // { key, value }
                                    yield return (pair[0].Value, pair[1].Value);
                                    break;
                                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { IsIndexer: true }, Arguments: { Length: 1 } index } } set:
                                    yield return (index[0].Value, set.Value); // [key] = value
                                    break;
                            }
                        }

                        break;
                }
            }

            /// <summary>
            /// The values a local assigned in several sections of one switch statement can have (the declaration's
            /// initializer too, when it has one), each naming its case; null when some assignment is elsewhere (an
            /// <c>if</c> that may or may not run: the local is not followed, as before).
            /// </summary>
            private List<ResolvedValue>? SwitchSections(IReadOnlyList<IOperation> assignments, ParameterBindings? bindings, SyntaxNode? anchor, int depth, bool fromCallSite)
            {
                ISwitchOperation? statement = null;
                foreach (var value in assignments)
                {
                    var section = EnclosingCase(value);
                    if (section == null ? !(value.Parent is IVariableInitializerOperation) : statement != null && section.Parent != statement)
                    {
                        return null;
                    }

                    statement ??= section?.Parent as ISwitchOperation;
                }

                if (statement == null)
                {
                    return null;
                }

                var values = new List<ResolvedValue>();
                foreach (var value in assignments)
                {
                    values.AddRange(InCase(value, Resolve(value, bindings, anchor, depth + 1, fromCallSite)));
                }

                return values;
            }

            /// <summary><paramref name="values"/> of <paramref name="value"/>, each naming the switch section that holds it (when reported there).</summary>
            private IEnumerable<ResolvedValue> InCase(IOperation value, List<ResolvedValue> values)
            {
                var section = EnclosingCase(value);
                var selector = section?.Parent is ISwitchOperation statement ? Visible(statement.Value) : null;
                if (selector == null || values.Count == 0)
                {
                    return values;
                }

                var labels = section!.Clauses.Select(c => c is IDefaultCaseClauseOperation ? "anything else"
                    : c is ISingleValueCaseClauseOperation single ? OneLine(single.Value.Syntax.ToString())
                    : c is IPatternCaseClauseOperation pattern ? PatternText(pattern.Pattern.Syntax, pattern.Guard?.Syntax)
                    : null).ToList();
                if (labels.Any(l => l == null))
                {
                    return values;
                }

                var branch = "when " + selector + " is " + string.Join(" or ", labels);
                return values.Select(v => Within(v.Node, value.Syntax) ? v.InBranch(branch) : v);
            }

            /// <summary>The switch section a value is written in (not across a lambda or local function), or null.</summary>
            private static ISwitchCaseOperation? EnclosingCase(IOperation value)
            {
                for (var op = value.Parent; op != null; op = op.Parent)
                {
                    if (op is ISwitchCaseOperation section)
                    {
                        return section;
                    }

                    if (op is IAnonymousFunctionOperation || op is ILocalFunctionOperation || op is IMethodBodyBaseOperation)
                    {
                        return null;
                    }
                }

                return null;
            }

            /// <summary>The keys of the values a selector or lookup key can have; null when any is unknown.</summary>
            private HashSet<string>? KnownKeys(IOperation selector, ParameterBindings? bindings, int depth, bool fromCallSite)
            {
                var values = Resolve(selector, bindings, null, depth + 1, fromCallSite);
                if (values.Count == 0)
                {
                    return null;
                }

                var keys = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (var value in values)
                {
                    var key = KeyOf(value);
                    if (key == null)
                    {
                        return null;
                    }

                    keys.Add(key);
                }

                return keys;
            }

            /// <summary>The key of a pattern's or entry's constant (<c>"prod"</c>, <c>Stage.Prod</c>), or null.</summary>
            private string? SingleKey(IOperation constant, int depth)
            {
                var values = Resolve(constant, null, null, depth + 1, false);
                return values.Count == 1 ? KeyOf(values[0]) : null;
            }

            private static string? KeyOf(ResolvedValue value) =>
                value.Kind == ResolvedValueKind.String ? "s:" + value.Text
                : value.Kind == ResolvedValueKind.Number ? Key(value.Number!.Value)
                : value.Kind == ResolvedValueKind.Boolean ? "b:" + value.Constant
                : value.Kind == ResolvedValueKind.Member ? "m:" + value.Member!.ToDisplayString()
                : null;

            private static string Key(double number) => "n:" + number.ToString("R", CultureInfo.InvariantCulture);

            private static bool Within(SyntaxNode node, SyntaxNode arm) => node.SyntaxTree == arm.SyntaxTree && arm.Span.Contains(node.Span);

            /// <summary>A condition's or tested value's text to name a branch by; null when it is a constant (no branch to name) or too long.</summary>
            private static string? Named(IOperation condition) => condition.ConstantValue.HasValue ? null : Visible(condition);

            /// <summary>The selector's source text when it is short enough to quote, else null (the branch is not named).</summary>
            private static string? Visible(IOperation selector)
            {
                var text = OneLine(selector.Syntax.ToString());
                return text.Length <= MaxSelectorLength ? text : null;
            }

            private static string PatternText(SyntaxNode pattern, SyntaxNode? guard)
            {
                var text = pattern.ToString() == "_" ? "anything else" : OneLine(pattern.ToString());
                return guard == null ? text : text + " and " + OneLine(guard.ToString());
            }

            private static string OneLine(string text) => string.Join(" ", text.Split(new[] { ' ', '\r', '\n', '\t' }, System.StringSplitOptions.RemoveEmptyEntries));
        }
    }
}
