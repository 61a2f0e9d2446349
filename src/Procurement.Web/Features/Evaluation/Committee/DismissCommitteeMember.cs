namespace Procurement.Features.Evaluation.Committee;

/// <summary>
/// The officer takes a member off the committee while it is still being formed (a wrong pick, a member who cannot serve).
/// Once the proposals are opened the seats are fixed: the members have seen the proposals and their sheets are the record.
/// </summary>
[Access(Roles.Officer)]
public sealed record DismissCommitteeMember(Guid CaseId, Guid MemberId) : ICommand<long>, ICaseRequest;

public sealed class DismissCommitteeMemberValidator : AbstractValidator<DismissCommitteeMember>
{
    public DismissCommitteeMemberValidator() => RuleFor(c => c.MemberId).NotEmpty().WithMessage("解任する委員を選択してください。");
}

public sealed class DismissCommitteeMemberHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<DismissCommitteeMember, long>
{
    public static Decision Decide(EvaluationView state, DismissCommitteeMember c, Actor by, DateTimeOffset at)
    {
        if (state.Members.FirstOrDefault(m => m.MemberId == c.MemberId) is not { } seat) return Decision.Refuse("この案件の選定委員ではありません。");
        if (state.CriteriaFrozen) return Decision.Refuse("提案書の開封後は委員を解任できません。");
        return Decision.Append(new CommitteeMemberDismissed(c.CaseId, seat.MemberId, seat.Name, by, at));
    }

    public async ValueTask<long> Handle(DismissCommitteeMember c, CancellationToken ct)
    {
        return await EvaluationGate.AppendAsync(session, c.CaseId, state => Decide(state, c, user.Actor, clock.GetUtcNow()), ct);
    }
}
