using Procurement.Features.Cases;

namespace Procurement.Features.Workflows.Guards;

/// <summary>A guard satisfied when a user has confirmed the fact on the case (latest confirmation wins).</summary>
public abstract class RecordedFactGuard(string name, string fact) : IWorkflowGuard
{
    public string Name => name;
    public string Fact => fact;
    public string Description => CaseFacts.Titles[fact];

    public ValueTask<GuardResult> EvaluateAsync(GuardContext context, CancellationToken ct) =>
        ValueTask.FromResult(context.Workflow.FactHolds(fact)
            ? GuardResult.Pass
            : GuardResult.Fail($"「{Description}」ことが記録されていません。"));
}

public sealed class CriteriaFrozenGuard() : RecordedFactGuard("criteria-frozen", CaseFacts.CriteriaFrozen);

public sealed class AllCommitteeSubmittedGuard() : RecordedFactGuard("all-committee-submitted", CaseFacts.CommitteeScoresSubmitted);

public sealed class MandatoryClausesPresentGuard() : RecordedFactGuard("mandatory-clauses-present", CaseFacts.MandatoryClausesChecked);

public sealed class OrdinanceAmendedGuard() : RecordedFactGuard("ordinance-amended", CaseFacts.OrdinanceAmended);

public sealed class CostShareAgreedGuard() : RecordedFactGuard("cost-share-agreed", CaseFacts.CostShareAgreed);

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
            : GuardResult.Fail("対象業務が選ばれていません。案件の詳細で対象業務を選んでください。"));
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
            return ValueTask.FromResult(GuardResult.Fail("期限日が設定されていません。"));
        }
        var today = WorkflowClock.Today(context.Now);
        return ValueTask.FromResult(today >= due
            ? GuardResult.Pass
            : GuardResult.Fail($"期限日（{due:yyyy-MM-dd}）より前には完了できません。"));
    }
}
