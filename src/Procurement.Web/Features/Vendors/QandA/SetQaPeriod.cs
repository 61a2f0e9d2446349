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

public sealed class SetQaPeriodHandler(CaseVendorsWriter writer) : ICommandHandler<SetQaPeriodCommand>
{
    public async ValueTask<Unit> Handle(SetQaPeriodCommand command, CancellationToken cancellationToken)
    {
        var open = await writer.OpenAsync(command.CaseId, cancellationToken);
        if (open.State.Period is { } p && p.AnnouncedOn == command.AnnouncedOn && p.ProposalDeadline == command.ProposalDeadline) return Unit.Value;
        open.Stream.AppendOne(new QaPeriodSet(command.CaseId, command.AnnouncedOn!.Value, command.ProposalDeadline!.Value, open.By, open.Now));
        await writer.SaveAsync(cancellationToken);
        return Unit.Value;
    }
}
