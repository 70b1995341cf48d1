using System;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;

namespace PerfLint.Knowledge
{
    /// <summary>
    /// The user's JSON files (prices, capacity) read with the framework's DataContractJsonSerializer, which every compiler
    /// host has: analyzers cannot carry System.Text.Json into Visual Studio's .NET Framework compiler.
    /// </summary>
    internal static class ContractJson
    {
        /// <summary>The object, or null when <paramref name="json"/> is empty or not of that shape (never throws).</summary>
        public static T? TryRead<T>(string? json)
            where T : class
        {
            if (string.IsNullOrWhiteSpace(json))
            {
                return null;
            }

            try
            {
                var serializer = new DataContractJsonSerializer(typeof(T));
                using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
                return serializer.ReadObject(stream) as T;
            }
            catch (Exception e) when (e is SerializationException || e is ArgumentException || e is FormatException || e is InvalidCastException || e is System.Xml.XmlException || e is OverflowException)
            {
                return null;
            }
        }
    }
}
