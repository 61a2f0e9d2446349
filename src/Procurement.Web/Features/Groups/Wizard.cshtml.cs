using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Procurement.Features.Wizards;

namespace Procurement.Features.Groups;

/// <summary>グループの設定: 基本情報 → 構成団体 → 確認. Input is kept as typed (strings) so nothing is lost on an error.</summary>
[Access(Roles.Officer, Roles.Admin)]
[Authorize(Policy = Policies.Officer)]
public sealed class WizardModel(WizardDraftStore drafts, IValidator<CreateGroupCommand> validator, IMediator mediator, ICurrentUser user, UiText t)
    : WizardPageModel<WizardModel.GroupInput>(drafts, user, t, WizardName, Steps)
{
    public const string WizardName = "group";

    public static readonly IReadOnlyList<WizardStep> Steps =
    [
        new("基本情報", "Name", "Form", "DateStyle"),
        new("構成団体", "Members", "Representative"),
        new("確認"),
    ];

    public sealed class MemberInput
    {
        public string Name { get; set; } = "";
        public string Population { get; set; } = "";
        public string PopulationDate { get; set; } = "";

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Population) && string.IsNullOrWhiteSpace(PopulationDate);
    }

    public sealed class GroupInput
    {
        public string Name { get; set; } = "";
        public string Form { get; set; } = "";
        public string DateStyle { get; set; } = nameof(Documents.DateStyle.WarekiOnly);
        public List<MemberInput> Members { get; set; } = [];
        public string Representative { get; set; } = "";
        /// <summary>The radio button's row: a row's name is typed on the same screen, so the choice is by row.</summary>
        public string RepresentativeRow { get; set; } = "";
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadDraftAsync(ct);
        PadMembers();
    }

    public async Task<IActionResult> OnPostAsync(string action, int? target, CancellationToken ct)
    {
        var draft = await LoadPostedAsync(ct);
        Input.Members = [.. Input.Members.Where(m => !m.IsBlank)];
        if (await MoveAsync(draft, action, target, ct) is { } moved) return moved;

        switch (action)
        {
            case "addRow":
                await SaveAsync(draft, Step, ct);
                PadMembers(extra: 1);
                return Page();
            case WizardAction.Next:
                if (!ValidateStep(Step))
                {
                    await SaveAsync(draft, Step, ct);
                    PadMembers();
                    return Page();
                }
                await SaveAsync(draft, NextStep, ct);
                return RedirectToPage();
            case WizardAction.Submit:
                var (command, parseErrors) = ToCommand();
                var result = await validator.ValidateAsync(command, ct);
                var failures = parseErrors.Concat(result.Errors).ToList();
                if (failures.Count > 0)
                {
                    await ShowErrorsAsync(draft, failures, ct);
                    PadMembers();
                    return Page();
                }
                var groupId = await mediator.Send(command, ct);
                await DiscardDraftAsync(ct);
                TempData["Flash"] = T.Format("グループ「{0}」を作成しました。", command.Name.Trim());
                return Redirect($"/Cases/Wizard?groupId={groupId}");
            default:
                return BadRequest();
        }
    }

    protected override void Merge(GroupInput saved)
    {
        if (Step == 0)
        {
            saved.Name = Input.Name ?? "";
            saved.Form = Input.Form ?? "";
            saved.DateStyle = Input.DateStyle ?? "";
        }
        else if (Step == 1)
        {
            saved.Members = Input.Members ?? [];
            saved.Representative = int.TryParse(Input.RepresentativeRow, out var row) && row >= 0 && row < saved.Members.Count
                ? (saved.Members[row].Name ?? "").Trim()
                : "";
        }
    }

    private bool ValidateStep(int step)
    {
        var (command, parseErrors) = ToCommand();
        var failures = parseErrors.Concat(validator.Validate(command).Errors);
        WizardState.AddErrors(ModelState, Steps, failures, onlyStep: step);
        return ModelState.ErrorCount == 0;
    }

    private void PadMembers(int extra = 0)
    {
        var rows = Math.Max(Input.Members.Count + extra, 4);
        while (Input.Members.Count < rows) Input.Members.Add(new MemberInput());
    }

    public (CreateGroupCommand Command, List<ValidationFailure> ParseErrors) ToCommand()
    {
        var errors = new List<ValidationFailure>();
        var members = new List<MemberMunicipality>();
        var rows = Input.Members.Where(m => !m.IsBlank).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var m = rows[i];
            // A value that is not a number gets the parse message only; 1 keeps the range rule quiet for it.
            if (!int.TryParse((m.Population ?? "").Replace(",", "", StringComparison.Ordinal).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var population))
            {
                errors.Add(new($"Members[{i}].Population", T["人口は1以上の整数で入力してください。"]));
                population = 1;
            }
            if (!DateOnly.TryParseExact(m.PopulationDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new($"Members[{i}].PopulationDate", T["人口の基準日を入力してください。"]));
                date = new DateOnly(2000, 1, 1);
            }
            members.Add(new MemberMunicipality(m.Name ?? "", population, date));
        }
        OrganisationForm? form = Enum.TryParse<OrganisationForm>(Input.Form, out var f) && Enum.IsDefined(f) ? f : null;
        Documents.DateStyle? style = Enum.TryParse<Documents.DateStyle>(Input.DateStyle, out var d) && Enum.IsDefined(d) ? d : null;
        return (new CreateGroupCommand(Input.Name ?? "", form, members, Input.Representative ?? "", style), errors);
    }
}
