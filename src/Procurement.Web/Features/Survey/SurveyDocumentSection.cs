using Procurement.Features.Catalog;
using Procurement.Features.Documents;
using Procurement.Features.Groups;

namespace Procurement.Features.Survey;

/// <summary>The 現行システム概要調査 as the 導入計画's 現行システムの状況 section (null until a row is recorded).</summary>
public sealed class SurveyDocumentSection(IQuerySession session) : IDocumentSectionSource
{
    public async ValueTask<DocumentSections> ContributeAsync(Guid caseId, DocumentSections current, CancellationToken ct)
    {
        if (current.CurrentSystems is not null) return current;
        var survey = await session.LoadAsync<CurrentSystemSurvey>(caseId, ct);
        if (survey is null || survey.Systems.Count == 0) return current;
        var summary = await session.LoadAsync<CaseSummary>(caseId, ct);
        if (summary is null) return current;
        var group = await session.LoadAsync<GroupView>(summary.GroupId, ct);
        return current with { CurrentSystems = Build(survey, summary.PlannedGoLive, group?.Members.Select(m => m.Name).ToList() ?? []) };
    }

    /// <summary>
    /// 業務 in the catalogue's order, members in the group's order; the warnings are the survey page's
    /// (<see cref="LeaseCheck"/>), earliest expiry first, so the document and the page never disagree.
    /// </summary>
    public static CurrentSystemsInfo Build(CurrentSystemSurvey survey, DateOnly goLive, IReadOnlyList<string> members)
    {
        static int Order(string code)
        {
            for (var i = 0; i < BusinessCatalog.All.Count; i++) if (BusinessCatalog.All[i].Code == code) return i;
            return int.MaxValue;
        }
        static string Name(string code) => BusinessCatalog.Find(code)?.Name ?? code;
        int MemberOrder(string name)
        {
            for (var i = 0; i < members.Count; i++) if (members[i] == name) return i;
            return int.MaxValue;
        }

        var businesses = survey.Systems
            .GroupBy(s => s.Business)
            .OrderBy(g => Order(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SurveyedBusiness(Name(g.Key), g
                .OrderBy(s => MemberOrder(s.Municipality)).ThenBy(s => s.Municipality, StringComparer.Ordinal)
                .Select(s => new SurveyedSystem(s.Municipality, s.PackageName, s.Vendor, ContractForms.DisplayName(s.ContractForm),
                    DocumentModel.Iso(s.ContractStart), DocumentModel.Iso(s.ContractExpiry), s.InitialCostPerYear + s.OperationCostPerYear))
                .ToList()))
            .ToList();

        var names = members.Concat(survey.Systems.Select(s => s.Municipality).Where(m => !members.Contains(m)).Distinct()).ToList();
        var surveyed = names.Select(name =>
        {
            var own = survey.Systems.Where(s => s.Municipality == name).ToList();
            return own.Count == 0
                ? new SurveyedMember(name, 0, null, null)
                : new SurveyedMember(name, own.Count, DocumentModel.Iso(own.Min(s => s.ContractExpiry)), DocumentModel.Iso(own.Max(s => s.ContractExpiry)));
        }).ToList();

        var warnings = survey.Systems
            .Select(s => (System: s, Timing: LeaseCheck.Classify(s, goLive)))
            .Where(x => x.Timing != LeaseTiming.Fits)
            .OrderBy(x => x.System.ContractExpiry).ThenBy(x => MemberOrder(x.System.Municipality)).ThenBy(x => Order(x.System.Business))
            .Select(x => new LeaseWarning(x.System.Municipality, Name(x.System.Business), DocumentModel.Iso(x.System.ContractExpiry),
                x.Timing == LeaseTiming.EndsBeforeGoLive ? "ends_before_go_live" : "ends_long_after_go_live", LeaseCheck.Describe(x.Timing)))
            .ToList();

        return new CurrentSystemsInfo(businesses, surveyed, warnings, survey.TotalAnnualCost);
    }
}

public static class SurveyServices
{
    /// <summary>The survey's part of generated documents (the 導入計画's 現行システムの状況).</summary>
    public static IServiceCollection AddSurvey(this IServiceCollection services) =>
        services.AddScoped<IDocumentSectionSource, SurveyDocumentSection>();
}
