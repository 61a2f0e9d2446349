using Procurement.Features.Groups;
using Procurement.Features.Users;

namespace Procurement.Features.Evaluation.Committee;

/// <summary>
/// The officer seats a user with the committee role on this case's selection committee; IsChair makes them 委員長.
/// Position is the 職 printed in the 委員名簿: null keeps what the seat has (so "make chair" does not erase it), blank clears it.
/// </summary>
[Access(Roles.Officer)]
public sealed record AppointCommitteeMember(Guid CaseId, Guid UserId, bool IsChair, string? Position = null) : ICommand<long>, ICaseRequest;

public sealed class AppointCommitteeMemberValidator : AbstractValidator<AppointCommitteeMember>
{
    public const int PositionMaxLength = 100;

    public AppointCommitteeMemberValidator()
    {
        RuleFor(c => c.UserId).NotEmpty().WithMessage("委員を選択してください。");
        RuleFor(c => c.Position).MaximumLength(PositionMaxLength).WithMessage("職は100文字以内で入力してください。");
    }
}

public sealed class AppointCommitteeMemberHandler(IDocumentSession session, ICurrentUser user, CaseAccess access, TimeProvider clock) : ICommandHandler<AppointCommitteeMember, long>
{
    public static Decision Decide(EvaluationView state, AppointCommitteeMember c, UserAccount? account, bool inCaseGroup, Actor by, DateTimeOffset at)
    {
        if (account is null || !account.IsActive) return Decision.Refuse("指定された利用者が見つかりません。");
        if (!inCaseGroup) return Decision.Refuse("この案件のグループに所属していない利用者は委員に選任できません。");
        if (!account.Roles.Contains(Roles.Committee) || account.Roles.Contains(Roles.Legal)) return Decision.Refuse("選定委員の役割を持つ利用者のみ委員に選任できます。");
        if (EvaluationRefusals.IfClosed(state) is { } refused) return refused;
        var seat = state.Members.FirstOrDefault(m => m.MemberId == c.UserId);
        var position = c.Position is null ? seat?.Position : string.IsNullOrWhiteSpace(c.Position) ? null : c.Position.Trim();
        if (seat is not null && seat.Position == position && (!c.IsChair || state.ChairId == c.UserId)) return Decision.Nothing;
        return Decision.Append(new CommitteeMemberAppointed(c.CaseId, c.UserId, account.DisplayName, c.IsChair, by, at, position));
    }

    public async ValueTask<long> Handle(AppointCommitteeMember c, CancellationToken ct)
    {
        var summary = await access.FindCaseAsync(c.CaseId, ct) ?? throw new DomainRuleException("案件が見つからないか、閲覧する権限がありません。");
        var account = await session.LoadAsync<UserAccount>(c.UserId, ct);
        var group = await session.LoadAsync<GroupView>(summary.GroupId, ct);
        var inGroup = group?.UserIds.Contains(c.UserId) == true;
        return await EvaluationGate.AppendAsync(session, c.CaseId, state => Decide(state, c, account, inGroup, user.Actor, clock.GetUtcNow()), ct);
    }
}
