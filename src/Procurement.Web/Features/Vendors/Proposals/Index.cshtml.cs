using Microsoft.Extensions.Options;
using Procurement.Features.Vendors.Files;

namespace Procurement.Features.Vendors.Proposals;

/// <summary>
/// Proposals: officers record what arrived (files, time) and handle late and re-confirmation;
/// committee members see what the evaluation gate allows; nobody else sees proposals.
/// </summary>
[RequestSizeLimit(VendorFileOptions.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = VendorFileOptions.MaxRequestBytes)]
[Access(Access.Internal, CaseRoute = "id")]
public sealed class IndexModel(IQuerySession session, IMediator mediator, ProposalAccess proposals,
    IOptions<VendorFileOptions> files, TimeProvider clock, UiText t) : CasePageModel
{
    public sealed class SubmitInput
    {
        public string VendorId { get; set; } = "";
        public string SubmittedAt { get; set; } = "";
        public List<IFormFile> Files { get; set; } = [];
        public List<IFormFile> PriceFiles { get; set; } = [];
    }

    public sealed class LateInput
    {
        public Guid ProposalId { get; set; }
        public string Reason { get; set; } = "";
    }

    public sealed class ReconfirmInput
    {
        public Guid ProposalId { get; set; }
        public string ConfirmedOn { get; set; } = "";
        public string Note { get; set; } = "";
    }

    /// <summary>A proposal as this user may see it.</summary>
    public sealed record Visible(Proposal Proposal, IReadOnlyList<VendorFile> Files, int HiddenPriceFiles);

    [BindProperty] public SubmitInput Submit { get; set; } = new();
    [BindProperty] public LateInput Late { get; set; } = new();
    [BindProperty] public ReconfirmInput Reconfirm { get; set; } = new();

    public CaseVendors Vendors { get; private set; } = null!;
    public ProposalVisibility Visibility { get; private set; }
    public IReadOnlyList<Visible> Shown { get; private set; } = [];
    public int MaxFileMegabytes => files.Value.MaxFileMegabytes;

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Vendors = await VendorPage.LoadAsync(session, id, ct);
        Visibility = await proposals.VisibilityAsync(id, ct);
        var prices = await proposals.CanSeePriceEnvelopeAsync(id, ct);
        var shown = new List<Visible>();
        // Committee members score only proposals that take part: excluded late ones stay with the officers.
        var candidates = Visibility == ProposalVisibility.All ? Vendors.Proposals : Vendors.CurrentProposals.Where(p => !p.Excluded).ToList();
        foreach (var p in candidates)
        {
            if (!await proposals.CanSeeVendorAsync(id, p.VendorId, ct)) continue;
            var visible = p.Files.Where(f => !f.PriceEnvelope || prices).ToList();
            shown.Add(new Visible(p, visible, p.Files.Count - visible.Count));
        }
        Shown = shown.OrderBy(v => v.Proposal.Superseded).ThenBy(v => v.Proposal.SubmittedAt).ToList();
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Submit.SubmittedAt = VendorPage.ToJstInput(clock.GetUtcNow());
        Reconfirm.ConfirmedOn = VendorRules.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Visibility != ProposalVisibility.All) return Forbid();
        var uploads = await VendorPage.ReadUploadsAsync(Submit.Files, files.Value.MaxFileBytes, priceEnvelope: false, ct);
        uploads.AddRange(await VendorPage.ReadUploadsAsync(Submit.PriceFiles, files.Value.MaxFileBytes, priceEnvelope: true, ct));
        var command = new SubmitProposalCommand(id, Guid.TryParse(Submit.VendorId, out var v) ? v : null, VendorPage.ParseJstDateTime(Submit.SubmittedAt), uploads);
        if (await VendorPage.TryAsync(this, "Submit", () => mediator.Send(command, ct).AsTask()))
        {
            TempData["Flash"] = t["提案書を記録しました。"];
            return Redirect($"/Cases/{id}/Proposals");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAdmitAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Visibility != ProposalVisibility.All) return Forbid();
        if (await VendorPage.TryAsync(this, "Late", () => mediator.Send(new AdmitLateProposalCommand(id, Late.ProposalId, Late.Reason ?? ""), ct).AsTask()))
        {
            TempData["Flash"] = t["期限後の提案書を受理しました。"];
            return Redirect($"/Cases/{id}/Proposals");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostReconfirmAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Visibility != ProposalVisibility.All) return Forbid();
        var command = new ReconfirmProposalCommand(id, Reconfirm.ProposalId, VendorPage.ParseDate(Reconfirm.ConfirmedOn), Reconfirm.Note ?? "");
        if (await VendorPage.TryAsync(this, "Reconfirm", () => mediator.Send(command, ct).AsTask()))
        {
            TempData["Flash"] = t["再確認を記録しました。"];
            return Redirect($"/Cases/{id}/Proposals");
        }
        return Page();
    }
}
