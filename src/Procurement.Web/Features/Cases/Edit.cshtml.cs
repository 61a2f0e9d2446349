using Microsoft.AspNetCore.Authorization;

namespace Procurement.Features.Cases;

/// <summary>Changes the case header. Carries the version the officer saw, so a concurrent edit is refused, not overwritten.</summary>
[Access(Roles.Officer, Roles.Admin, CaseRoute = "id")]
[Authorize(Policy = Policies.Officer)]
public sealed class EditModel(IMediator mediator, UiText t) : CasePageModel
{
    public sealed class EditInput
    {
        public long Version { get; set; }
        public string Title { get; set; } = "";
        public List<string> TargetBusinesses { get; set; } = [];
        public string CloudForm { get; set; } = "";
        public string PlannedGoLive { get; set; } = "";
        public string BudgetCeiling { get; set; } = "";
        public string Procedure { get; set; } = "";
    }

    [BindProperty] public EditInput Input { get; set; } = new();

    public IActionResult OnGet()
    {
        var found = Case;
        Input = new EditInput
        {
            Version = found.Version,
            Title = found.Title,
            TargetBusinesses = [.. found.TargetBusinesses],
            CloudForm = found.CloudForm.ToString(),
            PlannedGoLive = found.PlannedGoLive.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            BudgetCeiling = found.BudgetCeiling.ToString(CultureInfo.InvariantCulture),
            Procedure = found.Procedure.ToString(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        DateOnly? goLive = DateOnly.TryParseExact(Input.PlannedGoLive, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        long? budget = long.TryParse((Input.BudgetCeiling ?? "").Replace(",", "", StringComparison.Ordinal).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var b) ? b : null;
        CloudForm? form = Enum.TryParse<CloudForm>(Input.CloudForm, out var f) && Enum.IsDefined(f) ? f : null;
        ProcurementProcedure? procedure = Enum.TryParse<ProcurementProcedure>(Input.Procedure, out var p) && Enum.IsDefined(p) ? p : null;
        (var ok, Stale) = await FormCommand.TryAsync(ModelState, t,
            () => mediator.Send(new ChangeCaseDetailsCommand(id, Input.Version, Input.Title ?? "", Input.TargetBusinesses ?? [], form, goLive, budget, procedure), ct).AsTask(),
            FormCommand.Input);
        if (!ok) return Page();
        TempData["Flash"] = t["案件情報を保存しました。"];
        return Redirect($"/Cases/{id}");
    }
}
