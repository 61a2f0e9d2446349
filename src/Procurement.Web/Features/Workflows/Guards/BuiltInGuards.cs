namespace Procurement.Features.Workflows.Guards;

/// <summary>A guard a person can satisfy by confirming a fact on the case (the step page offers the form).</summary>
public interface IFactGuard
{
    string Fact { get; }
}

/// <summary>A guard satisfied when a user has confirmed the fact on the case (latest confirmation wins).</summary>
public abstract class RecordedFactGuard(string name, string fact) : IWorkflowGuard, IFactGuard
{
    public string Name => name;
    public string Fact => fact;
    public string Description => CaseFacts.Titles[fact];

    public ValueTask<GuardResult> EvaluateAsync(GuardContext context, CancellationToken ct) =>
        ValueTask.FromResult(context.Workflow.FactHolds(fact)
            ? GuardResult.Pass
            : GuardResult.Fail(WorkflowText.T.Format("「{0}」ことが記録されていません。", WorkflowText.T[Description])));
}

/// <summary>
/// A guard that looks at what the feature itself recorded, and falls back to a fact an officer confirmed
/// (cases that did their evaluation or drafting outside the system, e.g. on paper, can still move on).
/// </summary>
public abstract class CheckedOrRecordedGuard(string name, string fact) : IWorkflowGuard, IFactGuard
{
    public string Name => name;
    public string Fact => fact;
    public string Description => CaseFacts.Titles[fact];

    protected abstract ValueTask<string?> CheckAsync(GuardContext context, CancellationToken ct);

    public async ValueTask<GuardResult> EvaluateAsync(GuardContext context, CancellationToken ct)
    {
        if (context.Workflow.FactHolds(fact)) return GuardResult.Pass;
        var problem = await CheckAsync(context, ct);
        return problem is null ? GuardResult.Pass : GuardResult.Fail(WorkflowText.T.Format("{0}（システム外で済ませた場合は「{1}」ことを記録してください。）", problem, WorkflowText.T[Description]));
    }
}

/// <summary>The evaluation's criteria are frozen (proposals opened).</summary>
public sealed class CriteriaFrozenGuard() : CheckedOrRecordedGuard("criteria-frozen", CaseFacts.CriteriaFrozen)
{
    protected override async ValueTask<string?> CheckAsync(GuardContext context, CancellationToken ct) =>
        (await Evaluation.EvaluationGate.LoadAsync(context.Session, context.CaseId, ct)).CriteriaFrozen
            ? null
            : WorkflowText.T["評価基準が確定（提案の開封）されていません。"];
}

/// <summary>Every appointed committee member has submitted their score sheet, or the chair has closed scoring.</summary>
public sealed class AllCommitteeSubmittedGuard() : CheckedOrRecordedGuard("all-committee-submitted", CaseFacts.CommitteeScoresSubmitted)
{
    protected override async ValueTask<string?> CheckAsync(GuardContext context, CancellationToken ct)
    {
        var evaluation = await Evaluation.EvaluationGate.LoadAsync(context.Session, context.CaseId, ct);
        if (evaluation.TechnicalClosed) return null;
        if (evaluation.Members.Count == 0) return WorkflowText.T["選定委員が任命されていません。"];
        var sheets = await context.Session.Query<Evaluation.ScoreSheets.ScoreSheetView>().Where(s => s.CaseId == context.CaseId).ToListAsync(ct);
        var missing = evaluation.Members
            .Where(m => sheets.FirstOrDefault(s => s.MemberId == m.MemberId)?.Status != Evaluation.ScoreSheets.ScoreSheetStatus.Submitted)
            .Select(m => m.Name).ToList();
        return missing.Count == 0 ? null : WorkflowText.T.Format("採点票を提出していない委員がいます: {0}", string.Join("、", missing));
    }
}

/// <summary>
/// A contract draft has been submitted for review: submission is refused unless every mandatory clause is
/// present (clause-rules.json, checked by Contracts/Drafting/DraftRenderer.Missing), so a submitted version proves it.
/// </summary>
public sealed class MandatoryClausesPresentGuard() : CheckedOrRecordedGuard("mandatory-clauses-present", CaseFacts.MandatoryClausesChecked)
{
    protected override async ValueTask<string?> CheckAsync(GuardContext context, CancellationToken ct)
    {
        var dossier = await context.Session.LoadAsync<Contracts.ContractDossier>(Contracts.ContractStreams.DossierId(context.CaseId), ct);
        return dossier?.LatestSubmitted is not null ? null : WorkflowText.T["必須条項を確認した契約書・SLAの草案がまだ審査に提出されていません。"];
    }
}

public sealed class OrdinanceAmendedGuard() : RecordedFactGuard("ordinance-amended", CaseFacts.OrdinanceAmended);

/// <summary>A cost share has been calculated and recorded for the case.</summary>
public sealed class CostShareAgreedGuard() : CheckedOrRecordedGuard("cost-share-agreed", CaseFacts.CostShareAgreed)
{
    protected override async ValueTask<string?> CheckAsync(GuardContext context, CancellationToken ct) =>
        (await context.Session.LoadAsync<CostSharing.CostSharePlan>(context.CaseId, ct))?.Latest is not null
            ? null
            : WorkflowText.T["費用分担の算定結果が記録されていません。"];
}

public sealed class ContractSignedGuard() : RecordedFactGuard("contract-signed", CaseFacts.ContractSigned);

public sealed class MigrationReconciledGuard() : RecordedFactGuard("migration-reconciled", CaseFacts.MigrationReconciled);

/// <summary>The plan names what is procured: at least one target 業務 on the case (CaseOpened / CaseDetailsChanged).</summary>
public sealed class TargetBusinessesChosenGuard : IWorkflowGuard
{
    public string Name => "target-businesses-chosen";
    public string Description => "対象業務が1つ以上選ばれている";

    public ValueTask<GuardResult> EvaluateAsync(GuardContext context, CancellationToken ct)
    {
        var latest = context.CaseEvents.Select(e => e switch
        {
            CaseOpened o => o.TargetBusinesses,
            CaseDetailsChanged c => c.TargetBusinesses,
            _ => null,
        }).LastOrDefault(t => t is not null);
        return ValueTask.FromResult(latest is { Count: > 0 }
            ? GuardResult.Pass
            : GuardResult.Fail(WorkflowText.T["対象業務が選ばれていません。案件の詳細で対象業務を選んでください。"]));
    }
}

/// <summary>
/// A period step (e.g. 提案書受付) may not be closed before its own due date: closing reception early
/// would shut out a vendor who was still within the announced period.
/// </summary>
public sealed class DeadlineReachedGuard : IWorkflowGuard
{
    public string Name => "deadline-reached";
    public string Description => "期限日が到来している";

    public ValueTask<GuardResult> EvaluateAsync(GuardContext context, CancellationToken ct)
    {
        if (context.Workflow.DueFor(context.StepId) is not { } due)
        {
            return ValueTask.FromResult(GuardResult.Fail(WorkflowText.T["期限日が設定されていません。"]));
        }
        var today = WorkflowClock.Today(context.Now);
        return ValueTask.FromResult(today >= due
            ? GuardResult.Pass
            : GuardResult.Fail(WorkflowText.T.Format("期限日（{0}）より前には完了できません。", due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
    }
}
