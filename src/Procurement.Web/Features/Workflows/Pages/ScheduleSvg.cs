using System.Xml.Linq;
using Procurement.Features.Workflows.Diagrams;

namespace Procurement.Features.Workflows.Pages;

/// <summary>
/// The 図16-style schedule drawn server-side as SVG: one row per phase (its span) followed by its
/// steps as bars on a time axis, today as a vertical line. Built with XElement, so every text is
/// XML-escaped; no script, no external resources.
/// </summary>
public static class ScheduleSvg
{
    private const int LabelWidth = 300;
    private const int ChartWidth = 760;
    private const int RowHeight = 22;
    private const int AxisHeight = 34;

    /// <param name="Summary">The chart's text alternative: a format with {0} start, {1} end, {2} steps, {3} completed,
    /// {4} in progress, {5} overdue (screen readers read it; the table below the chart has every date).</param>
    public sealed record Labels(string Today, string Completed, string Active, string Planned, string Skipped, string Overdue,
        string Summary = "{0} – {1}: {2} steps ({3} done, {4} in progress, {5} overdue)");

    public static string Render(ScheduleModel model, string language, Labels labels)
    {
        XNamespace svg = "http://www.w3.org/2000/svg";
        var start = model.Start.AddDays(-7);
        var end = model.End.AddDays(14);
        var days = Math.Max(1, end.DayNumber - start.DayNumber);
        double X(DateOnly d) => LabelWidth + (d.DayNumber - start.DayNumber) * (double)ChartWidth / days;
        static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        // A step started and finished on the same day still gets a visible bar of one day.
        var minBar = Math.Max(4, (double)ChartWidth / days);

        var rows = new List<XElement>();
        var y = AxisHeight;
        foreach (var phase in model.Phases)
        {
            rows.Add(Rect(svg, 0, y, LabelWidth + ChartWidth, RowHeight, "#eef2f6"));
            rows.Add(Text(svg, 6, y + 15, $"{phase.Phase} {phase.Title.For(language)}", "phase-label", weight: "700"));
            rows.Add(Rect(svg, X(phase.Start), y + 7, Math.Max(2, X(phase.End) - X(phase.Start)), 8, "#0b5cad"));
            y += RowHeight;
            foreach (var step in model.Steps.Where(s => s.Phase == phase.Phase))
            {
                var (fill, stroke) = step.Status switch
                {
                    ScheduleStatus.Completed => ("#c6f6d5", "#2f855a"),
                    ScheduleStatus.Skipped => ("#e4e7eb", "#9aa5b1"),
                    ScheduleStatus.Active => step.Overdue ? ("#fdecea", "#b42318") : ("#fefcbf", "#c05621"),
                    _ => ("#ffffff", "#8a96a3"),
                };
                var status = step.Status switch
                {
                    ScheduleStatus.Completed => labels.Completed,
                    ScheduleStatus.Skipped => labels.Skipped,
                    ScheduleStatus.Active => step.Overdue ? labels.Overdue : labels.Active,
                    _ => labels.Planned,
                };
                var title = $"{step.Title.For(language)}: {step.Start:yyyy-MM-dd} – {step.End:yyyy-MM-dd} ({status})" +
                    (step.Due is { } due ? $" / {due:yyyy-MM-dd}" : "");
                var bar = Rect(svg, X(step.Start), y + 4, Math.Max(minBar, X(step.End) - X(step.Start)), RowHeight - 8, fill, stroke,
                    step.Status == ScheduleStatus.Planned ? "4 2" : null);
                bar.Add(new XElement(svg + "title", title));
                rows.Add(Text(svg, 18, y + 15, Shorten(step.Title.For(language), 24), "step-label",
                    color: step.Status == ScheduleStatus.Planned ? "#52606d" : "#1d2733"));
                rows.Add(bar);
                if (step.Due is { } d2 && d2 >= start && d2 <= end)
                {
                    // A due date: a small diamond at its day.
                    var dx = X(d2);
                    rows.Add(new XElement(svg + "path",
                        new XAttribute("d", $"M{N(dx)} {N(y + 3)} l4 8 l-4 8 l-4 -8 z"),
                        new XAttribute("fill", step.Overdue ? "#b42318" : "#1d2733"),
                        new XElement(svg + "title", $"{step.Title.For(language)}: {d2:yyyy-MM-dd}")));
                }
                y += RowHeight;
            }
        }

        var axis = new List<XElement>();
        var monthStep = days > 900 ? 6 : days > 400 ? 3 : 1;
        var tick = new DateOnly(start.Year, start.Month, 1).AddMonths(1);
        while (tick <= end)
        {
            if ((tick.Month - 1) % monthStep == 0)
            {
                axis.Add(Line(svg, X(tick), AxisHeight - 6, X(tick), y, "#cfd6de"));
                axis.Add(Text(svg, X(tick) + 3, AxisHeight - 10, tick.ToString("yyyy/M", CultureInfo.InvariantCulture), "tick", size: 11, color: "#5b6672"));
            }
            tick = tick.AddMonths(1);
        }
        var todayX = X(model.Today);
        var today = new XElement(svg + "g", new XAttribute("class", "today"),
            Line(svg, todayX, 6, todayX, y, "#b42318", 2),
            Text(svg, todayX + 4, 14, $"{labels.Today} {model.Today:yyyy-MM-dd}", "today-label", size: 11, color: "#b42318", weight: "700"));

        var height = y + 8;
        var root = new XElement(svg + "svg",
            new XAttribute("width", LabelWidth + ChartWidth),
            new XAttribute("height", height),
            new XAttribute("viewBox", $"0 0 {LabelWidth + ChartWidth} {height}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", "schedule-chart-title"),
            new XElement(svg + "title", new XAttribute("id", "schedule-chart-title"), string.Format(CultureInfo.InvariantCulture, labels.Summary,
                model.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), model.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                model.Steps.Count, model.Steps.Count(s => s.Status == ScheduleStatus.Completed),
                model.Steps.Count(s => s.Status == ScheduleStatus.Active && !s.Overdue), model.Steps.Count(s => s.Status == ScheduleStatus.Active && s.Overdue))),
            new XAttribute("font-family", "Noto Sans CJK JP, sans-serif"),
            new XAttribute("font-size", "12"),
            axis, rows, today);
        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static XElement Rect(XNamespace ns, double x, double y, double w, double h, string fill, string? stroke = null, string? dash = null)
    {
        var rect = new XElement(ns + "rect",
            new XAttribute("x", F(x)), new XAttribute("y", F(y)), new XAttribute("width", F(w)), new XAttribute("height", F(h)),
            new XAttribute("rx", "3"), new XAttribute("fill", fill));
        if (stroke is not null) rect.Add(new XAttribute("stroke", stroke));
        if (dash is not null) rect.Add(new XAttribute("stroke-dasharray", dash));
        return rect;
    }

    private static XElement Line(XNamespace ns, double x1, double y1, double x2, double y2, string color, double width = 1) =>
        new(ns + "line", new XAttribute("x1", F(x1)), new XAttribute("y1", F(y1)), new XAttribute("x2", F(x2)), new XAttribute("y2", F(y2)),
            new XAttribute("stroke", color), new XAttribute("stroke-width", F(width)));

    private static XElement Text(XNamespace ns, double x, double y, string text, string cssClass, int size = 12, string color = "#1d2733", string? weight = null)
    {
        var element = new XElement(ns + "text", new XAttribute("x", F(x)), new XAttribute("y", F(y)), new XAttribute("class", cssClass),
            new XAttribute("font-size", size), new XAttribute("fill", color), text);
        if (weight is not null) element.Add(new XAttribute("font-weight", weight));
        return element;
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
