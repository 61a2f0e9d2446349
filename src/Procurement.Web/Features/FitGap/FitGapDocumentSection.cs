using Procurement.Features.Documents;

namespace Procurement.Features.FitGap;

/// <summary>The fit &amp; gap as the 導入計画's 業務標準化の方針 section (null until a function list is imported).</summary>
public sealed class FitGapDocumentSection(IQuerySession session) : IDocumentSectionSource
{
    public async ValueTask<DocumentSections> ContributeAsync(Guid caseId, DocumentSections current, CancellationToken ct)
    {
        if (current.FitGap is not null) return current;
        var view = await session.LoadAsync<FitGapView>(caseId, ct);
        return view is null || view.Functions.Count == 0 ? current : current with { FitGap = Build(view) };
    }

    /// <summary>The rate as the page shows it (one decimal); the trend keeps the last figure of each day (Japan time).</summary>
    public static FitGapInfo Build(FitGapView view)
    {
        var points = view.Trend
            .GroupBy(p => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(p.At, JapaneseDates.Tokyo).DateTime))
            .OrderBy(g => g.Key)
            .Select(g => g.Last())
            .Select(p => (Point: p, Rate: Rate(p.Customised, p.Assessed)))
            .ToList();
        var trend = points.Count == 0 ? "none"
            : points[^1].Rate < points[0].Rate ? "down"
            : points[^1].Rate > points[0].Rate ? "up"
            : "flat";
        var decisions = view.Assessments.Values.ToList();
        return new FitGapInfo(
            view.PackageName,
            view.Functions.Count,
            view.Assessed,
            decisions.Count(a => a.Fit == Fit.Fit),
            decisions.Count(a => a.Decision == GapDecision.ChangeWork),
            decisions.Count(a => a.Decision == GapDecision.Workaround),
            view.Customised,
            Format(view.CustomisationRate),
            points.Count == 0 ? null : Format(points[0].Rate),
            trend,
            points.Select(p => new FitGapTrendPoint(
                DocumentModel.Iso(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(p.Point.At, JapaneseDates.Tokyo).DateTime)),
                p.Point.Assessed, p.Point.Customised, Format(p.Rate))).ToList(),
            view.Regulations().Select(r => new RegulationToAmend(r.Regulation, string.Join("、", r.Functions))).ToList());
    }

    // Same rounding as FitGapView.CustomisationRate, so a day's last point equals the page's figure.
    private static decimal Rate(int customised, int assessed) =>
        assessed == 0 ? 0 : Math.Round(customised * 100m / assessed, 1, MidpointRounding.AwayFromZero);

    private static string Format(decimal rate) => rate.ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

public static class FitGapServices
{
    /// <summary>The fit &amp; gap's part of generated documents (the 導入計画's 業務標準化の方針).</summary>
    public static IServiceCollection AddFitGap(this IServiceCollection services) =>
        services.AddScoped<IDocumentSectionSource, FitGapDocumentSection>();
}
