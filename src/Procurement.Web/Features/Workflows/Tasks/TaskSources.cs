using Procurement.Features.Evaluation.Scoring;
using Procurement.Features.Workflows.Definitions;

namespace Procurement.Features.Workflows.Tasks;

/// <summary>A user the task list is built for: who they are and which roles they hold.</summary>
public sealed record TaskUser(Guid Id, string Name, IReadOnlySet<string> Roles)
{
    public bool Has(string role) => Roles.Contains(role);

    /// <summary>Officers' work is the administrator's too (the Officer policy's rule).</summary>
    public bool IsOfficer => Has(Infrastructure.Auth.Roles.Officer) || Has(Infrastructure.Auth.Roles.Admin);
}

/// <summary>
/// One pending action of one user on one case, contributed by the feature that owns it. Title and Left are templates
/// with arguments (keys of Resources/en.json), rendered in the reader's language by the page; <see cref="Month"/>, when
/// set, is rendered in the group's date style and passed as the title's first argument.
/// </summary>
public sealed record PendingTask(
    Guid UserId, Guid CaseId, string Kind, EngineText Title, EngineText? Left, string Url, DateOnly? Due, DateOnly? Month = null)
{
    /// <summary>Stable identity of the task (a reminder is recorded once per key and due date).</summary>
    public string Key => Month is { } m ? $"{Kind}:{m:yyyy-MM}" : Kind;
}

/// <summary>What a source reads for one case: the case, the group's users, today (Japan) and the workflow's due dates.</summary>
public sealed class TaskContext(IQuerySession session, CaseSummary @case, IReadOnlyList<TaskUser> users, DateOnly today,
    CaseWorkflowView? workflow, WorkflowDefinition? definition)
{
    public IQuerySession Session => session;
    public CaseSummary Case => @case;
    public IReadOnlyList<TaskUser> Users => users;
    public DateOnly Today => today;

    /// <summary>
    /// The due date of the workflow step a record completes (e.g. "TechnicalScoringClosed"), when the case's workflow
    /// has such a step with a date: features take their deadlines from the schedule instead of inventing their own.
    /// </summary>
    public DateOnly? DueForRecord(string eventName)
    {
        if (workflow is null || definition is null) return null;
        return definition.Steps.Where(s => s.CompletedBy.Any(r => r.Event == eventName))
            .Select(s => workflow.DueFor(s.Id)).FirstOrDefault(d => d is not null);
    }
}

/// <summary>
/// A feature's contribution to 「自分のタスク」: its pending actions per user of a case, read from its own read models.
/// The task list, its count and the reminders know only this interface, never the features' storage.
/// </summary>
public interface ITaskSource
{
    Task<IReadOnlyList<PendingTask>> PendingAsync(TaskContext context, CancellationToken ct);
}

/// <summary>Every sentence a task source writes: each is a key of Resources/en.json with the same placeholders (a test checks).</summary>
public static class TaskTexts
{
    public const string Declare = "利害関係を申告する";
    public const string DeclareLeft = "採点の前に必要です（評価対象 {0}社）";
    public const string Score = "提案を採点する";
    public const string ScoreLeft = "残り{0}項目（全{1}項目）";
    public const string ScoreReady = "全項目入力済み。提出してください";
    public const string Reconfirm = "評価基準の変更を確認する";
    public const string Close = "技術審査を締め切る";
    public const string CloseLeft = "全{0}名の採点表が提出されました";
    public const string Consensus = "合議事項を決定する";
    public const string ConsensusLeft = "結果の確定までに残っている事項 {0}件";
    public const string Finalise = "審査結果を確定する";
    public const string FinaliseLeft = "決めることは残っていません";
    public const string Review = "契約書類（第{0}版）を審査する";
    public const string ReviewLeft = "{0}が提出";
    public const string FixSentBack = "差し戻された契約書類（第{0}版）を修正する";
    public const string FixSentBackLeft = "差戻しの理由: {0}";
    public const string Answer = "事業者からの質問に回答する";
    public const string AnswerLeft = "未回答 {0}件";
    public const string RecordProposals = "提案書を記録する";
    public const string RecordProposalsLeft = "未記録 {0}社";
    public const string SlaMonth = "{0}のSLA測定値を入力する";
    public const string SlaMonthLeft = "測定項目 {0}件";

    public static IEnumerable<string> All() => EngineTexts.ConstantsOf(typeof(TaskTexts));
}

/// <summary>
/// An event that never changes how many tasks anyone has (a draft's cells, private notes): a save of only such events
/// does not recount the case's tasks (<see cref="TaskCountListener"/>). The task list itself is computed when shown.
/// </summary>
public interface ITaskCountNeutral;
