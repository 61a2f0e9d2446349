namespace Procurement.Features.Evaluation.Criteria;

/// <summary>A member confirms they have read the latest change of the frozen criteria.</summary>
[Access(Roles.Committee)]
public sealed record ConfirmCriteriaChange(Guid CaseId, int Revision) : ICommand<long>, ICaseRequest;

public sealed class ConfirmCriteriaChangeHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<ConfirmCriteriaChange, long>
{
    public static Decision Decide(EvaluationView state, ConfirmCriteriaChange c, Guid memberId, Actor by, DateTimeOffset at)
    {
        if (c.Revision != state.CriteriaRevision) return Decision.Refuse("評価基準がさらに変更されています。最新の内容を確認してください。");
        if (!state.PendingReconfirmation.Contains(memberId)) return Decision.Nothing;
        return Decision.Append(new CriteriaChangeConfirmed(c.CaseId, memberId, c.Revision, by, at));
    }

    public async ValueTask<long> Handle(ConfirmCriteriaChange c, CancellationToken ct)
    {
        return await EvaluationGate.AppendAsync(session, c.CaseId, state =>
        {
            EvaluationGate.RequireMember(user, state);
            return Decide(state, c, user.Id, user.Actor, clock.GetUtcNow());
        }, ct);
    }
}
