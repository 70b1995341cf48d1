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
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
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
                        fields.Add(field.ToString()); field.Clear();
                        records.Add(fields.ToArray()); fields.Clear();
                        break;
                    default: field.Append(c); break;
                }
            }

            if (field.Length > 0 || fields.Count > 0)
            {
                fields.Add(field.ToString());
                records.Add(fields.ToArray());
            }

            if (records.Count == 0)
            {
                throw new InvalidDataException("CSV table has no header row.");
            }

            var header = records[0];
            records.RemoveAt(0);
            return new CsvTable(header, records);
        }
    }
}
