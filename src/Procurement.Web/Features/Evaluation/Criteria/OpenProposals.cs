namespace Procurement.Features.Evaluation.Criteria;

/// <summary>The officer opens the proposals; from this moment the criteria are frozen (no moving the goalposts after seeing the bids).</summary>
[Access(Roles.Officer)]
public sealed record OpenProposals(Guid CaseId) : ICommand<long>, ICaseRequest;

public sealed class OpenProposalsHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<OpenProposals, long>
{
    public static Decision Decide(EvaluationView state, OpenProposals c, Actor by, DateTimeOffset at)
    {
        if (state.CriteriaFrozen) return Decision.Nothing;
        if (state.Criteria.Count == 0) return Decision.Refuse("評価基準が定義されていないため、提案書を開封できません。");
        if (state.Members.Count == 0 || state.ChairId is null) return Decision.Refuse("選定委員と委員長を選任してから提案書を開封してください。");
        return Decision.Append(new ProposalsOpened(c.CaseId, by, at));
    }

    public async ValueTask<long> Handle(OpenProposals c, CancellationToken ct)
    {
        return await EvaluationGate.AppendAsync(session, c.CaseId, state => Decide(state, c, user.Actor, clock.GetUtcNow()), ct);
    }
}
