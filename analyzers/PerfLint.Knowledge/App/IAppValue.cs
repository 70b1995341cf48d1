using System.Collections.Generic;

namespace PerfLint.Knowledge.App
{
    /// <summary>
    /// A property value of an app resource, read the way its front end reads it: the analyzers over C# value flow,
    /// <c>perflint check</c> over template JSON and its intrinsic functions. Implementations are lazy: a rule pays
    /// only for the values it asks for.
    /// </summary>
    public interface IAppValue
    {
        /// <summary>Where the value is written: opaque to Knowledge, turned back into a location by the front end.</summary>
        object? Where { get; }

        /// <summary>False when the value is set but nothing of it can be read (a parameter, a deploy-time value).</summary>
        bool IsKnown { get; }

        /// <summary>The member <paramref name="name"/> of an object value, or null when it is not set.</summary>
        IAppValue? Property(string name);

        /// <summary>The items of a list value; a value that is not a list is its own single item.</summary>
        IReadOnlyList<IAppValue> Elements();

        /// <summary>The strings the value can be (several when value flow gives several), each where it is written.</summary>
        IReadOnlyList<AppString> Strings();

        /// <summary>The numbers the value can be.</summary>
        IReadOnlyList<AppNumber> Numbers();

        /// <summary>The resources the value is or mentions (a reference, an attribute, a name built from one).</summary>
        IReadOnlyList<AppResource> Resources();
    }

    /// <summary>One string a value can be, and where it is written.</summary>
    public sealed class AppString
    {
        public AppString(string text, object? where)
        {
            Text = text;
            Where = where;
        }

        public string Text { get; }

        public object? Where { get; }

        public override string ToString() => Text;
    }

    /// <summary>One number a value can be, and where it is written.</summary>
    public sealed class AppNumber
    {
        public AppNumber(double value, object? where)
        {
            Value = value;
            Where = where;
        }

        public double Value { get; }

        public object? Where { get; }
    }
}
