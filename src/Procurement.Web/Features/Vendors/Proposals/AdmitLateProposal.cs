namespace Procurement.Features.Vendors.Proposals;

/// <summary>A late proposal is kept but excluded; the officer admits it only with a written reason (e.g. 郵便事故).</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record AdmitLateProposalCommand(Guid CaseId, Guid ProposalId, string Reason) : ICommand, ICaseRequest;

public sealed class AdmitLateProposalValidator : AbstractValidator<AdmitLateProposalCommand>
{
    public AdmitLateProposalValidator(UiText t) => RuleFor(c => c.Reason).Required(t, "受理する理由", 2000);
}

public sealed class AdmitLateProposalHandler(CaseVendorsWriter writer, UiText t) : ICommandHandler<AdmitLateProposalCommand>
{
    public async ValueTask<Unit> Handle(AdmitLateProposalCommand command, CancellationToken cancellationToken)
    {
        var open = await writer.OpenAsync(command.CaseId, cancellationToken);
        var proposal = open.State.Proposals.Find(p => p.ProposalId == command.ProposalId) ?? throw new DomainRuleException(t["提案書が見つかりません。"]);
        if (!proposal.Late) throw new DomainRuleException(t["この提案書は期限内に提出されています。"]);
        if (proposal.LateReason is not null) throw new DomainRuleException(t["この提案書は既に受理されています。"]);

        open.Stream.AppendOne(new LateProposalAdmitted(command.CaseId, proposal.ProposalId, proposal.CompanyName, VendorRules.Clean(command.Reason), open.By, open.Now));
        await writer.SaveAsync(cancellationToken);
        return Unit.Value;
    }
}
