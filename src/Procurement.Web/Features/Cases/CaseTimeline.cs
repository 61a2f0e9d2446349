using Procurement.Features.Catalog;
using Procurement.Features.Documents;
using Procurement.Features.Evaluation;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Definitions;

namespace Procurement.Features.Cases;

public sealed record TimelineEntry(long Version, DateTimeOffset At, string Who, string What, string? Detail, string? CorrelationId);

/// <summary>
/// What some sentences need besides the event itself: the case's workflow definition (steps read by their title) and
/// the names of the evaluation's vendors, members and items.
/// </summary>
public sealed record TimelineContext(WorkflowDefinition? Workflow = null, EvaluationNames? Evaluation = null);

/// <summary>
/// The one place an event becomes a history sentence, for every history that shows events: the case page, the
/// contract dossier, the evaluation's 経過, the workflow panel and the audit log. The histories are read straight from
/// the event streams: the stream is the audit trail, so a history shows exactly what was stored, in order, with who and when.
/// </summary>
public static class CaseTimeline
{
    /// <param name="streamId">The case stream, or another stream of the case (the contract dossier).</param>
    /// <param name="only">The events to show, when not all of them (one workflow step's).</param>
    public static async Task<IReadOnlyList<TimelineEntry>> LoadAsync(
        IQuerySession session, Guid streamId, UiText t, TimelineContext? context = null, Func<object, bool>? only = null, CancellationToken ct = default)
    {
        var events = await session.Events.FetchStreamAsync(streamId, token: ct);
        return events.Where(e => only?.Invoke(e.Data) ?? true).Select(e =>
        {
            var (what, detail) = Describe(e.Data, t, context);
            var (at, who) = e.Data is IAuditedEvent a ? (a.At, a.By.Name) : (e.Timestamp, "");
            return new TimelineEntry(e.Version, at, who, what, detail, e.CorrelationId);
        }).ToList();
    }

    private static string Businesses(IEnumerable<string> codes, UiText t) =>
        string.Join(t.Comma, codes.Select(c => BusinessCatalog.Find(c) is { } b ? (UiText.IsEnglish ? b.EnglishName : b.Name) : c));

    private static string Procedure(ProcurementProcedure? p, UiText t) =>
        p is { } v ? $" {t.Slash} {t["調達方式"]}: {t[ProcurementProcedures.DisplayName(v)]}" : "";

    /// <summary>
    /// The sentence (and detail line) of any event: the case's own, the workflow's, the evaluation's, and the events that
    /// describe themselves (<see cref="ITimelineDescribed"/>). A type name is what an undescribed event would show; a
    /// test keeps every event type from reaching it.
    /// </summary>
    public static (string What, string? Detail) Describe(object data, UiText t, TimelineContext? context = null) => data switch
    {
        CaseOpened e => (t["案件を作成しました"],
            $"{e.Title} {t.Slash} {t["対象業務"]}: {Businesses(e.TargetBusinesses, t)} {t.Slash} {e.CloudForm} {t.Slash} {t["稼働予定"]}: {JapaneseDates.Format(e.PlannedGoLive)} {t.Slash} {t["予算上限額"]}: {t.Yen(e.BudgetCeiling)}{Procedure(e.Procedure, t)}"),
        CaseDetailsChanged e => (t["案件情報を変更しました"],
            $"{e.Title} {t.Slash} {t["対象業務"]}: {Businesses(e.TargetBusinesses, t)} {t.Slash} {e.CloudForm} {t.Slash} {t["稼働予定"]}: {JapaneseDates.Format(e.PlannedGoLive)} {t.Slash} {t["予算上限額"]}: {t.Yen(e.BudgetCeiling)}{Procedure(e.Procedure, t)}"),
        ITimelineDescribed d => (d.TimelineTitle(t), d.TimelineDetail(t)),
        _ when WorkflowTimeline.Describe(data, context?.Workflow) is { } sentence => (sentence, null),
        _ when EvaluationHistory.Sentence(data, context?.Evaluation ?? EvaluationNames.None) is { } said => (t.Format(said.Template, [.. said.Args]), null),
        _ => (data.GetType().Name, null),
    };
}

/// <summary>An event that carries its own history sentence (the events of features without a describer of their own).</summary>
public interface ITimelineDescribed
{
    string TimelineTitle(UiText t);
    string? TimelineDetail(UiText t) => null;
}
