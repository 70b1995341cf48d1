namespace PerfLint.Knowledge.Storage
{
    /// <summary>
    /// One row of <c>Data/storage-volume-types.csv</c>: what a service's volume type costs and delivers, with the
    /// source and the day it was checked. Absent figures are null: no source stated them, so no message may.
    /// </summary>
    public sealed class StorageVolumeType
    {
        internal StorageVolumeType(StorageService service, string volumeType, string? engine)
        {
            Service = service;
            VolumeType = volumeType;
            Engine = engine;
        }

        public StorageService Service { get; }

        /// <summary>gp2, gp3, io1, io2.</summary>
        public string VolumeType { get; }

        /// <summary>The RDS engine group the row is for (<see cref="RdsEngine"/>), or null for every engine.</summary>
        public string? Engine { get; }

        /// <summary>Storage price, USD per GiB-month, us-east-1.</summary>
        public decimal? UsdPerGibMonth { get; internal set; }

        /// <summary>Provisioned IOPS price, USD per IOPS-month, us-east-1 (up to <see cref="IopsPriceTierMaxIops"/>).</summary>
        public decimal? UsdPerIopsMonth { get; internal set; }

        /// <summary>The provisioned IOPS up to which <see cref="UsdPerIopsMonth"/> holds (io2's first price tier).</summary>
        public int? IopsPriceTierMaxIops { get; internal set; }

        /// <summary>Baseline IOPS included at any size (gp3: 3,000).</summary>
        public int? BaselineIops { get; internal set; }

        /// <summary>Baseline IOPS per GiB of size (gp2: 3).</summary>
        public int? BaselineIopsPerGib { get; internal set; }

        /// <summary>Baseline throughput, MiB/s, included at any size (gp3: 125).</summary>
        public int? BaselineMibps { get; internal set; }

        /// <summary>The size from which the higher baseline applies (RDS gp3: 400 GiB, Oracle 200 GiB).</summary>
        public int? ThresholdGib { get; internal set; }

        /// <summary>Baseline IOPS from <see cref="ThresholdGib"/> on.</summary>
        public int? BaselineIopsFromThreshold { get; internal set; }

        /// <summary>Baseline throughput, MiB/s, from <see cref="ThresholdGib"/> on.</summary>
        public int? BaselineMibpsFromThreshold { get; internal set; }

        /// <summary>Most IOPS one volume can be provisioned with.</summary>
        public int? MaxIops { get; internal set; }

        /// <summary>Most throughput one volume can give, MiB/s.</summary>
        public int? MaxMibps { get; internal set; }

        /// <summary>Largest volume, TiB.</summary>
        public int? MaxSizeTib { get; internal set; }

        /// <summary>Durability as AWS quotes it (<c>99.999%</c>, <c>99.8%-99.9%</c>), or null.</summary>
        public string? Durability { get; internal set; }

        /// <summary>Where the figures come from (URL or document path and commit).</summary>
        public string Source { get; internal set; } = string.Empty;

        /// <summary>The day the figures were checked against the source (yyyy-MM-dd).</summary>
        public string Checked { get; internal set; } = string.Empty;
    }
}
