namespace Procurement.Features.Renewal;

/// <summary>サービス継続・切替え (Phase4): decide at the end of the term; a switch opens the next procurement.</summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class IndexModel(IQuerySession session, IMediator mediator, UiText t) : CasePageModel
{
    public sealed class DecisionInput
    {
        public string Choice { get; set; } = "";
        public string Reasons { get; set; } = "";
        public string Lessons { get; set; } = "";
        public string CurrentVendor { get; set; } = "";
        public string ContractEnd { get; set; } = "";
        public string SuccessorTitle { get; set; } = "";
        public string SuccessorGoLive { get; set; } = "";
    }

    [BindProperty] public DecisionInput Input { get; set; } = new();
    /// <summary>The renewal version the page was loaded at (0: nothing recorded yet).</summary>
    [BindProperty] public long? Version { get; set; }
    public RenewalView? Renewal { get; private set; }
    public bool CanDecide => User.IsInRole(Roles.Officer) || User.IsInRole(Roles.Admin);

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Renewal = await session.LoadAsync<RenewalView>(id, ct);
        Version ??= Renewal?.Version ?? 0;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input.SuccessorTitle = t.Format("{0}（次期）", Case.Title);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanDecide) return Forbid();
        RenewalChoice? choice = Enum.TryParse<RenewalChoice>(Input.Choice, out var c) && Enum.IsDefined(c) ? c : null;
        static DateOnly? Date(string? s) => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        Guid? successor = null;
        var command = new DecideContinuationCommand(id, choice, Input.Reasons ?? "", Input.Lessons ?? "", Input.CurrentVendor ?? "",
            Date(Input.ContractEnd), Input.SuccessorTitle ?? "", Date(Input.SuccessorGoLive), Version);
        (var ok, Stale) = await FormCommand.TryAsync(ModelState, t, async () => successor = await mediator.Send(command, ct), FormCommand.Input);
        if (!ok) return Page();
        TempData["Flash"] = successor is null ? t["サービス継続を記録しました。"] : t["切替えを記録し、次期調達の案件を作成しました。"];
        return Redirect(successor is { } next ? $"/Cases/{next}" : $"/Cases/{id}/Renewal");
    }
}
