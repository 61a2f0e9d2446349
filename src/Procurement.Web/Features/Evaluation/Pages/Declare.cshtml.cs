using Microsoft.AspNetCore.Authorization;
using Procurement.Features.Evaluation.Committee;

namespace Procurement.Features.Evaluation.Pages;

/// <summary>A member's conflict-of-interest declaration: no conflict, or the conflicted vendors with a statement.</summary>
[Access(Roles.Committee, CaseRoute = "id")]
[Authorize(Policy = Policies.Committee)]
public sealed class DeclareModel(EvaluationQueries queries, IMediator mediator, ICurrentUser user, UiText t) : CasePageModel
{
    public sealed class DeclareInput
    {
        /// <summary>Null until the member picks one: a declaration is an explicit statement, never a preset answer.</summary>
        public bool? HasConflict { get; set; }
        public List<Guid> ConflictedVendorIds { get; set; } = [];
        public string? Statement { get; set; }
    }

    [BindProperty] public DeclareInput Declaration { get; set; } = new();
    public EvaluationOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var mine = Overview.Members.First(m => m.MemberId == user.Id);
        // A member who has declared sees their answer; one who has not sees no choice made.
        Declaration = new DeclareInput { HasConflict = mine.Declared ? mine.ConflictedVendorIds.Count > 0 : null, ConflictedVendorIds = [.. mine.ConflictedVendorIds] };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Declaration.HasConflict is not { } hasConflict)
        {
            ModelState.AddModelError("Declaration.HasConflict", t["利害関係の有無を選んでください。"]);
            return Page();
        }
        var vendors = hasConflict ? Declaration.ConflictedVendorIds ?? [] : [];
        if (hasConflict && vendors.Count == 0)
        {
            ModelState.AddModelError("Declaration.ConflictedVendorIds", t["利害関係のある事業者を選んでください。"]);
            return Page();
        }
        return await SendFormAsync(t, nameof(Declaration), () => mediator.Send(new DeclareConflictOfInterest(id, vendors, Declaration.Statement ?? ""), ct).AsTask(),
            t["利害関係の申告を記録しました。"], $"/Cases/{id}/Evaluation") ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        Overview = await queries.GetOverviewAsync(id, ct);
        if (!Overview.IAmMember) return Forbid();
        return null;
    }
}
