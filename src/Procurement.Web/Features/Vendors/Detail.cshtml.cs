using Microsoft.Extensions.Options;
using Procurement.Features.Vendors.Files;

namespace Procurement.Features.Vendors;

/// <summary>
/// One vendor of a case: details, RFI/参加 flags, the RFI response and the RFQ estimate. Officers
/// write; legal staff read everything but the estimate (prices stay with the officers).
/// </summary>
[RequestSizeLimit(VendorFileOptions.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = VendorFileOptions.MaxRequestBytes)]
[Access(Access.Internal, CaseRoute = "id")]
public sealed class DetailModel(IQuerySession session, IMediator mediator, IOptions<VendorFileOptions> files, UiText t) : CasePageModel
{
    public sealed class ParticipationInput
    {
        public bool RfiSent { get; set; }
        public bool TookPart { get; set; }
    }

    public sealed class RfiInput
    {
        public string ResponseDate { get; set; } = "";
        public List<string> Answers { get; set; } = [];
        public List<IFormFile> Files { get; set; } = [];
    }

    public sealed class EstimateInput
    {
        public string ResponseDate { get; set; } = "";
        public string InitialCost { get; set; } = "";
        public string MonthlyOperatingCost { get; set; } = "";
        public string ContractMonths { get; set; } = "";
        public string OperatingCostForTerm { get; set; } = "";
    }

    [BindProperty] public ParticipationInput Participation { get; set; } = new();
    [BindProperty] public RfiInput Rfi { get; set; } = new();
    [BindProperty] public EstimateInput Estimate { get; set; } = new();

    public CaseVendors Vendors { get; private set; } = null!;
    public CaseVendor Vendor { get; private set; } = null!;
    public bool IsOfficer => VendorPage.IsOfficer(User);
    public int MaxFileMegabytes => files.Value.MaxFileMegabytes;

    private async Task<IActionResult?> LoadAsync(Guid id, Guid vendorId, CancellationToken ct)
    {
        Vendors = await VendorPage.LoadAsync(session, id, ct);
        if (Vendors.Vendor(vendorId) is not { } vendor) return NotFound();
        Vendor = vendor;
        if (!IsOfficer && !User.IsInRole(Roles.Legal)) return Forbid();
        return null;
    }

    private void Fill()
    {
        Participation = new ParticipationInput { RfiSent = Vendor.RfiSent, TookPart = Vendor.TookPart };
        Rfi = new RfiInput
        {
            ResponseDate = Vendor.Rfi?.ResponseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            Answers = Vendors.RfiQuestions.Select((q, i) => Vendor.Rfi?.Answers.FirstOrDefault(a => a.Number == i + 1 && a.Question == q)?.Answer ?? "").ToList(),
        };
        if (Vendor.Estimate is { } e)
        {
            Estimate = new EstimateInput
            {
                ResponseDate = e.ResponseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                InitialCost = e.InitialCost.ToString("#,0", CultureInfo.InvariantCulture),
                MonthlyOperatingCost = e.MonthlyOperatingCost.ToString("#,0", CultureInfo.InvariantCulture),
                ContractMonths = e.ContractMonths.ToString(CultureInfo.InvariantCulture),
                OperatingCostForTerm = e.OperatingCostForTerm.ToString("#,0", CultureInfo.InvariantCulture),
            };
        }
        else
        {
            Estimate = new EstimateInput { ContractMonths = "60" };
        }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid vendorId, CancellationToken ct)
    {
        if (await LoadAsync(id, vendorId, ct) is { } refused) return refused;
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostParticipationAsync(Guid id, Guid vendorId, CancellationToken ct)
    {
        if (await LoadAsync(id, vendorId, ct) is { } refused) return refused;
        if (!IsOfficer) return Forbid();
        if (await VendorPage.TryAsync(this, "Participation", () => mediator.Send(new MarkVendorParticipationCommand(id, vendorId, Participation.RfiSent, Participation.TookPart), ct).AsTask()))
        {
            TempData["Flash"] = t["RFIの送付・参加状況を保存しました。"];
            return Redirect($"/Cases/{id}/Vendors/{vendorId}");
        }
        var keep = Participation;
        Fill();
        Participation = keep;
        return Page();
    }

    public async Task<IActionResult> OnPostRfiAsync(Guid id, Guid vendorId, CancellationToken ct)
    {
        if (await LoadAsync(id, vendorId, ct) is { } refused) return refused;
        if (!IsOfficer) return Forbid();
        var uploads = await VendorPage.ReadUploadsAsync(Rfi.Files, files.Value.MaxFileBytes, priceEnvelope: false, ct);
        var command = new RecordRfiResponseCommand(id, vendorId, VendorPage.ParseDate(Rfi.ResponseDate), Rfi.Answers ?? [], uploads);
        if (await VendorPage.TryAsync(this, "Rfi", () => mediator.Send(command, ct).AsTask()))
        {
            TempData["Flash"] = t["RFI回答を記録しました。"];
            return Redirect($"/Cases/{id}/Vendors/{vendorId}#rfi");
        }
        var keep = Rfi;
        Fill();
        Rfi = keep;
        return Page();
    }

    public async Task<IActionResult> OnPostEstimateAsync(Guid id, Guid vendorId, CancellationToken ct)
    {
        if (await LoadAsync(id, vendorId, ct) is { } refused) return refused;
        if (!IsOfficer) return Forbid();
        var term = VendorPage.ParseYen(Estimate.OperatingCostForTerm);
        if (!string.IsNullOrWhiteSpace(Estimate.OperatingCostForTerm) && term is null)
        {
            ModelState.AddModelError("Estimate.OperatingCostForTerm", t["運用費用（契約期間総額）は円単位の整数で入力してください（空欄なら月額×月数）。"]);
            var kept = Estimate;
            Fill();
            Estimate = kept;
            return Page();
        }
        var command = new RecordEstimateCommand(id, vendorId, VendorPage.ParseDate(Estimate.ResponseDate), VendorPage.ParseYen(Estimate.InitialCost),
            VendorPage.ParseYen(Estimate.MonthlyOperatingCost), VendorPage.ParseInt(Estimate.ContractMonths), term);
        if (await VendorPage.TryAsync(this, "Estimate", () => mediator.Send(command, ct).AsTask()))
        {
            TempData["Flash"] = t["見積を記録しました。"];
            return Redirect($"/Cases/{id}/Vendors/{vendorId}#estimate");
        }
        var keep = Estimate;
        Fill();
        Estimate = keep;
        return Page();
    }
}
