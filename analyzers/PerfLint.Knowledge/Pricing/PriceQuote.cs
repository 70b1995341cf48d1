using System;
using System.Globalization;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Pricing
{
    /// <summary>
    /// One price figure with its provenance: what the figure is (EC2 On-Demand, SageMaker Hosting On-Demand, ...), the
    /// region and date it holds for, where it came from, and whether it is only the EC2 floor of another service's
    /// hardware. Messages print <see cref="Text"/>, never a bare figure.
    /// </summary>
    public sealed class PriceQuote
    {
        private PriceQuote(InstanceService service, double? usdPerHour, string kind, string region, string date, string source, bool isEc2Floor, bool isFromUserFile, string? askedRegion)
        {
            IsFromUserFile = isFromUserFile;
            Service = service;
            UsdPerHour = usdPerHour;
            Kind = kind;
            Region = region;
            Date = date;
            Source = source;
            IsEc2Floor = isEc2Floor;
            AskedRegion = askedRegion;
        }

        /// <summary>The service of the instance type the quote is for.</summary>
        public InstanceService Service { get; }

        /// <summary>USD per hour; null when no price is known.</summary>
        public double? UsdPerHour { get; }

        public bool IsKnown => UsdPerHour.HasValue;

        /// <summary>What the figure is: <c>EC2 On-Demand</c>, <c>SageMaker Hosting On-Demand</c>, <c>RDS PostgreSQL Single-AZ On-Demand</c>.</summary>
        public string Kind { get; }

        /// <summary>The region the figure holds for (<c>us-east-1</c> for the embedded snapshot, whatever was asked).</summary>
        public string Region { get; }

        /// <summary>The date of the figure: the snapshot's date, or the user price file's import date.</summary>
        public string Date { get; }

        /// <summary>The embedded table's description, or the user price file's name.</summary>
        public string Source { get; }

        /// <summary>True when the figure is the EC2 price of the same hardware standing in for another service's price (a floor).</summary>
        public bool IsEc2Floor { get; }

        /// <summary>True when the figure comes from a user price file.</summary>
        public bool IsFromUserFile { get; }

        /// <summary>The region a rule asked for; null when unknown.</summary>
        public string? AskedRegion { get; }

        /// <summary>The figure alone: <c>$0.1008/h</c>; empty when unknown.</summary>
        public string Figure => UsdPerHour.HasValue ? "$" + UsdPerHour.Value.ToString("0.######", CultureInfo.InvariantCulture) + "/h" : string.Empty;

        /// <summary>What follows the figure, the same for every quote of one kind, region, date and source.</summary>
        public string Label =>
            IsEc2Floor ? " EC2 price of the same hardware (" + Region + ", " + Date + "; the service's own price is higher)"
            : IsFromUserFile ? ", " + Kind + " " + Region + ", " + Date + " (" + Source + ")"
            : ", " + Kind + " " + Region + ", " + Date;

        /// <summary>The figure and its provenance, or <c>price unknown</c> (<c>price unknown in eu-west-1</c>).</summary>
        public string Text => IsKnown ? Figure + Label : "price unknown" + (AskedRegion == null ? string.Empty : " in " + AskedRegion);

        /// <summary>
        /// True when the two figures may be set side by side: both known, of the same service, and of the same kind,
        /// region, date and source (two real prices of one table, or two EC2 floors of one table).
        /// </summary>
        public bool IsComparableWith(PriceQuote other) =>
            IsKnown && other.IsKnown && Service == other.Service && IsEc2Floor == other.IsEc2Floor &&
            string.Equals(Label, other.Label, StringComparison.Ordinal);

        public override string ToString() => Text;

        internal static PriceQuote FromSnapshot(InstanceService service, double usdPerHour, string region, string date, string source, bool isEc2Floor, string? askedRegion) =>
            new PriceQuote(service, usdPerHour, "EC2 On-Demand", region, date, source, isEc2Floor, false, askedRegion);

        internal static PriceQuote FromUserFile(InstanceService service, double usdPerHour, string kind, string region, string date, string fileName, string? askedRegion) =>
            new PriceQuote(service, usdPerHour, kind, region, date, fileName, false, true, askedRegion);

        internal static PriceQuote Unknown(InstanceService service, string? askedRegion) =>
            new PriceQuote(service, null, string.Empty, askedRegion ?? string.Empty, string.Empty, string.Empty, false, false, askedRegion);
    }
}
