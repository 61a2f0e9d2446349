namespace Procurement.Features.Vendors.Proposals;

/// <summary>The vendor confirmed (in writing, to the officer) that its proposal stands under the changed conditions.</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record ReconfirmProposalCommand(Guid CaseId, Guid ProposalId, DateOnly? ConfirmedOn, string Note) : ICommand, ICaseRequest;

public sealed class ReconfirmProposalValidator : AbstractValidator<ReconfirmProposalCommand>
{
    public ReconfirmProposalValidator(UiText t, TimeProvider clock)
    {
        RuleFor(c => c.ConfirmedOn).NotNull().WithMessage(t["再確認日を入力してください。"])
            .Must(d => d is null || d <= VendorRules.Today(clock)).WithMessage(t["再確認日に未来の日付は入力できません。"]);
        RuleFor(c => c.Note).MaximumLength(2000).WithMessage(t["備考は2000文字以内で入力してください。"]);
    }
}

public sealed class ReconfirmProposalHandler(CaseVendorsWriter writer, UiText t) : ICommandHandler<ReconfirmProposalCommand>
{
    public async ValueTask<Unit> Handle(ReconfirmProposalCommand command, CancellationToken cancellationToken)
    {
        var open = await writer.OpenAsync(command.CaseId, cancellationToken);
        var proposal = open.State.Proposals.Find(p => p.ProposalId == command.ProposalId) ?? throw new DomainRuleException(t["提案書が見つかりません。"]);
        if (!proposal.NeedsReconfirmation) throw new DomainRuleException(t["この提案書は再確認の必要がありません。"]);

        open.Stream.AppendOne(new ProposalReconfirmed(command.CaseId, proposal.ProposalId, proposal.CompanyName, command.ConfirmedOn!.Value,
            VendorRules.Clean(command.Note), open.By, open.Now));
        await writer.SaveAsync(cancellationToken);
        return Unit.Value;
    }
}
