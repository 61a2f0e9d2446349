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

public static class ReconfirmProposalDecision
{
    public static Decision Decide(CaseVendors state, ReconfirmProposalCommand c, Actor by, DateTimeOffset at)
    {
        if (state.Proposals.Find(p => p.ProposalId == c.ProposalId) is not { } proposal) return Decision.Refuse("提案書が見つかりません。");
        if (!proposal.NeedsReconfirmation) return Decision.Refuse("この提案書は再確認の必要がありません。");
        return Decision.Append(new ProposalReconfirmed(c.CaseId, proposal.ProposalId, proposal.CompanyName, c.ConfirmedOn!.Value,
            VendorRules.Clean(c.Note), by, at));
    }
}

public sealed class ReconfirmProposalHandler(CaseVendorsWriter writer) : ICommandHandler<ReconfirmProposalCommand>
{
    public async ValueTask<Unit> Handle(ReconfirmProposalCommand command, CancellationToken cancellationToken)
    {
        var open = await writer.OpenAsync(command.CaseId, cancellationToken);
        await writer.WriteAsync(open, ReconfirmProposalDecision.Decide(open.State, command, open.By, open.Now), cancellationToken);
        return Unit.Value;
    }
}
