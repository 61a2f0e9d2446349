using Microsoft.AspNetCore.Authorization;
using Procurement.Features.Evaluation;

namespace Procurement.Features.Vendors.Estimates;

/// <summary>Estimates side by side with their spread and chart, and the 予定価格 with its basis and reason. Officers only: prices.</summary>
[Access(Roles.Officer, Roles.Admin, CaseRoute = "id")]
[Authorize(Policy = Policies.Officer)]
public sealed class IndexModel(IQuerySession session, IMediator mediator, UiText t) : CasePageModel
{
    public sealed class ReservePriceInput
    {
        public string Basis { get; set; } = "";
        public string Amount { get; set; } = "";
        public string Reason { get; set; } = "";
    }

    [BindProperty] public ReservePriceInput Input { get; set; } = new();
    public CaseVendors Vendors { get; private set; } = null!;
    public EstimateComparison Comparison { get; private set; } = null!;
    /// <summary>The 予定価格 (shared with the evaluation's price page), or null.</summary>
    public ReservePriceResult? ReservePrice { get; private set; }
    public string ChartSvg { get; private set; } = "";

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Vendors = await VendorPage.LoadAsync(session, id, ct);
        Comparison = new EstimateComparison(Vendors.Vendors);
        ReservePrice = await mediator.Send(new GetReservePrice(id), ct);
        ChartSvg = EstimateChart.Render(Comparison, ReservePrice is { } p ? (long)decimal.Truncate(p.Amount) : null, t);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        ReservePriceSource? source = Enum.TryParse<ReservePriceSource>(Input.Basis, out var b) && Enum.IsDefined(b) ? b : null;
        var amount = VendorPage.ParseYen(Input.Amount);
        if (!string.IsNullOrWhiteSpace(Input.Amount) && amount is null)
        {
            ModelState.AddModelError("Input.Amount", t["予定価格は円単位の整数で入力してください。"]);
            return Page();
        }
        long recorded = 0;
        if (await VendorPage.TryAsync(this, "Input", async () => recorded = await mediator.Send(new RecordEstimatedReservePriceCommand(id, amount, source, Input.Reason ?? ""), ct)))
        {
            TempData["Flash"] = t.Format("予定価格 {0} を記録しました。", t.Yen(recorded));
            return Redirect($"/Cases/{id}/Estimates");
        }
        return Page();
    }
}
