using Procurement.Features.Evaluation.Consensus;
using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Features.Evaluation.Pages;

/// <summary>
/// After the close: the chair's consensus score per item and decisions on △ answers, and the officer's record of a lot (くじ).
/// Closing and reopening sheets are on the hub. The commands enforce who may do what; the page only offers the forms.
/// </summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class ChairModel(EvaluationQueries queries, IMediator mediator, UiText t) : CasePageModel
{
    public sealed class ConsensusInput
    {
        public Guid VendorId { get; set; }
        public string? ItemId { get; set; }
        public string? Mark { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class PartialFitInput
    {
        public Guid VendorId { get; set; }
        public string? ItemId { get; set; }
        public bool TreatAsFit { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class LotInput
    {
        public List<string?> VendorOrder { get; set; } = [];
        public string? DrawnBy { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public ConsensusInput Consensus { get; set; } = new();
    [BindProperty] public PartialFitInput PartialFit { get; set; } = new();
    [BindProperty] public LotInput Lot { get; set; } = new();

    public EvaluationOverview Overview { get; private set; } = null!;
    public EvaluationResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostConsensusAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var item = Overview.Criteria.SelectMany(c => c.Items).FirstOrDefault(i => i.Id == Consensus.ItemId);
        decimal? mark = null;
        if (item is null) ModelState.AddModelError("Consensus.ItemId", t["評価項目を選んでください。"]);
        else if (!string.IsNullOrWhiteSpace(Consensus.Mark))
        {
            if (Marks.TryParse(item, Consensus.Mark, out var m)) mark = m;
            else ModelState.AddModelError("Consensus.Mark", EvaluationForm.Say(t, Marks.RangeText(item), Marks.RangeMessage(item)));
        }
        if (ModelState.ErrorCount > 0) return Page();
        return await SendAsync(id, nameof(Consensus), () => mediator.Send(new SetConsensusScore(id, Consensus.VendorId, item!.Id, mark, Consensus.Reason ?? ""), ct).AsTask(),
            mark is null ? t["合議の評価を取り消しました。"] : t["合議の評価を記録しました。"], ct);
    }

    /// <summary>「結果を確定する」: the chair's explicit decision, confirmed on the form; the last consensus never finalises by itself.</summary>
    [BindProperty] public bool FinaliseConfirmed { get; set; }

    /// <summary>Nothing is left to decide but the chair's finalisation.</summary>
    public bool ReadyToFinalise => Result is { IsFinal: false } r && r.BlockerTexts.All(b => b.Template == EvaluationResults.NotFinalised);

    public async Task<IActionResult> OnPostFinaliseAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Confirmation.Require(ModelState, "Finalise", FinaliseConfirmed, t["確定する前に、確定の結果を確認してチェックを入れてください。"])) return Page();
        return await SendAsync(id, "Finalise", () => mediator.Send(new FinaliseResults(id), ct).AsTask(), t["審査結果を確定しました。"], ct);
    }

    public async Task<IActionResult> OnPostPartialFitAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        return await SendAsync(id, nameof(PartialFit), () => mediator.Send(new DecidePartialFit(id, PartialFit.VendorId, PartialFit.ItemId ?? "", PartialFit.TreatAsFit, PartialFit.Reason ?? ""), ct).AsTask(),
            t["△の扱いを決定しました。"], ct);
    }

    public async Task<IActionResult> OnPostLotAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        return await SendAsync(id, nameof(Lot), () => mediator.Send(new RecordLot(id, (Lot.VendorOrder ?? []).Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList(), Lot.DrawnBy ?? "", Lot.Note), ct).AsTask(),
            t["くじの結果を記録しました。"], ct);
    }

    private async Task<IActionResult> SendAsync(Guid id, string form, Func<Task> send, string flash, CancellationToken ct) =>
        await SendFormAsync(t, form, send, flash, $"/Cases/{id}/Evaluation/Chair") ?? Page();

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        Overview = await queries.GetOverviewAsync(id, ct);
        if (!Overview.IAmChair && !Overview.IAmOfficer) return Forbid();
        if (Overview.TechnicalClosed) Result = await queries.GetResultAsync(id, ct);
        return null;
    }
}
