using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text;

namespace PerfLint.Knowledge.Catalog
{
    /// <summary>Reads the small CSV tables embedded in this assembly (RFC 4180 quoting, first row = header).</summary>
    internal sealed class CsvTable
    {
        private readonly Dictionary<string, int> _columns;

        private CsvTable(string[] header, List<string[]> rows)
        {
            _columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                _columns[header[i]] = i;
            }

            Rows = rows;
        }

        public List<string[]> Rows { get; }

        public string Get(string[] row, string column) =>
            _columns.TryGetValue(column, out var i) && i < row.Length ? row[i] : string.Empty;

        public static CsvTable LoadEmbedded(string fileName)
        {
            var name = "PerfLint.Knowledge.Data." + fileName;
            using var stream = typeof(CsvTable).GetTypeInfo().Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException("Embedded data file missing: " + name);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return Parse(reader.ReadToEnd());
        }

        public static CsvTable Parse(string text)
        {
            var records = new List<string[]>();
            var fields = new List<string>();
            var position = 0;
            while (position < text.Length)
            {
                var end = text.IndexOf('\n', position);
                if (end < 0)
                {
                    end = text.Length;
                }

                var lineEnd = end > position && text[end - 1] == '\r' ? end - 1 : end;
                if (text.IndexOf('"', position, lineEnd - position) < 0)
                {
                    // The common line: no quoting, fields are what lies between the commas.
                    for (var from = position; ; )
                    {
                        var comma = text.IndexOf(',', from, lineEnd - from);
                        if (comma < 0)
                        {
                            fields.Add(text.Substring(from, lineEnd - from));
                            break;
                        }

                        fields.Add(text.Substring(from, comma - from));
                        from = comma + 1;
                    }

                    position = end + 1;
                }
                else
                {
                    position = ReadQuoted(text, position, fields);
                }

                records.Add(fields.ToArray());
                fields.Clear();
            }

            if (records.Count == 0)
            {
                throw new InvalidDataException("CSV table has no header row.");
            }

            var header = records[0];
            records.RemoveAt(0);
            return new CsvTable(header, records);
        }

        /// <summary>One record with RFC 4180 quoting (a quoted field may hold commas, doubled quotes and line breaks); returns where the next begins.</summary>
        private static int ReadQuoted(string text, int position, List<string> fields)
        {
            var field = new StringBuilder();
            var quoted = false;
            for (var i = position; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (c == '"') { quoted = false; }
                    else { field.Append(c); }
                    continue;
                }

                switch (c)
                {
                    case '"': quoted = true; break;
                    case ',': fields.Add(field.ToString()); field.Clear(); break;
                    case '\r': break;
                    case '\n':
                        fields.Add(field.ToString());
                        return i + 1;
                    default: field.Append(c); break;
                }
            }

            fields.Add(field.ToString());
            return text.Length;
        }
    }
}
