using System.Collections.Generic;

namespace PerfLint.Analyzers.Gating
{
    /// <summary>
    /// What a code body's tokens say, as the index keeps it for the gates (<see cref="BodyTokens"/> collects it): each
    /// distinct identifier, string value, number and assigned name once, in arrays. Every body of a compilation has
    /// one, so they are kept compact: a set per kind and body took two thirds of the index's allocations, and the
    /// gates ask "does this body hold X" through the index's postings or over a few dozen entries.
    /// </summary>
    public sealed class BodyWords
    {
        private readonly string[] _identifiers;
        private readonly string[] _strings;
        private readonly double[] _numbers;
        private readonly Assignment[] _assignments;

        internal BodyWords(string[] identifiers, string[] strings, double[] numbers, string[] assigned, Assignment[] assignments)
        {
            _identifiers = identifiers;
            _strings = strings;
            _numbers = numbers;
            Assigned = assigned;
            _assignments = assignments;
        }

        /// <summary>The identifiers (names of types, members, locals; no keywords).</summary>
        public IReadOnlyList<string> Identifiers => _identifiers;

        /// <summary>String literal values and the text parts of interpolated strings.</summary>
        public IReadOnlyList<string> Strings => _strings;

        /// <summary>The number literals' values, each once.</summary>
        public IReadOnlyList<double> Numbers => _numbers;

        /// <summary>The names the body assigns with <c>=</c> (<see cref="BodyTokens.Assigned"/>).</summary>
        public IReadOnlyList<string> Assigned { get; }

        /// <summary>Each <c>name = value</c>, in order, with the value when it is a lone number literal (<see cref="BodyTokens.Assignments"/>).</summary>
        public IReadOnlyList<Assignment> Assignments => _assignments;

        /// <summary>The identifiers as an array, for the index's loops (no interface calls per element).</summary>
        internal string[] IdentifierArray => _identifiers;

        /// <summary>The string values as an array, for the index's postings.</summary>
        internal string[] StringArray => _strings;

        /// <summary>The numbers as an array, for the gates' loops.</summary>
        internal double[] NumberArray => _numbers;

        /// <summary>The assignments as an array, for the gates' loops.</summary>
        internal Assignment[] AssignmentArray => _assignments;

        /// <summary>True when the body names <paramref name="identifier"/>.</summary>
        public bool Names(string identifier) => System.Array.IndexOf(_identifiers, identifier) >= 0;

        /// <summary>True when the body names any of <paramref name="identifiers"/>.</summary>
        public bool NamesAny(HashSet<string> identifiers)
        {
            foreach (var identifier in _identifiers)
            {
                if (identifiers.Contains(identifier))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
