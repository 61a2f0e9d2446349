namespace Procurement.Features.Workflows.Pages;

/// <summary>Japanese labels (UI text keys) for the kinds of workflow history lines.</summary>
public static class WorkflowHistoryText
{
    public static string Kind(WorkflowHistoryKind kind) => kind switch
    {
        WorkflowHistoryKind.Started => "手続を開始",
        WorkflowHistoryKind.Completed => "完了",
        WorkflowHistoryKind.Skipped => "省略",
        WorkflowHistoryKind.SentBack => "差戻し",
        WorkflowHistoryKind.Migrated => "版の移行",
        WorkflowHistoryKind.DeadlineSet => "期限の設定",
        WorkflowHistoryKind.FactRecorded => "確認の記録",
        WorkflowHistoryKind.CompletedByRecord => "記録により完了",
        WorkflowHistoryKind.ReopenedByRecord => "記録により再開",
        _ => kind.ToString(),
    };
}
