using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Procurement.Features.Groups;
using Procurement.Features.Wizards;

namespace Procurement.Features.Cases;

/// <summary>案件の作成: 基本情報 → 対象業務 → 形態・予定 → 確認.</summary>
[Access(Roles.Officer, Roles.Admin)]
[Authorize(Policy = Policies.Officer)]
public sealed class WizardModel(WizardDraftStore drafts, IValidator<OpenCaseCommand> validator, IMediator mediator,
    CaseAccess access, ICurrentUser user, UiText t) : WizardPageModel<WizardModel.CaseInput>(drafts, user, t, WizardName, Steps)
{
    public const string WizardName = "case";

    public static readonly IReadOnlyList<WizardStep> Steps =
    [
        new("基本情報", "GroupId", "Title"),
        new("対象業務", "TargetBusinesses"),
        new("形態・予定", "Procedure", "CloudForm", "PlannedGoLive", "BudgetCeiling"),
        new("確認"),
    ];

    public sealed class CaseInput
    {
        public string GroupId { get; set; } = "";
        public string Title { get; set; } = "";
        public List<string> TargetBusinesses { get; set; } = [];
        public string CloudForm { get; set; } = "";
        public string PlannedGoLive { get; set; } = "";
        public string BudgetCeiling { get; set; } = "";
        /// <summary>Preset to the default procedure: the officer sees the choice and may change it.</summary>
        public string Procedure { get; set; } = ProcurementProcedures.Default.ToString();
    }

    public IReadOnlyList<GroupView> Groups { get; private set; } = [];

    public async Task OnGetAsync(Guid? groupId, CancellationToken ct)
    {
        await LoadDraftAsync(ct);
        Groups = await access.MyGroupsAsync(ct);
        if (groupId is { } g && Groups.Any(x => x.Id == g) && string.IsNullOrEmpty(Input.GroupId)) Input.GroupId = g.ToString();
        if (string.IsNullOrEmpty(Input.GroupId) && Groups.Count == 1) Input.GroupId = Groups[0].Id.ToString();
    }

    public async Task<IActionResult> OnPostAsync(string action, int? target, CancellationToken ct)
    {
        var draft = await LoadPostedAsync(ct);
        Groups = await access.MyGroupsAsync(ct);
        if (await MoveAsync(draft, action, target, ct) is { } moved) return moved;

        switch (action)
        {
            case WizardAction.Next:
                var (stepCommand, stepParse) = ToCommand();
                WizardState.AddErrors(ModelState, Steps, stepParse.Concat((await validator.ValidateAsync(stepCommand, ct)).Errors), onlyStep: Step);
                await SaveAsync(draft, ModelState.IsValid ? NextStep : Step, ct);
                return ModelState.IsValid ? RedirectToPage() : Page();
            case WizardAction.Submit:
                var (command, parseErrors) = ToCommand();
                var failures = parseErrors.Concat((await validator.ValidateAsync(command, ct)).Errors).ToList();
                if (failures.Count > 0)
                {
                    await ShowErrorsAsync(draft, failures, ct);
                    return Page();
                }
                var caseId = Guid.Empty;
                var (ok, _) = await FormCommand.TryAsync(ModelState, T, async () => caseId = await mediator.Send(command, ct), FormCommand.Input);
                if (!ok)
                {
                    // A bad field opens its step; a refusal of the whole case (not a member of the group) stays on the summary.
                    await SaveAsync(draft, WizardState.FirstStepWithError(ModelState, Steps) ?? Step, ct);
                    return Page();
                }
                await DiscardDraftAsync(ct);
                TempData["Flash"] = T.Format("案件「{0}」を作成しました。", command.Title.Trim());
                return Redirect($"/Cases/{caseId}");
            default:
                return BadRequest();
        }
    }

    protected override void Merge(CaseInput saved)
    {
        switch (Step)
        {
            case 0:
                saved.GroupId = Input.GroupId ?? "";
                saved.Title = Input.Title ?? "";
                break;
            case 1:
                saved.TargetBusinesses = Input.TargetBusinesses ?? [];
                break;
            case 2:
                saved.CloudForm = Input.CloudForm ?? "";
                saved.PlannedGoLive = Input.PlannedGoLive ?? "";
                saved.BudgetCeiling = Input.BudgetCeiling ?? "";
                saved.Procedure = Input.Procedure ?? "";
                break;
        }
    }

    public string GroupName => Groups.FirstOrDefault(g => g.Id.ToString() == Input.GroupId)?.Name ?? "";

    public (OpenCaseCommand Command, List<ValidationFailure> ParseErrors) ToCommand()
    {
        var errors = new List<ValidationFailure>();
        var groupId = Guid.TryParse(Input.GroupId, out var gid) ? gid : Guid.Empty;
        CloudForm? form = Enum.TryParse<CloudForm>(Input.CloudForm, out var f) && Enum.IsDefined(f) ? f : null;
        ProcurementProcedure? procedure = Enum.TryParse<ProcurementProcedure>(Input.Procedure, out var p) && Enum.IsDefined(p) ? p : null;
        if (procedure is null && !string.IsNullOrWhiteSpace(Input.Procedure)) errors.Add(new("Procedure", T["調達方式を選択してください。"]));
        DateOnly? goLive = null;
        if (!string.IsNullOrWhiteSpace(Input.PlannedGoLive))
        {
            if (DateOnly.TryParseExact(Input.PlannedGoLive, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) goLive = d;
            else errors.Add(new("PlannedGoLive", T["稼働予定日は日付（例: 2028-04-01）で入力してください。"]));
        }
        long? budget = null;
        if (!string.IsNullOrWhiteSpace(Input.BudgetCeiling))
        {
            var digits = Input.BudgetCeiling.Replace(",", "", StringComparison.Ordinal).Replace("円", "", StringComparison.Ordinal).Trim();
            if (long.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var b)) budget = b;
            else errors.Add(new("BudgetCeiling", T["予算上限額は円単位の整数で入力してください。"]));
        }
        // A value that does not parse gets only the parse message: a stand-in value keeps the 'required' rule quiet.
        var command = new OpenCaseCommand(groupId, Input.Title ?? "", Input.TargetBusinesses ?? [], form, goLive,
            budget ?? (errors.Any(e => e.PropertyName == "BudgetCeiling") ? 1 : null), procedure);
        if (errors.Any(e => e.PropertyName == "PlannedGoLive")) command = command with { PlannedGoLive = DateOnly.MaxValue };
        return (command, errors);
    }
}
