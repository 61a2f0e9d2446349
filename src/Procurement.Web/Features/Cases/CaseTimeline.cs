using Procurement.Features.Catalog;
using Procurement.Features.Documents;

namespace Procurement.Features.Cases;

public sealed record TimelineEntry(long Version, DateTimeOffset At, string Who, string What, string? Detail, string? CorrelationId);

/// <summary>
/// The case history read straight from the event stream: the stream is the audit trail, so the
/// timeline shows exactly what was stored, in order, with who and when.
/// </summary>
public static class CaseTimeline
{
    /// <param name="streamId">The case stream, or another stream of the case whose events describe themselves (the contract dossier).</param>
    /// <param name="workflow">The case's workflow definition, so workflow events name their steps by title.</param>
    public static async Task<IReadOnlyList<TimelineEntry>> LoadAsync(
        IQuerySession session, Guid streamId, UiText t, Workflows.Definitions.WorkflowDefinition? workflow = null, CancellationToken ct = default)
    {
        var events = await session.Events.FetchStreamAsync(streamId, token: ct);
        return events.Select(e =>
        {
            var (what, detail) = Workflows.WorkflowTimeline.Describe(e.Data, workflow) is { } sentence ? (sentence, null) : Describe(e.Data, t);
            var (at, who) = e.Data is IAuditedEvent a ? (a.At, a.By.Name) : (e.Timestamp, "");
            return new TimelineEntry(e.Version, at, who, what, detail, e.CorrelationId);
        }).ToList();
    }

    private static string Businesses(IEnumerable<string> codes, UiText t) =>
        string.Join(t.Comma, codes.Select(c => BusinessCatalog.Find(c) is { } b ? (UiText.IsEnglish ? b.EnglishName : b.Name) : c));

    private static string Procedure(ProcurementProcedure? p, UiText t) =>
        p is { } v ? $" {t.Slash} {t["調達方式"]}: {t[ProcurementProcedures.DisplayName(v)]}" : "";

    public static (string What, string? Detail) Describe(object data, UiText t) => data switch
    {
        CaseOpened e => (t["案件を作成しました"],
            $"{e.Title} {t.Slash} {t["対象業務"]}: {Businesses(e.TargetBusinesses, t)} {t.Slash} {e.CloudForm} {t.Slash} {t["稼働予定"]}: {JapaneseDates.Format(e.PlannedGoLive)} {t.Slash} {t["予算上限額"]}: {t.Yen(e.BudgetCeiling)}{Procedure(e.Procedure, t)}"),
        CaseDetailsChanged e => (t["案件情報を変更しました"],
            $"{e.Title} {t.Slash} {t["対象業務"]}: {Businesses(e.TargetBusinesses, t)} {t.Slash} {e.CloudForm} {t.Slash} {t["稼働予定"]}: {JapaneseDates.Format(e.PlannedGoLive)} {t.Slash} {t["予算上限額"]}: {t.Yen(e.BudgetCeiling)}{Procedure(e.Procedure, t)}"),
        ITimelineDescribed d => (d.TimelineTitle(t), d.TimelineDetail(t)),
        _ => (data.GetType().Name, null),
    };
}

/// <summary>Events of later features describe themselves for the timeline.</summary>
public interface ITimelineDescribed
{
    string TimelineTitle(UiText t);
    string? TimelineDetail(UiText t) => null;
}
