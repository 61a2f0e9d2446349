namespace Procurement.Features.Vendors.Proposals;

/// <summary>
/// The proposals that take part in evaluation, for the evaluation feature: each vendor's latest
/// submission, on time or late with a recorded reason. Re-confirmation still pending is reported,
/// not filtered, so the committee can decide how to treat it.
/// </summary>
[Access(Access.Internal)]
public sealed record GetAdmittedProposals(Guid CaseId) : IQuery<IReadOnlyList<AdmittedProposal>>, ICaseRequest;

public sealed record AdmittedProposal(Guid ProposalId, Guid VendorId, string CompanyName, DateTimeOffset SubmittedAt, bool Late, bool NeedsReconfirmation);

public sealed class GetAdmittedProposalsHandler(IQuerySession session) : IQueryHandler<GetAdmittedProposals, IReadOnlyList<AdmittedProposal>>
{
    public async ValueTask<IReadOnlyList<AdmittedProposal>> Handle(GetAdmittedProposals query, CancellationToken cancellationToken)
    {
        var view = await session.LoadAsync<CaseVendors>(query.CaseId, cancellationToken);
        if (view is null) return [];
        return view.CurrentProposals.Where(p => !p.Excluded)
            .Select(p => new AdmittedProposal(p.ProposalId, p.VendorId, p.CompanyName, p.SubmittedAt, p.Late, p.NeedsReconfirmation))
            .OrderBy(p => p.SubmittedAt).ToList();
    }
}
