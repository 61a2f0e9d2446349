namespace Procurement.Features.CostSharing;

public sealed record CostShareMember(string Name, long Population, decimal Usage, DateOnly? JoinedOn, DateOnly? LeftOn);

/// <summary>A cost-share calculation the officer recorded for the 導入計画 (inputs and the yen result, so it can be re-checked later).</summary>
public sealed record CostShareCalculated(
    Guid CaseId, string Title, IReadOnlyList<ShareComponent> Components, RemainderRule Remainder, LeavingRule Leaving,
    double PopulationExponent, IReadOnlyList<CostShareMember> Members, string Representative,
    IReadOnlyList<YearShares> Years, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["費用分担を算定しました"];

    public string? TimelineDetail(UiText t) =>
        $"{Title} {t.Slash} {string.Join(t.Comma, Years.Select(y => $"{y.FiscalYear}{t["年度"]} {t.Yen(y.Total)}"))}";
}
