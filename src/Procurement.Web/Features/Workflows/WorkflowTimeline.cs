using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Guards;

using static Procurement.Features.Workflows.WorkflowText;

namespace Procurement.Features.Workflows;

/// <summary>
/// Sentences for workflow events on the case timeline (who is shown separately from <c>By</c>), in the reader's
/// language: each piece is a UI text template, steps read by their title in that language; notes and reasons stay as typed.
/// </summary>
public static class WorkflowTimeline
{
    /// <summary>Null for events that are not workflow events, so the timeline can ask every describer in turn.</summary>
    public static string? Describe(object @event, WorkflowDefinition? definition)
    {
        string Step(string id) => definition?.FindStep(id) is { } step ? Title(step) : id;
        string Steps(IEnumerable<string> ids) => string.Join(UiText.IsEnglish ? ", " : "、", ids.Select(s => T.Format("「{0}」", Step(s))));
        string Date(DateOnly d) => Documents.JapaneseDates.Format(d, Documents.DateStyle.WarekiOnly, UiText.IsEnglish);

        return @event switch
        {
            WorkflowStarted e => T.Format("手続「{0}」（第{1}版）を開始しました。", definition is null ? e.DefinitionId : Label(definition.Title), e.Version),
            StepCompleted { Skipped: true } e => T.Format("「{0}」を省略しました。", Step(e.StepId)) + Note(e.Note),
            StepCompleted { Record: { } record } e => T.Format("記録「{1}」により「{0}」が完了しました。", Step(e.StepId), RecordTitle(record.Event)) +
                (e.Choice is null ? "" : T.Format("選択: {0}。", definition?.FindStep(e.StepId)?.Choice.FirstOrDefault(c => c.To == e.Choice)?.Label is { } chosen ? Label(chosen) : e.Choice)) +
                (e.Activated.Count > 0 ? T.Format("次: {0}。", Steps(e.Activated)) : "") +
                (e.WorkflowFinished ? T["手続が終了しました。"] : ""),
            StepReopenedByRecord e => T.Format("記録「{1}」により「{0}」を再開しました。", Step(e.StepId), RecordTitle(e.Record.Event)),
            StepCompleted e => T.Format("「{0}」を完了しました。", Step(e.StepId)) +
                (e.Choice is null ? "" : T.Format("選択: {0}。", definition?.FindStep(e.StepId)?.Choice.FirstOrDefault(c => c.To == e.Choice)?.Label is { } label ? Label(label) : e.Choice)) +
                (e.Activated.Count > 0 ? T.Format("次: {0}。", Steps(e.Activated)) : "") +
                (e.WorkflowFinished ? T["手続が終了しました。"] : "") + Note(e.Note),
            CaseSentBack e => T.Format("「{0}」から「{1}」へ差し戻しました。理由: {2}", Step(e.FromStep), Step(e.ToStep), e.Reason),
            CaseMigrated e => T.Format("手続を第{0}版から第{1}版へ移行しました。理由: {2}", e.FromVersion, e.ToVersion, e.Reason),
            StepDeadlineSet e => T.Format("「{0}」の期限を{1}に設定しました。", Step(e.StepId), Date(e.Due)) + (e.Reason is null ? "" : T.Format("（{0}）", e.Reason)),
            ReminderRecorded e => e.Mailed
                ? T.Format("{0}さんに「{1}」（期限 {2}）をリマインドしました（メール送信）。", e.UserName, Step(e.StepId), Date(e.Due))
                : T.Format("{0}さんに「{1}」（期限 {2}）をリマインドしました。", e.UserName, Step(e.StepId), Date(e.Due)),
            CaseFactRecorded e => (e.Holds ? T.Format("確認: {0}。", Fact(e.Fact)) : T.Format("取消し: {0}。", Fact(e.Fact))) + Note(e.Note),
            _ => null,
        };

        static string Note(string? note) => note is null ? "" : T.Format("メモ: {0}", note);
    }

    /// <summary>The step a workflow event is about (a send-back: the step it returns to), or null.</summary>
    public static string? StepOf(object @event) => @event switch
    {
        StepCompleted e => e.StepId,
        StepReopenedByRecord e => e.StepId,
        CaseSentBack e => e.ToStep,
        StepDeadlineSet e => e.StepId,
        ReminderRecorded e => e.StepId,
        _ => null,
    };

    private static string Fact(string fact) => T[CaseFacts.Titles.GetValueOrDefault(fact, fact)];
}
