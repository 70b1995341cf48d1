using System;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Models
{
    /// <summary>
    /// Open models by exact Hugging Face hub id, legacy ids (<c>also_known_as</c>) included, with total and MoE active
    /// parameters and the source of each figure (Data/model-parameters.csv, generated from the reference data's
    /// ml_model_parameters.csv).
    /// </summary>
    internal static class ModelTable
    {
        private static readonly Lazy<ModelIdIndex<ModelSize>> Models = new Lazy<ModelIdIndex<ModelSize>>(Load);

        /// <summary>The row for <paramref name="id"/> (whole id or last path segment, see <see cref="ModelIdIndex{T}"/>), or null.</summary>
        public static ModelSize? Find(string id)
        {
            var row = Models.Value.Find(id);
            return row == null ? null : new ModelSize(id, row.ParametersBillions, row.Source, row.ActiveParametersBillions);
        }

        private static ModelIdIndex<ModelSize> Load()
        {
            var table = CsvTable.LoadEmbedded("model-parameters.csv");
            var index = new ModelIdIndex<ModelSize>();
            foreach (var row in table.Rows)
            {
                var id = table.Get(row, "model_id");
                var billions = InstanceCatalog.ParseDouble(table.Get(row, "parameters_billions"));
                if (id.Length == 0 || !billions.HasValue || billions.Value <= 0)
                {
                    continue;
                }

                var size = new ModelSize(id, billions.Value, table.Get(row, "source"), InstanceCatalog.ParseDouble(table.Get(row, "active_parameters_billions")));
                index.Add(id, size, SameSize);
                foreach (var alias in table.Get(row, "also_known_as").Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    index.Add(alias, size, SameSize);
                }
            }

            return index;
        }

        private static bool SameSize(ModelSize a, ModelSize b) => a.ParametersBillions.Equals(b.ParametersBillions);
    }
}
