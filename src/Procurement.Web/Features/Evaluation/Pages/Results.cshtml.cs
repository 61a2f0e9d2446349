using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Procurement.Features.Cases;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Localization;

namespace Procurement.Features.Evaluation.Pages;

/// <summary>
/// Results after the close: ranking (provisional while blockers remain), charts, per-member and per-criterion
/// breakdown, disqualifications, ties, exclusions, and the case-level history. Group members only; before the close
/// the page says so (the query refuses to compute it).
/// </summary>
public sealed class ResultsModel(CaseAccess access, EvaluationQueries queries, UiText t, ICurrentUser user) : PageModel
{
    public CaseSummary Case { get; private set; } = null!;
    public EvaluationOverview Overview { get; private set; } = null!;
    public EvaluationResult? Result { get; private set; }
    public IReadOnlyList<EvaluationHistoryEntry> History { get; private set; } = [];
    public string TotalsChart { get; private set; } = "";
    public string CategoryChart { get; private set; } = "";
    public bool ShowHistory { get; private set; }

    /// <summary>Whether to link a member's score history: the history page's own rule (officers, the chair, oneself).</summary>
    public bool CanSeeHistoryOf(string memberId) =>
        Overview.IAmOfficer || (Overview.IAmChair && !user.IsInRole(Roles.Legal)) || (Guid.TryParse(memberId, out var m) && m == user.Id);

    public string HistoryUrl(string memberId, string? vendorId = null) =>
        $"/Cases/{Case.Id}/Evaluation/Members/{Guid.Parse(memberId)}/History" + (vendorId is null ? "" : $"?vendor={Guid.Parse(vendorId)}");

    public async Task<IActionResult> OnGetAsync(Guid id, bool history, CancellationToken ct)
    {
        if (await access.FindCaseAsync(id, ct) is not { } found) return NotFound();
        Case = found;
        Overview = await queries.GetOverviewAsync(id, ct);
        if (!Overview.TechnicalClosed) return Page();
        Result = await queries.GetResultAsync(id, ct);
        TotalsChart = ResultCharts.Totals(Result, new ResultCharts.TotalsLabels(t["事業者別の総合点"], t["技術点"], t["価格点"], t["失格"]));
        CategoryChart = ResultCharts.Categories(Result, t["区分別の得点率（平均 ÷ 満点）"]);
        ShowHistory = history;
        if (history) History = await queries.GetEvaluationHistoryAsync(id, ct);
        return Page();
    }
}
