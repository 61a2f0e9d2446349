using Procurement.Features.Evaluation.ScoreSheets;

namespace Procurement.Features.Evaluation.Pages;

/// <summary>
/// The evaluation hub: criteria, committee with declaration and sheet status (never scores before the close),
/// whether technical scoring is closed, and the chair's actions (close, reopen a sheet). Group members only; others 404.
/// </summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class IndexModel(EvaluationQueries queries, IMediator mediator, UiText t) : CasePageModel
{
    public sealed class ReopenInput
    {
        public Guid MemberId { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public ReopenInput Reopen { get; set; } = new();
    public EvaluationOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await ShowAsync(id, ct);

    /// <summary>The close's confirmation checkbox (irreversible: prices open and every sheet becomes visible).</summary>
    [BindProperty] public bool CloseConfirmed { get; set; }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        if (!Confirmation.Require(ModelState, "Close", CloseConfirmed, t["締め切る前に、締切の結果を確認してチェックを入れてください。"]))
        {
            return await ShowAsync(id, ct);
        }
        return await SendAsync(id, "Close", () => mediator.Send(new CloseTechnicalScoring(id), ct).AsTask(), t["技術審査を締め切りました。"], ct);
    }

    public Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Reopen), () => mediator.Send(new ReopenScoreSheet(id, Reopen.MemberId, Reopen.Reason ?? ""), ct).AsTask(), t["採点表を差し戻しました。"], ct);

    private async Task<IActionResult> SendAsync(Guid id, string form, Func<Task> send, string flash, CancellationToken ct) =>
        await SendFormAsync(t, form, send, flash, $"/Cases/{id}/Evaluation") ?? await ShowAsync(id, ct);

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        Overview = await queries.GetOverviewAsync(id, ct);
        return Page();
    }
}
