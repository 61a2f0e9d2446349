using System.Xml.Linq;
using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Features.Evaluation.Pages;

/// <summary>
/// The results charts drawn server-side as SVG with XElement (every text XML-escaped, no script):
/// per-vendor totals as horizontal bars (technical and price parts stacked), and a per-category comparison
/// (average as a share of the category's maximum, one bar per vendor in each category).
/// </summary>
public static class ResultCharts
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly string[] Palette = ["#0b5cad", "#c05621", "#2f855a", "#6b46c1", "#b42318", "#2c7a7b", "#975a16", "#4a5568"];
    private const int LabelWidth = 220;
    private const int ChartWidth = 520;

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    private static string D(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture);
    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public sealed record TotalsLabels(string Title, string Technical, string Price, string Disqualified);

    public static string Totals(EvaluationResult result, TotalsLabels labels)
    {
        var vendors = result.Ranking.Select(r => result.Vendors.First(v => v.VendorId == r.VendorId))
            .Concat(result.Vendors.Where(v => result.Ranking.All(r => r.VendorId != v.VendorId))).ToList();
        var format = new ResultFormat(result);
        // Scaled to the highest total, so a 除算方式 評価値 far below 1 still draws a bar.
        var top = vendors.Count == 0 ? 0m : vendors.Max(v => v.Total);
        var max = top > 0 ? (double)top : 1;
        const int row = 30;
        var height = 40 + vendors.Count * row + 30;
        var items = new List<XElement>
        {
            Text(6, 18, labels.Title, weight: "700"),
        };
        var y = 32;
        foreach (var v in vendors)
        {
            var rank = result.Ranking.FirstOrDefault(r => r.VendorId == v.VendorId);
            items.Add(Text(6, y + 19, (rank is null ? "— " : $"{rank.Rank}. ") + v.VendorName));
            if (v.Disqualified || rank is null)
            {
                items.Add(Text(LabelWidth + 4, y + 19, labels.Disqualified, fill: "#b42318"));
            }
            else
            {
                var price = (double)(v.PricePoints ?? 0m);
                var technicalPart = result.PriceMethod is PriceMethod.Additive or PriceMethod.LowestPriceRatio ? (double)v.Total - price : (double)v.Total;
                var wTech = Math.Max(0, technicalPart / max * ChartWidth);
                var wPrice = result.PriceMethod is PriceMethod.Additive or PriceMethod.LowestPriceRatio ? Math.Max(0, price / max * ChartWidth) : 0;
                items.Add(Rect(LabelWidth, y + 5, wTech, row - 10, "#0b5cad", $"{v.VendorName} {labels.Technical} {format.Technical.Format(v.Technical)}"));
                if (wPrice > 0) items.Add(Rect(LabelWidth + wTech, y + 5, wPrice, row - 10, "#f6ad55", $"{v.VendorName} {labels.Price} {format.Price.Format(v.PricePoints ?? 0)}"));
                items.Add(Text(LabelWidth + wTech + wPrice + 6, y + 19, format.Total.Format(v.Total)));
            }
            y += row;
        }
        items.Add(Rect(LabelWidth, y + 10, 12, 12, "#0b5cad", null));
        items.Add(Text(LabelWidth + 16, y + 21, labels.Technical));
        if (result.PriceMethod is PriceMethod.Additive or PriceMethod.LowestPriceRatio)
        {
            items.Add(Rect(LabelWidth + 120, y + 10, 12, 12, "#f6ad55", null));
            items.Add(Text(LabelWidth + 136, y + 21, labels.Price));
        }
        return Root(LabelWidth + ChartWidth + 80, height, labels.Title, items);
    }

    public static string Categories(EvaluationResult result, string title)
    {
        var vendors = result.Vendors.ToList();
        // Pass/fail categories (満点 0) carry no points to compare.
        var categories = (vendors.FirstOrDefault()?.Categories ?? []).Where(c => c.MaxPoints > 0).ToList();
        const int bar = 14;
        var groupHeight = vendors.Count * bar + 12;
        var items = new List<XElement> { Text(6, 18, title, weight: "700") };
        var y = 32;
        foreach (var c in categories)
        {
            items.Add(Text(6, y + 14, $"{c.CategoryName}（{D(c.MaxPoints)}）"));
            for (var i = 0; i < vendors.Count; i++)
            {
                var cat = vendors[i].Categories.FirstOrDefault(x => x.CategoryId == c.CategoryId);
                if (cat is null) continue;
                var share = cat.MaxPoints == 0 ? 0 : (double)(cat.Average / cat.MaxPoints);
                var w = Math.Max(0, Math.Min(1, share)) * ChartWidth;
                // The chart compares rates, so it is labelled with the rate; the points stay in the tooltip.
                items.Add(Rect(LabelWidth, y + i * bar + 2, w, bar - 3, Palette[i % Palette.Length], $"{vendors[i].VendorName} {c.CategoryName} {Percent(share)}（{D(cat.Average)} / {D(cat.MaxPoints)}）"));
                items.Add(Text(LabelWidth + w + 4, y + i * bar + 12, Percent(share), size: "11"));
            }
            y += groupHeight;
        }
        // Legend, one vendor per line (names are long).
        for (var i = 0; i < vendors.Count; i++)
        {
            items.Add(Rect(LabelWidth, y + 6, 12, 12, Palette[i % Palette.Length], null));
            items.Add(Text(LabelWidth + 16, y + 17, vendors[i].VendorName));
            y += 18;
        }
        return Root(LabelWidth + ChartWidth + 80, y + 14, title, items);
    }

    private static string Root(int width, int height, string title, List<XElement> items) =>
        new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {width} {height}"), new XAttribute("width", width), new XAttribute("height", height),
            new XAttribute("role", "img"), new XAttribute("aria-label", title), new XAttribute("class", "chart"),
            new XElement(Svg + "title", title),
            items).ToString(SaveOptions.DisableFormatting);

    private static XElement Rect(double x, double y, double w, double h, string fill, string? tooltip)
    {
        var rect = new XElement(Svg + "rect", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("width", N(w)), new XAttribute("height", N(h)), new XAttribute("fill", fill));
        if (tooltip is not null) rect.Add(new XElement(Svg + "title", tooltip));
        return rect;
    }

    private static XElement Text(double x, double y, string text, string weight = "400", string fill = "#1f2933", string size = "13") =>
        new(Svg + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("font-size", size), new XAttribute("font-weight", weight),
            new XAttribute("fill", fill), text);
}
