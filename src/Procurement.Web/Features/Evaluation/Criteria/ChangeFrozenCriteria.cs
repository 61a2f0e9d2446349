using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Features.Evaluation.Criteria;

/// <summary>A change after proposals were opened: needs a written reason, and every member must re-confirm before submitting.</summary>
[Access(Roles.Officer)]
public sealed record ChangeFrozenCriteria(Guid CaseId, IReadOnlyList<CriteriaCategory> Categories, EvaluationSettings Settings, string Reason) : ICommand<long>, ICriteriaCommand, ICaseRequest;

public sealed class ChangeFrozenCriteriaValidator : AbstractValidator<ChangeFrozenCriteria>
{
    public ChangeFrozenCriteriaValidator()
    {
        Include(new CriteriaValidator());
        RuleFor(c => c.Reason).NotEmpty().WithMessage("変更理由を入力してください。").MaximumLength(2000);
    }
}

public sealed class ChangeFrozenCriteriaHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<ChangeFrozenCriteria, long>
{
    public static Decision Decide(EvaluationView state, ChangeFrozenCriteria c, Actor by, DateTimeOffset at)
    {
        if (!state.CriteriaFrozen) return Decision.Refuse("提案書の開封前は、通常の評価基準の定義で変更してください。");
        if (EvaluationRefusals.IfClosed(state) is { } refused) return refused;
        return Decision.Append(new FrozenCriteriaChanged(c.CaseId, c.Categories, c.Settings, state.CriteriaRevision + 1, c.Reason.Trim(), by, at));
    }

    public async ValueTask<long> Handle(ChangeFrozenCriteria c, CancellationToken ct)
    {
        return await EvaluationGate.AppendAsync(session, c.CaseId, state => Decide(state, c, user.Actor, clock.GetUtcNow()), ct);
    }
}
