using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Features.Evaluation.Criteria;

/// <summary>The officer sets the criteria and the scoring settings; replaces the earlier definition until proposals are opened.</summary>
[Access(Roles.Officer)]
public sealed record DefineCriteria(Guid CaseId, IReadOnlyList<CriteriaCategory> Categories, EvaluationSettings Settings) : ICommand<long>, ICriteriaCommand, ICaseRequest;

public sealed class DefineCriteriaValidator : AbstractValidator<DefineCriteria>
{
    public DefineCriteriaValidator() => Include(new CriteriaValidator());
}

public sealed class DefineCriteriaHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<DefineCriteria, long>
{
    public static Decision Decide(EvaluationView state, DefineCriteria c, Actor by, DateTimeOffset at)
    {
        if (state.CriteriaFrozen) return Decision.Refuse("提案書の開封後は評価基準をそのまま変更できません。変更理由を記入し、全委員の再確認を求めてください。");
        return Decision.Append(new CriteriaDefined(c.CaseId, c.Categories, c.Settings, by, at));
    }

    public async ValueTask<long> Handle(DefineCriteria c, CancellationToken ct)
    {
        return await EvaluationGate.AppendAsync(session, c.CaseId, state => Decide(state, c, user.Actor, clock.GetUtcNow()), ct);
    }
}
