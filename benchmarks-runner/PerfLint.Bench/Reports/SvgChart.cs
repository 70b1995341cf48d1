using System.Globalization;
using System.Net;
using System.Text;

namespace PerfLint.Bench.Reports;

/// <summary>A small inline-SVG line chart (no scripts, no external assets) for report.html.</summary>
public sealed class SvgChart
{
    private const int Width = 560, Height = 320, Left = 64, Right = 150, Top = 36, Bottom = 48;
    private static readonly string[] Colors = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf" };

    public required string Title { get; init; }
    public required string XLabel { get; init; }
    public required string YLabel { get; init; }
    /// <summary>Tick positions and labels on the x axis; null means evenly spaced numeric ticks.</summary>
    public IReadOnlyList<(double X, string Label)>? XTicks { get; init; }
    public List<(string Name, List<(double X, double Y)> Points)> Series { get; } = new();

    public string Render()
    {
        var all = Series.SelectMany(s => s.Points).ToList();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{E(Title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"20\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">{E(Title)}</text>");
        if (all.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\" font-size=\"12\">no data</text></svg>");
            return svg.ToString();
        }
        var (xMin, xMax) = Range(all.Select(p => p.X), includeZero: false);
        var (yMin, yMax) = Range(all.Select(p => p.Y), includeZero: true);
        double Px(double x) => Left + (x - xMin) / (xMax - xMin) * (Width - Left - Right);
        double Py(double y) => Height - Bottom - (y - yMin) / (yMax - yMin) * (Height - Top - Bottom);

        // Axes and grid.
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"none\" stroke=\"#999\"/>");
        foreach (var (y, label) in NiceTicks(yMin, yMax))
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Py(y))}\" y2=\"{F(Py(y))}\" stroke=\"#eee\"/><text x=\"{Left - 6}\" y=\"{F(Py(y) + 4)}\" text-anchor=\"end\" font-size=\"10\">{label}</text>");
        foreach (var (x, label) in XTicks ?? NiceTicks(xMin, xMax))
        {
            if (x < xMin - 1e-9 || x > xMax + 1e-9) continue;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(Px(x))}\" x2=\"{F(Px(x))}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"#eee\"/><text x=\"{F(Px(x))}\" y=\"{Height - Bottom + 14}\" text-anchor=\"middle\" font-size=\"10\">{E(label)}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 10}\" text-anchor=\"middle\" font-size=\"11\">{E(XLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{(Top + Height - Bottom) / 2}\" text-anchor=\"middle\" font-size=\"11\" transform=\"rotate(-90 14 {(Top + Height - Bottom) / 2})\">{E(YLabel)}</text>");

        for (var i = 0; i < Series.Count; i++)
        {
            var (name, points) = Series[i];
            var color = Colors[i % Colors.Length];
            var path = string.Join(" ", points.OrderBy(p => p.X).Select(p => $"{F(Px(p.X))},{F(Py(p.Y))}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{path}\"/>");
            if (points.Count <= 30)
                foreach (var p in points)
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(Px(p.X))}\" cy=\"{F(Py(p.Y))}\" r=\"3\" fill=\"{color}\"><title>{E(name)}: {F(p.Y)}</title></circle>");
            var ly = Top + 10 + i * 16;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Width - Right + 10}\" x2=\"{Width - Right + 28}\" y1=\"{ly}\" y2=\"{ly}\" stroke=\"{color}\" stroke-width=\"2\"/><text x=\"{Width - Right + 32}\" y=\"{ly + 4}\" font-size=\"10\">{E(name)}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static (double, double) Range(IEnumerable<double> values, bool includeZero)
    {
        var list = values.ToList();
        var min = includeZero ? Math.Min(0, list.Min()) : list.Min();
        var max = list.Max();
        if (max - min < 1e-9) { max = min + 1; if (!includeZero) min -= 1; }
        return (min, includeZero ? max * 1.05 : max);
    }

    private static IEnumerable<(double, string)> NiceTicks(double min, double max)
    {
        var raw = (max - min) / 5;
        var mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * mag).First(s => s >= raw);
        for (var v = Math.Ceiling(min / step) * step; v <= max + 1e-9; v += step)
            yield return (v, v.ToString(step >= 1 ? "0" : "0.###", CultureInfo.InvariantCulture));
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
    private static string E(string s) => WebUtility.HtmlEncode(s);
}
