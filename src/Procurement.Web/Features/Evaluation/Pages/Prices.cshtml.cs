using Procurement.Features.Evaluation.Prices;

namespace Procurement.Features.Evaluation.Pages;

/// <summary>
/// The price envelope: officers record 予定価格 and each vendor's bid at any time; everyone else sees the prices only
/// after technical scoring closes (the query refuses before, and the page says so).
/// </summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class PricesModel(EvaluationQueries queries, IMediator mediator, UiText t) : CasePageModel
{
    public sealed class ReserveInput
    {
        public string? Amount { get; set; }
        public string? Basis { get; set; }
    }

    public sealed class BidInput
    {
        public Guid VendorId { get; set; }
        public string? Amount { get; set; }
    }

    [BindProperty] public ReserveInput Reserve { get; set; } = new();
    [BindProperty] public BidInput Bid { get; set; } = new();

    /// <summary>The case's procedure names the price ceiling and the price offered (予定価格 / 提案上限額, 入札価格 / 提案価格).</summary>
    public ProcedureTerms Terms => ProcurementProcedures.Terms(Case.Procedure);
    public EvaluationOverview Overview { get; private set; } = null!;
    public PriceEnvelopeView? Prices { get; private set; }
    public string? Sealed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Reserve = new ReserveInput { Amount = Prices?.ReservePrice?.ToString("0", CultureInfo.InvariantCulture), Basis = Prices?.Basis };
        return Page();
    }

    public async Task<IActionResult> OnPostReserveAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Amount(Reserve.Amount) is not { } amount)
        {
            ModelState.AddModelError("Reserve.Amount", t["金額を円単位の数字で入力してください。"]);
            return Page();
        }
        return await SendAsync(id, nameof(Reserve), () => mediator.Send(new RecordReservePrice(id, amount, Reserve.Basis ?? ""), ct).AsTask(), t["予定価格を記録しました。"]);
    }

    public async Task<IActionResult> OnPostBidAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Amount(Bid.Amount) is not { } amount)
        {
            ModelState.AddModelError("Bid.Amount", t["金額を円単位の数字で入力してください。"]);
            return Page();
        }
        return await SendAsync(id, nameof(Bid), () => mediator.Send(new RecordBidPrice(id, Bid.VendorId, amount), ct).AsTask(), t["入札価格を記録しました。"]);
    }

    private static decimal? Amount(string? text) =>
        decimal.TryParse((text ?? "").Normalize(System.Text.NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal).Replace("円", "", StringComparison.Ordinal).Trim(),
            NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    private async Task<IActionResult> SendAsync(Guid id, string form, Func<Task> send, string flash) =>
        await SendFormAsync(t, form, send, flash, $"/Cases/{id}/Evaluation/Prices") ?? Page();

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        Overview = await queries.GetOverviewAsync(id, ct);
        try
        {
            Prices = await queries.GetPricesAsync(id, ct);
        }
        catch (DomainRuleException ex)
        {
            // A read, not a command: sealed prices are a notice in place of the table, which FormCommand has no form for.
            Sealed = ex.Message;
        }
        return null;
    }
}
