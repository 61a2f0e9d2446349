using Microsoft.AspNetCore.Authorization;

namespace Procurement.Features.Contracts;

/// <summary>The legal workspace: the contract drafts of every case in the user's groups, those awaiting review first.</summary>
[Access(Roles.Legal, Roles.Officer)]
[Authorize(Policy = Policies.Legal)]
public sealed class IndexModel(ContractAccess access) : PageModel
{
    public IReadOnlyList<(CaseSummary Case, ContractDossier? Dossier)> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = (await access.MyDossiersAsync(ct))
            .OrderBy(r => r.Dossier?.Status == DraftStatus.InReview ? 0 : r.Dossier is null ? 2 : 1)
            .ThenByDescending(r => r.Dossier?.LastChangedAt)
            .ToList();
}
