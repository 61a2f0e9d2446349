using System.Globalization;
using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Guards;

namespace Procurement.Features.Workflows;

/// <summary>Japanese sentences for workflow events on the case timeline (who is shown separately from <c>By</c>).</summary>
public static class WorkflowTimeline
{
    /// <summary>Null for events that are not workflow events, so the timeline can ask every describer in turn.</summary>
    public static string? Describe(object @event, WorkflowDefinition? definition)
    {
        string Step(string id) => definition?.FindStep(id)?.Title.Ja ?? id;
        string Steps(IEnumerable<string> ids) => string.Join("、", ids.Select(s => $"「{Step(s)}」"));
        static string Date(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

        return @event switch
        {
            WorkflowStarted e => $"手続「{definition?.Title.Ja ?? e.DefinitionId}」（第{e.Version}版）を開始しました。",
            StepCompleted { Skipped: true } e => $"「{Step(e.StepId)}」を省略しました。" + Note(e.Note),
            StepCompleted e => $"「{Step(e.StepId)}」を完了しました。" +
                (e.Choice is null ? "" : $"選択: {definition?.FindStep(e.StepId)?.Choice.FirstOrDefault(c => c.To == e.Choice)?.Label.Ja ?? e.Choice}。") +
                (e.Activated.Count > 0 ? $"次: {Steps(e.Activated)}。" : "") +
                (e.WorkflowFinished ? "手続が終了しました。" : "") + Note(e.Note),
            CaseSentBack e => $"「{Step(e.FromStep)}」から「{Step(e.ToStep)}」へ差し戻しました。理由: {e.Reason}",
            CaseMigrated e => $"手続を第{e.FromVersion}版から第{e.ToVersion}版へ移行しました。理由: {e.Reason}",
            StepDeadlineSet e => $"「{Step(e.StepId)}」の期限を{Date(e.Due)}に設定しました。" + (e.Reason is null ? "" : $"（{e.Reason}）"),
            ReminderRecorded e => $"{e.UserName}さんに「{Step(e.StepId)}」（期限 {Date(e.Due)}）をリマインドしました{(e.Mailed ? "（メール送信）" : "")}。",
            CaseFactRecorded e => $"{(e.Holds ? "確認" : "取消し")}: {CaseFacts.Titles.GetValueOrDefault(e.Fact, e.Fact)}。" + Note(e.Note),
            _ => null,
        };

        static string Note(string? note) => note is null ? "" : $"メモ: {note}";
    }
}
