using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Features.Evaluation.Pages;

/// <summary>
/// Results after the close: ranking (provisional while blockers remain), charts, per-member and per-criterion
/// breakdown, disqualifications, ties, exclusions, and the case-level history. Group members only; before the close
/// the page says so (the query refuses to compute it).
/// </summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class ResultsModel(EvaluationQueries queries, UiText t, ICurrentUser user, IMediator mediator) : CasePageModel
{
    public sealed class DeclineInput
    {
        public string? VendorId { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public DeclineInput Decline { get; set; } = new();
    /// <summary>The decline cannot be undone: the form carries a confirmation the server checks.</summary>
    [BindProperty] public bool DeclineConfirmed { get; set; }
    public CandidateSelection? Selection { get; private set; }
    /// <summary>The case's procedure names the selected party and the price (落札者 / 優先交渉権者, 入札価格 / 提案価格).</summary>
    public ProcedureTerms Terms => ProcurementProcedures.Terms(Case.Procedure);
    public EvaluationOverview Overview { get; private set; } = null!;
    public EvaluationResult? Result { get; private set; }
    public IReadOnlyList<EvaluationHistoryEntry> History { get; private set; } = [];
    public string TotalsChart { get; private set; } = "";
    public string CategoryChart { get; private set; } = "";
    public bool ShowHistory { get; private set; }
    /// <summary>
    /// The vendor whose breakdown (every member's mark on every item) is shown, as the engine's id; null: none. One vendor
    /// at a time, when asked: all of them at once is thousands of rows on a large evaluation.
    /// </summary>
    public string? BreakdownVendor { get; private set; }

    public string BreakdownUrl(string vendorId) => $"/Cases/{Case.Id}/Evaluation/Results?vendor={Guid.ParseExact(vendorId, "N")}#breakdown";

    /// <summary>Whether to link a member's score history: the history page's own rule (officers, the chair, oneself).</summary>
    public bool CanSeeHistoryOf(string memberId) =>
        Overview.IAmOfficer || (Overview.IAmChair && !user.IsInRole(Roles.Legal)) || (Guid.TryParse(memberId, out var m) && m == user.Id);

    public string HistoryUrl(string memberId, string? vendorId = null) =>
        $"/Cases/{Case.Id}/Evaluation/Members/{Guid.Parse(memberId)}/History" + (vendorId is null ? "" : $"?vendor={Guid.Parse(vendorId)}");

    public async Task<IActionResult> OnGetAsync(Guid id, bool history, Guid? vendor, CancellationToken ct)
    {
        await LoadAsync(id, history, ct);
        BreakdownVendor = vendor is { } v && Result?.Vendors.Any(x => x.VendorId == EvaluationInputs.Id(v)) == true ? EvaluationInputs.Id(v) : null;
        return Page();
    }

    /// <summary>Officers record that the 受注候補者 declined; the reason is kept on the form when refused.</summary>
    public async Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Officer)) return Forbid();
        var vendorId = Guid.TryParse(Decline.VendorId, out var v) ? v : Guid.Empty;
        var ok = Confirmation.Require(ModelState, nameof(Decline), DeclineConfirmed, t["記録する前に、辞退の記録の結果を確認してチェックを入れてください。"]);
        if (ok)
        {
            (ok, _) = await FormCommand.TryAsync(ModelState, t, nameof(Decline),
                () => mediator.Send(new RecordCandidateDeclined(id, vendorId, Decline.Reason ?? ""), ct).AsTask());
        }
        if (ok)
        {
            TempData["Flash"] = t["受注候補者の辞退を記録しました。次順位の事業者が受注候補者になります。"];
            return Redirect($"/Cases/{id}/Evaluation/Results#candidate");
        }
        await LoadAsync(id, history: false, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(Guid id, bool history, CancellationToken ct)
    {
        Overview = await queries.GetOverviewAsync(id, ct);
        if (!Overview.TechnicalClosed) return;
        (Result, Selection) = await queries.GetResultWithSelectionAsync(id, ct);
        TotalsChart = ResultCharts.Totals(Result, new ResultCharts.TotalsLabels(t["事業者別の総合点"], t["技術点"], t["価格点"], t["失格"]));
        CategoryChart = ResultCharts.Categories(Result, t["区分別の得点率（平均 ÷ 満点）"]);
        ShowHistory = history;
        if (history) History = await queries.GetEvaluationHistoryAsync(id, ct);
    }
}
