using System.Net;
using System.Text;
using Procurement.Features.Catalog;

namespace Procurement.Features.Survey;

/// <summary>
/// Contract periods of the current systems on a time axis, with the planned go-live marked, drawn
/// server-side as SVG (no script needed). Every user text is encoded before it enters the markup.
/// </summary>
public static class LeaseTimelineSvg
{
    private const int Left = 260, Right = 30, RowHeight = 26, Top = 34;

    public static string Render(IReadOnlyList<CurrentSystem> systems, DateOnly goLive, UiText t)
    {
        var rows = systems.OrderBy(s => s.ContractExpiry).ToList();
        var from = new DateOnly(Math.Min(rows.Count > 0 ? rows.Min(s => s.ContractStart.Year) : goLive.Year, goLive.Year - 1), 1, 1);
        var to = new DateOnly(Math.Max(rows.Count > 0 ? rows.Max(s => s.ContractExpiry.Year) : goLive.Year, goLive.Year + 1) + 1, 1, 1);
        const int width = 1000;
        var height = Top + rows.Count * RowHeight + 30;
        double X(DateOnly d) => Left + (width - Left - Right) * (d.DayNumber - from.DayNumber) / (double)(to.DayNumber - from.DayNumber);
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        static string E(string s) => WebUtility.HtmlEncode(s);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"lease-title\" class=\"chart\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"lease-title\">{E(t["現行システムの契約期間と稼働予定日"])}</title>");
        for (var year = from.Year; year <= to.Year; year++)
        {
            var x = X(new DateOnly(year, 1, 1));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" y1=\"{Top - 8}\" x2=\"{F(x)}\" y2=\"{height - 24}\" stroke=\"#dde3ea\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + 3)}\" y=\"{Top - 14}\" font-size=\"12\" fill=\"#5b6672\">{year}</text>");
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var s = rows[i];
            var y = Top + i * RowHeight;
            var timing = LeaseCheck.Classify(s, goLive);
            var colour = timing switch { LeaseTiming.EndsBeforeGoLive => "#b42318", LeaseTiming.EndsLongAfterGoLive => "#9a6700", _ => "#0b5cad" };
            var label = $"{s.Municipality} {BusinessCatalog.Find(s.Business)?.Name ?? s.Business}";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{y + 16}\" font-size=\"13\">{E(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(X(s.ContractStart))}\" y=\"{y + 4}\" width=\"{F(Math.Max(2, X(s.ContractExpiry) - X(s.ContractStart)))}\" height=\"16\" rx=\"3\" fill=\"{colour}\" opacity=\"0.85\"><title>{E(label)}: {s.ContractStart:yyyy-MM-dd} – {s.ContractExpiry:yyyy-MM-dd}</title></rect>");
        }
        var g = X(goLive);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(g)}\" y1=\"{Top - 8}\" x2=\"{F(g)}\" y2=\"{height - 20}\" stroke=\"#1a7f37\" stroke-width=\"3\" stroke-dasharray=\"6 4\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(g + 4)}\" y=\"{height - 6}\" font-size=\"12\" fill=\"#1a7f37\">{E(t["稼働予定"])} {goLive:yyyy-MM-dd}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
