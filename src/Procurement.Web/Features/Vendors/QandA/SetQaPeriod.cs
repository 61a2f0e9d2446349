namespace Procurement.Features.Vendors.QandA;

/// <summary>
/// 質問回答期間: from 公告 to the proposal deadline (JST). Changing it later does not re-judge
/// proposals already received: whether one was late is decided and recorded when it arrives.
/// </summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record SetQaPeriodCommand(Guid CaseId, DateOnly? AnnouncedOn, DateTimeOffset? ProposalDeadline) : ICommand, ICaseRequest;

public sealed class SetQaPeriodValidator : AbstractValidator<SetQaPeriodCommand>
{
    public SetQaPeriodValidator(UiText t)
    {
        RuleFor(c => c.AnnouncedOn).NotNull().WithMessage(t["公告日を入力してください。"]);
        RuleFor(c => c.ProposalDeadline).NotNull().WithMessage(t["提案期限（日時）を入力してください。"])
            .Must((c, d) => d is null || c.AnnouncedOn is null || DateOnly.FromDateTime(d.Value.ToOffset(TimeSpan.FromHours(9)).DateTime) > c.AnnouncedOn)
            .WithMessage(t["提案期限は公告日より後にしてください。"]);
    }
}

public static class SetQaPeriodDecision
{
    public static Decision Decide(CaseVendors state, SetQaPeriodCommand c, Actor by, DateTimeOffset at) =>
        state.Period is { } p && p.AnnouncedOn == c.AnnouncedOn && p.ProposalDeadline == c.ProposalDeadline
            ? Decision.Nothing
            : Decision.Append(new QaPeriodSet(c.CaseId, c.AnnouncedOn!.Value, c.ProposalDeadline!.Value, by, at));
}

public sealed class SetQaPeriodHandler(CaseVendorsWriter writer) : ICommandHandler<SetQaPeriodCommand>
{
    public async ValueTask<Unit> Handle(SetQaPeriodCommand command, CancellationToken cancellationToken)
    {
        var open = await writer.OpenAsync(command.CaseId, cancellationToken);
        await writer.WriteAsync(open, SetQaPeriodDecision.Decide(open.State, command, open.By, open.Now), cancellationToken);
        return Unit.Value;
    }
}
