namespace Procurement.Features.Renewal;

public enum RenewalChoice
{
    Continue, // サービス継続
    Switch,   // 切替え（次期調達）
}

/// <summary>The data the outgoing vendor must hand over for one 業務, in the standard that applies to it.</summary>
public sealed record DataProvisionObligation(string Business, string BusinessName, string Standard);

/// <summary>Phase4 サービス継続・切替え: the decision at the end of the contract term, with its reasons.</summary>
public sealed record ContinuationDecided(
    Guid CaseId, RenewalChoice Choice, string Reasons, string Lessons, string CurrentVendor, DateOnly ContractEnd,
    Guid? SuccessorCaseId, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => Choice == RenewalChoice.Continue ? t["サービス継続を決定しました"] : t["切替え（次期調達）を決定しました"];
    public string? TimelineDetail(UiText t) => Reasons;
}

/// <summary>First event after CaseOpened in a successor case: what it inherits from the case before it.</summary>
public sealed record CarriedOverFromPreviousCase(
    Guid CaseId, Guid PreviousCaseId, string PreviousTitle, string PreviousVendor, DateOnly PreviousContractEnd,
    IReadOnlyList<DataProvisionObligation> DataProvision, string Lessons, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["前回調達から引き継ぎました"];
    public string? TimelineDetail(UiText t) => t.Format("{0}（現行事業者: {1}、データ提供義務: {2}業務）", PreviousTitle, PreviousVendor, DataProvision.Count);
}
