using Procurement.Features.Workflows.Guards;
using Procurement.Features.Workflows.Runtime;

namespace Procurement.Features.Workflows;

/// <summary>A user confirms (or withdraws) a fact a guard checks, e.g. "評価基準を確定した".</summary>
[Access(Access.Internal)]
public sealed record RecordCaseFactCommand(Guid CaseId, string Fact, bool Holds = true, string? Note = null, long? ExpectedVersion = null)
    : ICommand<CaseWorkflowView>, ICaseRequest;

public sealed class RecordCaseFactValidator : AbstractValidator<RecordCaseFactCommand>
{
    public RecordCaseFactValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty().WithMessage("案件を指定してください。");
        RuleFor(c => c.Fact).Must(CaseFacts.IsKnown).WithMessage("記録できない事項です。");
        RuleFor(c => c.Note).MaximumLength(4000).WithMessage("メモは4,000文字以内で入力してください。");
    }
}

public static class RecordCaseFact
{
    /// <summary>Who may confirm each fact: the people who would know it.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> AllowedRoles = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [CaseFacts.CriteriaFrozen] = [Roles.Officer],
        [CaseFacts.CommitteeScoresSubmitted] = [Roles.Officer, Roles.Committee],
        [CaseFacts.MandatoryClausesChecked] = [Roles.Officer, Roles.Legal],
        [CaseFacts.OrdinanceAmended] = [Roles.Officer, Roles.Legal],
        [CaseFacts.CostShareAgreed] = [Roles.Officer],
        [CaseFacts.ContractSigned] = [Roles.Officer, Roles.Legal],
        [CaseFacts.MigrationReconciled] = [Roles.Officer],
    };

    public static Decision Decide(CaseWorkflowView view, RecordCaseFactCommand c, WorkflowActor actor, DateTimeOffset now)
    {
        var allowed = AllowedRoles[c.Fact];
        if (!actor.MayActAs(allowed)) return Decision.Refuse("「{0}」を記録できるのは{1}です。", Reason.Of(CaseFacts.Titles[c.Fact]), WorkflowText.RoleNames(allowed));
        if (view.FactHolds(c.Fact) == c.Holds && view.Facts.ContainsKey(c.Fact)) return Decision.Nothing;
        return Decision.Append(new CaseFactRecorded(view.Id, c.Fact, c.Holds, string.IsNullOrWhiteSpace(c.Note) ? null : c.Note.Trim(), actor.Actor, now));
    }
}

public sealed class RecordCaseFactHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordCaseFactCommand, CaseWorkflowView>
{
    public async ValueTask<CaseWorkflowView> Handle(RecordCaseFactCommand command, CancellationToken cancellationToken)
    {
        var stream = await WorkflowStreams.FetchAsync(session, command.CaseId, command.ExpectedVersion, cancellationToken);
        var view = stream.Aggregate ?? throw new DomainRuleException(WorkflowStreams.NotStarted);
        var decision = RecordCaseFact.Decide(view, command, WorkflowActor.From(user), clock.GetUtcNow());
        return await WorkflowStreams.SaveAsync(session, stream, EventStreamWriter.Accept(decision), cancellationToken);
    }
}
