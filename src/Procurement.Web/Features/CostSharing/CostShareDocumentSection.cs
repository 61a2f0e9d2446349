using Procurement.Features.Documents;
using Procurement.Features.Groups;

namespace Procurement.Features.CostSharing;

/// <summary>The latest recorded cost share, as the 導入計画's 費用分担 section (null until one is recorded).</summary>
public sealed class CostShareDocumentSection(IQuerySession session) : IDocumentSectionSource
{
    public async ValueTask<DocumentSections> ContributeAsync(Guid caseId, DocumentSections current, CancellationToken ct)
    {
        if (current.CostShare is not null) return current;
        var plan = await session.LoadAsync<CostSharePlan>(caseId, ct);
        if (plan?.Latest is not { } latest) return current;
        var summary = await session.LoadAsync<CaseSummary>(caseId, ct);
        var group = summary is null ? null : await session.LoadAsync<GroupView>(summary.GroupId, ct);
        return current with { CostShare = Build(latest, plan.Calculations, group) };
    }

    /// <summary>
    /// The recorded yen as they are: nothing is recomputed here, so the document shows exactly what the officer recorded
    /// (and exported to Excel).
    /// </summary>
    public static CostShareInfo Build(CostShareCalculated e, int calculations, GroupView? group)
    {
        var years = e.Years.OrderBy(y => y.FiscalYear).ToList();
        var ratioSum = e.Components.Sum(c => c.Ratio);
        var components = e.Components.Where(c => c.Ratio > 0)
            .Select(c => new CostShareComponentInfo(BasisCode(c.Basis), BasisName(c.Basis), Percent(c.Ratio, ratioSum)))
            .ToList();
        var members = e.Members.Select(m =>
        {
            var amounts = years.Select(y => y.Shares.FirstOrDefault(s => s.Name == m.Name)?.Amount).ToList();
            return new CostShareMemberInfo(m.Name, m.Population, DocumentModel.Iso(m.JoinedOn), DocumentModel.Iso(m.LeftOn), amounts, amounts.Sum(a => a ?? 0));
        }).ToList();

        var groupDates = group?.Members.Where(g => e.Members.Any(m => m.Name == g.Name)).Select(g => g.PopulationDate).Distinct().ToList() ?? [];
        var populationDate = groupDates.Count == 1 ? DocumentModel.Iso(groupDates[0]) : null;
        var remainderMember = e.Remainder switch
        {
            RemainderRule.Representative => e.Members.Any(m => m.Name == e.Representative) ? e.Representative : e.Members.Count > 0 ? e.Members[0].Name : null,
            RemainderRule.LargestPopulation => e.Members.OrderByDescending(m => m.Population).FirstOrDefault()?.Name,
            _ => null,
        };
        var calculatedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.At, JapaneseDates.Tokyo).DateTime);

        return new CostShareInfo(
            e.Title,
            string.Join("・", components.Select(c => c.Name + c.Percent)),
            components,
            e.Remainder switch { RemainderRule.Representative => "representative", RemainderRule.LargestPopulation => "largest_population", _ => "largest_remainder" },
            remainderMember,
            e.Leaving == LeavingRule.ProRata ? "pro_rata" : "full_year",
            e.Representative,
            populationDate,
            DocumentModel.Iso(calculatedOn),
            e.By.Name,
            calculations,
            years.Select(y => new CostShareYearInfo(y.FiscalYear, DocumentModel.Iso(new DateOnly(y.FiscalYear, 4, 1)), y.Total)).ToList(),
            members,
            years.Sum(y => y.Total))
        {
            Breakdown = years.Where(y => y.Shares.Any(s => s.Components.Count > 0)).Select(Breakdown).ToList(),
        };
    }

    private static CostShareBreakdownInfo Breakdown(YearShares year)
    {
        var bases = year.Shares.SelectMany(s => s.Components.Select(c => c.Basis)).Distinct().OrderBy(b => b).ToList();
        var rows = year.Shares.Select(s => new CostShareBreakdownRow(s.Name,
            bases.Select(b => s.Components.Where(c => c.Basis == b).Sum(c => c.Amount)).ToList(), s.Adjustment, s.Amount)).ToList();
        return new CostShareBreakdownInfo(year.FiscalYear, DocumentModel.Iso(new DateOnly(year.FiscalYear, 4, 1)), bases.Select(BasisName).ToList(), rows,
            bases.Select((_, i) => rows.Sum(r => r.Parts[i])).ToList(), rows.Sum(r => r.Adjustment), year.Total);
    }

    private static string Percent(decimal ratio, decimal sum) =>
        (sum == 0 ? 0 : Math.Round(ratio * 100 / sum, 2, MidpointRounding.AwayFromZero)).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string BasisCode(ShareBasis basis) => basis switch
    {
        ShareBasis.Equal => "equal",
        ShareBasis.Population => "population",
        ShareBasis.DiminishingPopulation => "diminishing_population",
        _ => "usage",
    };

    public static string BasisName(ShareBasis basis) => basis switch
    {
        ShareBasis.Equal => "均等割",
        ShareBasis.Population => "人口割",
        ShareBasis.DiminishingPopulation => "逓減人口割",
        _ => "利用量割",
    };
}

public static class CostSharingServices
{
    /// <summary>The cost share's part of generated documents (the 導入計画's 費用分担).</summary>
    public static IServiceCollection AddCostSharing(this IServiceCollection services) =>
        services.AddScoped<IDocumentSectionSource, CostShareDocumentSection>();
}
