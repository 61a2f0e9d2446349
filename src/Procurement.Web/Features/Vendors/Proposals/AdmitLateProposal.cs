namespace Procurement.Features.Vendors.Proposals;

/// <summary>A late proposal is kept but excluded; the officer admits it only with a written reason (e.g. 郵便事故).</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record AdmitLateProposalCommand(Guid CaseId, Guid ProposalId, string Reason) : ICommand, ICaseRequest;

public sealed class AdmitLateProposalValidator : AbstractValidator<AdmitLateProposalCommand>
{
    public AdmitLateProposalValidator(UiText t) => RuleFor(c => c.Reason).Required(t, "受理する理由", 2000);
}

public static class AdmitLateProposalDecision
{
    public static Decision Decide(CaseVendors state, AdmitLateProposalCommand c, Actor by, DateTimeOffset at)
    {
        if (state.Proposals.Find(p => p.ProposalId == c.ProposalId) is not { } proposal) return Decision.Refuse("提案書が見つかりません。");
        if (!proposal.Late) return Decision.Refuse("この提案書は期限内に提出されています。");
        if (proposal.LateReason is not null) return Decision.Refuse("この提案書は既に受理されています。");
        return Decision.Append(new LateProposalAdmitted(c.CaseId, proposal.ProposalId, proposal.CompanyName, VendorRules.Clean(c.Reason), by, at));
    }
}

public sealed class AdmitLateProposalHandler(CaseVendorsWriter writer) : ICommandHandler<AdmitLateProposalCommand>
{
    public async ValueTask<Unit> Handle(AdmitLateProposalCommand command, CancellationToken cancellationToken)
    {
        var open = await writer.OpenAsync(command.CaseId, cancellationToken);
        await writer.WriteAsync(open, AdmitLateProposalDecision.Decide(open.State, command, open.By, open.Now), cancellationToken);
        return Unit.Value;
    }
}
