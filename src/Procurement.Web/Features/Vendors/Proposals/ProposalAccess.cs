namespace Procurement.Features.Vendors.Proposals;

/// <summary>Why a user may or may not open proposals; the page shows the reason instead of an empty list.</summary>
public enum ProposalVisibility
{
    All,                 // officers: everything, price envelope included
    NotDeclared,         // committee member without a conflict-of-interest declaration
    Declared,            // committee member: non-conflicted vendors, price files only after technical close
    None,                // other roles
}

/// <summary>
/// Who may open which proposal file. Officers run the process and see everything; committee
/// members see vendors they are not conflicted with, after declaring, and the price envelope only
/// once technical scoring is closed. Case membership is checked before this (404 otherwise).
/// </summary>
public sealed class ProposalAccess(IEvaluationGate gate, ICurrentUser user)
{
    public bool IsOfficer => user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Admin);

    public async Task<ProposalVisibility> VisibilityAsync(Guid caseId, CancellationToken ct = default)
    {
        if (IsOfficer) return ProposalVisibility.All;
        if (!user.IsInRole(Roles.Committee)) return ProposalVisibility.None;
        return await gate.HasDeclared(caseId, user.Id, ct) ? ProposalVisibility.Declared : ProposalVisibility.NotDeclared;
    }

    public async Task<bool> CanSeeVendorAsync(Guid caseId, Guid vendorId, CancellationToken ct = default) =>
        await VisibilityAsync(caseId, ct) switch
        {
            ProposalVisibility.All => true,
            ProposalVisibility.Declared => !await gate.IsConflicted(caseId, user.Id, vendorId, ct),
            _ => false,
        };

    public async Task<bool> CanSeePriceEnvelopeAsync(Guid caseId, CancellationToken ct = default) =>
        IsOfficer || (await VisibilityAsync(caseId, ct) == ProposalVisibility.Declared && await gate.IsTechnicalScoringClosed(caseId, ct));

    public async Task<bool> CanOpenFileAsync(Guid caseId, Guid vendorId, VendorFile file, CancellationToken ct = default) =>
        await CanSeeVendorAsync(caseId, vendorId, ct) && (!file.PriceEnvelope || await CanSeePriceEnvelopeAsync(caseId, ct));
}
