using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Procurement.Features.Cases;
using Procurement.Features.Evaluation.Committee;
using Procurement.Features.Evaluation.Criteria;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Localization;
using Procurement.Infrastructure.Validation;

namespace Procurement.Features.Evaluation.Pages;

/// <summary>
/// The officer sets an evaluation up: seats the committee and its chair, puts the case's vendors on the evaluation,
/// and opens the proposals, which freezes the criteria. Officers only; members, chair and legal get 403, other groups 404.
/// </summary>
[Authorize(Policy = Policies.Officer)]
public sealed class CommitteeModel(CaseAccess access, EvaluationQueries queries, IMediator mediator, UiText t) : PageModel
{
    public sealed class MemberInput
    {
        public Guid UserId { get; set; }
        public bool IsChair { get; set; }
    }

    public sealed class VendorInput
    {
        public Guid VendorId { get; set; }
    }

    [BindProperty] public MemberInput Member { get; set; } = new();
    [BindProperty] public VendorInput Vendor { get; set; } = new();

    public CaseSummary Case { get; private set; } = null!;
    public CommitteeSetup Setup { get; private set; } = null!;
    public bool Stale { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostMemberAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Member), () => mediator.Send(new AppointCommitteeMember(id, Member.UserId, Member.IsChair), ct).AsTask(),
            Member.IsChair ? t["委員長を選任しました。"] : t["委員を選任しました。"], ct);

    public async Task<IActionResult> OnPostVendorAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        // The name comes from the vendors feature, not from the form: the evaluation must carry the registered vendor.
        if (Setup.VendorCandidates.FirstOrDefault(v => v.VendorId == Vendor.VendorId) is not { } vendor)
        {
            ModelState.AddModelError("Vendor.VendorId", t["評価対象に加える事業者を選択してください。"]);
            return Page();
        }
        return await SendAsync(id, nameof(Vendor), () => mediator.Send(new AddEvaluationVendor(id, vendor.VendorId, vendor.Name), ct).AsTask(),
            t.Format("{0}を評価対象に加えました。", vendor.Name), ct);
    }

    public Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, "Open", () => mediator.Send(new OpenProposals(id), ct).AsTask(), t["提案書を開封しました。評価基準は確定しました。"], ct);

    private async Task<IActionResult> SendAsync(Guid id, string form, Func<Task> send, string flash, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var (ok, stale) = await FormCommand.TryAsync(ModelState, t, form, send);
        if (ok)
        {
            TempData["Flash"] = flash;
            return Redirect($"/Cases/{id}/Evaluation/Committee");
        }
        Stale = stale;
        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>Null when the page may be shown; 404 outside the case's group, 403 for an admin without the officer role.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await access.FindCaseAsync(id, ct) is not { } found) return NotFound();
        if (!User.IsInRole(Roles.Officer)) return Forbid();
        Case = found;
        Setup = await queries.GetCommitteeSetupAsync(id, ct);
        return null;
    }
}
