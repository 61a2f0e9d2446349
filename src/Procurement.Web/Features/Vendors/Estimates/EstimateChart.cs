using System.Net;
using System.Text;

namespace Procurement.Features.Vendors.Estimates;

/// <summary>
/// The comparison chart as inline SVG rendered on the server: no script, so it works under the
/// app's content security policy and prints as it looks. One bar per vendor, 導入費用 and
/// 運用費用（期間総額） stacked, with lines for the minimum, median and maximum total and the 予定価格.
/// </summary>
public static class EstimateChart
{
    private const int Width = 960, LabelWidth = 230, RightPad = 120, Top = 56, BarHeight = 26, Gap = 16, AxisHeight = 36;
    private const string InitialColour = "#0b5cad", TermColour = "#7fb0e0", MedianColour = "#1a7f37", PlannedColour = "#b42318", RangeColour = "#5b6672";

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Amounts on the axis in 万円, as Japanese cost tables usually read.</summary>
    private static string Man(double yen) => (yen / 10_000).ToString("#,0", CultureInfo.InvariantCulture) + "万円";

    public static string Render(EstimateComparison comparison, long? plannedPrice, UiText t)
    {
        var total = comparison.Find(EstimateComparison.Total);
        if (total is null) return "";
        var columns = comparison.Columns;
        var height = Top + columns.Count * (BarHeight + Gap) + AxisHeight;
        var step = NiceStep(Math.Max(total.Max, plannedPrice ?? 0) / 5.0);
        var ticks = (int)Math.Ceiling(Math.Max(total.Max, plannedPrice ?? 0) / step);
        var scaleMax = step * Math.Max(ticks, 1);
        var plot = Width - LabelWidth - RightPad;
        double X(double yen) => LabelWidth + yen / scaleMax * plot;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"estimate-chart\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"chart-title\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"chart-title\">{E(t["見積総額の比較（導入費用＋運用費用の契約期間総額）"])}</title>");

        // Legend
        var lx = LabelWidth;
        Legend(svg, ref lx, InitialColour, t["導入費用"], rect: true);
        Legend(svg, ref lx, TermColour, t["運用費用（契約期間総額）"], rect: true);
        Legend(svg, ref lx, MedianColour, t["中央値"], rect: false);
        Legend(svg, ref lx, RangeColour, t["最小・最大"], rect: false, dashed: true);
        if (plannedPrice is not null) Legend(svg, ref lx, PlannedColour, t["予定価格"], rect: false);

        // Gridlines at each step
        var axisY = Top + columns.Count * (BarHeight + Gap);
        for (var i = 0; i <= Math.Max(ticks, 1); i++)
        {
            var v = step * i;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(v))}\" y1=\"{Top - 8}\" x2=\"{F(X(v))}\" y2=\"{axisY}\" stroke=\"#e3e8ee\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(v))}\" y=\"{axisY + 20}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#5b6672\">{E(Man(v))}</text>");
        }

        for (var i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            var y = Top + i * (BarHeight + Gap);
            var initialEnd = X(c.Estimate.InitialCost);
            var totalEnd = X(c.Estimate.Total);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 10}\" y=\"{y + BarHeight / 2 + 5}\" font-size=\"14\" text-anchor=\"end\" fill=\"#1d2733\">{E(Shorten(c.CompanyName))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{F(initialEnd - LabelWidth)}\" height=\"{BarHeight}\" fill=\"{InitialColour}\"><title>{E(c.CompanyName)} {E(t["導入費用"])} {E(t.Yen(c.Estimate.InitialCost))}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(initialEnd)}\" y=\"{y}\" width=\"{F(totalEnd - initialEnd)}\" height=\"{BarHeight}\" fill=\"{TermColour}\"><title>{E(c.CompanyName)} {E(t["運用費用（契約期間総額）"])} {E(t.Yen(c.Estimate.OperatingCostForTerm))}</title></rect>");
            // The right margin is reserved for these labels, so they never sit on a bar or a line.
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(scaleMax) + 8)}\" y=\"{y + BarHeight / 2 + 5}\" font-size=\"13\" font-weight=\"bold\" fill=\"#1d2733\">{E(Man(c.Estimate.Total))}</text>");
        }

        VLine(svg, X(total.Min), Top - 8, axisY, RangeColour, "4 3", $"{t["最小"]} {t.Yen(total.Min)}");
        VLine(svg, X(total.Max), Top - 8, axisY, RangeColour, "4 3", $"{t["最大"]} {t.Yen(total.Max)}");
        VLine(svg, X((double)total.Median), Top - 8, axisY, MedianColour, "", $"{t["中央値"]} {total.Median.ToString("#,0.#", CultureInfo.InvariantCulture)}円");
        if (plannedPrice is { } p) VLine(svg, X(p), Top - 8, axisY, PlannedColour, "", $"{t["予定価格"]} {t.Yen(p)}");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Shorten(string name) => name.Length <= 14 ? name : name[..13] + "…";

    /// <summary>1, 2, 2.5 or 5 × a power of ten: axis labels people can read at a glance.</summary>
    private static double NiceStep(double raw)
    {
        if (raw <= 0) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var m in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (m * magnitude >= raw) return m * magnitude;
        }
        return 10 * magnitude;
    }

    private static void Legend(StringBuilder svg, ref int x, string colour, string label, bool rect, bool dashed = false)
    {
        if (rect) svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"14\" width=\"14\" height=\"14\" fill=\"{colour}\"/>");
        else svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" y1=\"21\" x2=\"{x + 14}\" y2=\"21\" stroke=\"{colour}\" stroke-width=\"3\"{(dashed ? " stroke-dasharray=\"4 3\"" : "")}/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 20}\" y=\"26\" font-size=\"13\" fill=\"#1d2733\">{E(label)}</text>");
        x += 34 + label.Length * 13;
    }

    private static void VLine(StringBuilder svg, double x, int y1, int y2, string colour, string dash, string title)
    {
        var dashAttr = dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "";
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" y1=\"{y1}\" x2=\"{F(x)}\" y2=\"{y2}\" stroke=\"{colour}\" stroke-width=\"2\"{dashAttr}><title>{E(title)}</title></line>");
    }
}
