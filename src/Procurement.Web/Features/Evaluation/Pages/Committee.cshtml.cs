using Microsoft.AspNetCore.Authorization;
using Procurement.Features.Evaluation.Committee;
using Procurement.Features.Evaluation.Criteria;

namespace Procurement.Features.Evaluation.Pages;

/// <summary>
/// The officer sets an evaluation up: seats the committee and its chair with their 職, puts the case's vendors on the
/// evaluation, corrects either list while the proposals are still sealed, and opens the proposals, which freezes the criteria. Officers only; members, chair and legal get 403, other groups 404.
/// </summary>
[Access(Roles.Officer, Roles.Admin, CaseRoute = "id")]
[Authorize(Policy = Policies.Officer)]
public sealed class CommitteeModel(EvaluationQueries queries, IMediator mediator, UiText t) : CasePageModel
{
    public sealed class MemberInput
    {
        public Guid UserId { get; set; }
        public bool IsChair { get; set; }
        public string? Position { get; set; }
    }

    /// <summary>A row action on a seated member: change the 職, or dismiss.</summary>
    public sealed class SeatInput
    {
        public Guid UserId { get; set; }
        public string? Position { get; set; }
    }

    public sealed class VendorInput
    {
        public Guid VendorId { get; set; }
    }

    [BindProperty] public MemberInput Member { get; set; } = new();
    [BindProperty] public VendorInput Vendor { get; set; } = new();
    [BindProperty] public SeatInput Seat { get; set; } = new();

    public CommitteeSetup Setup { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostMemberAsync(Guid id, CancellationToken ct) =>
        // A chair button sends no position (null keeps the seat's 職); the seating form sends one, blank or not.
        SendAsync(id, nameof(Member), () => mediator.Send(new AppointCommitteeMember(id, Member.UserId, Member.IsChair, Member.Position), ct).AsTask(),
            Member.IsChair ? t["委員長を選任しました。"] : t["委員を選任しました。"], ct);

    public Task<IActionResult> OnPostPositionAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Seat), () => mediator.Send(new AppointCommitteeMember(id, Seat.UserId, false, Seat.Position ?? ""), ct).AsTask(),
            t["職を更新しました。"], ct);

    public Task<IActionResult> OnPostDismissAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Seat), () => mediator.Send(new DismissCommitteeMember(id, Seat.UserId), ct).AsTask(), t["委員を解任しました。"], ct);

    public Task<IActionResult> OnPostRemoveVendorAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Vendor), () => mediator.Send(new RemoveEvaluationVendor(id, Vendor.VendorId), ct).AsTask(), t["事業者を評価対象から除外しました。"], ct);

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
        return await SendFormAsync(t, form, send, flash, $"/Cases/{id}/Evaluation/Committee") ?? await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>Null when the page may be shown; 403 for an admin without the officer role.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Officer)) return Forbid();
        Setup = await queries.GetCommitteeSetupAsync(id, ct);
        return null;
    }
}
