using Microsoft.AspNetCore.Mvc.RazorPages;
using Procurement.Features.Cases;
using Procurement.Features.Groups;
using Procurement.Features.Wizards;
using Procurement.Infrastructure.Auth;

namespace Procurement.Features;

[Access(Access.Internal, Reason = "the start page lists only the user's own groups and cases (CaseAccess)")]
public sealed class IndexModel(CaseAccess access, WizardDraftStore drafts, ICurrentUser user) : PageModel
{
    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];
    public IReadOnlyList<GroupView> Groups { get; private set; } = [];
    public IReadOnlyList<WizardDraft> Drafts { get; private set; } = [];

    public string GroupName(Guid id) => Groups.FirstOrDefault(g => g.Id == id)?.Name ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Groups = await access.MyGroupsAsync(ct);
        Cases = await access.MyCasesAsync(ct);
        Drafts = await drafts.ForUserAsync(user.Id, ct);
    }
}
