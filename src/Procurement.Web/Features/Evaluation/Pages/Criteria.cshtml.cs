using FluentValidation.Results;
using Procurement.Features.Evaluation.Criteria;
using Procurement.Features.Wizards;

namespace Procurement.Features.Evaluation.Pages;

/// <summary>
/// 評価基準: officers define the criteria in a wizard (区分・項目 → 価格評価 → 端数処理・基準 → 確認) kept as a
/// <see cref="WizardDraft"/>, so nothing is decided until the review is submitted. Once proposals are opened the
/// criteria are shown read-only and a change needs a written reason (every member then re-confirms).
/// Group members see the criteria read-only and confirm a change here; only officers edit (others 403, other groups 404).
/// </summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class CriteriaModel(EvaluationQueries queries, WizardDraftStore drafts, IMediator mediator, ICurrentUser user, UiText t,
    IValidator<DefineCriteria> defineValidator, IValidator<ChangeFrozenCriteria> changeValidator) : CasePageModel
{
    [BindProperty] public CriteriaInput Input { get; set; } = new();
    [BindProperty] public int Step { get; set; }
    public EvaluationOverview Overview { get; private set; } = null!;
    /// <summary>The wizard is on screen (officers only); otherwise the read-only view.</summary>
    public bool Editing { get; private set; }
    public DateTimeOffset? SavedAt { get; private set; }
    public bool IsOfficer => user.IsInRole(Roles.Officer);
    /// <summary>After proposals were opened the wizard sends a change with a reason instead of a definition.</summary>
    public bool Changing => Overview.CriteriaFrozen;

    public static string WizardName(Guid caseId) => WizardResume.CriteriaWizardName(caseId);

    public async Task<IActionResult> OnGetAsync(Guid id, bool change, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!IsOfficer) return change ? Forbid() : Page();
        var draft = await drafts.LoadAsync(user.Id, WizardName(id), ct);
        if (draft.Values.Count > 0)
        {
            Input = WizardState.Read<CriteriaInput>(draft);
            Step = Math.Clamp(draft.Step, 0, CriteriaInput.Steps.Count - 1);
            SavedAt = draft.SavedAt;
            Editing = true;
        }
        else if (!Overview.CriteriaFrozen || change)
        {
            Input = Current();
            Editing = true;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? action, int? target, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!IsOfficer) return Forbid();
        Editing = true;
        var draft = await drafts.LoadAsync(user.Id, WizardName(id), ct);
        var saved = draft.Values.Count > 0 ? WizardState.Read<CriteriaInput>(draft) : Current();
        Step = Math.Clamp(Step, 0, CriteriaInput.Steps.Count - 1);
        Merge(saved);
        Input = saved;

        switch (action ?? "")
        {
            case "discard":
                await drafts.DiscardAsync(user.Id, WizardName(id), ct);
                TempData["Flash"] = t["入力途中の内容を破棄しました。"];
                return Redirect(PageUrl(id));
            case WizardAction.Back:
                await SaveAsync(draft, Math.Max(0, Step - 1), ct);
                return Redirect(PageUrl(id));
            case WizardAction.Goto when target is >= 0 && target < Step:
                await SaveAsync(draft, target.Value, ct);
                return Redirect(PageUrl(id));
            case WizardAction.Save:
                await SaveAsync(draft, Step, ct);
                TempData["Flash"] = t["入力内容を途中保存しました。ホーム画面から再開できます。"];
                return Redirect($"/Cases/{id}/Evaluation");
            case WizardAction.Next:
                if (Step == 0) Input.DropBlankRows();
                if (Validate(onlyStep: Step) is not null)
                {
                    await SaveAsync(draft, Step, ct);
                    return Page();
                }
                await SaveAsync(draft, Math.Min(Step + 1, CriteriaInput.Steps.Count - 1), ct);
                return Redirect(PageUrl(id));
            case WizardAction.Submit:
                return await SubmitAsync(id, draft, ct);
            default:
                if (Step != 0 || !Input.Apply(action ?? "")) return BadRequest();
                await SaveAsync(draft, Step, ct);
                return Page();
        }
    }

    /// <summary>A member confirms they have read the latest change of the frozen criteria (scoring stays blocked until they do).</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id, int revision, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!Overview.IAmMember) return Forbid();
        var (ok, _) = await FormCommand.TryAsync(ModelState, t, "Confirm", () => mediator.Send(new ConfirmCriteriaChange(id, revision), ct).AsTask());
        if (!ok)
        {
            Overview = await queries.GetOverviewAsync(id, ct);
            return Page();
        }
        TempData["Flash"] = t["評価基準の変更を確認しました。"];
        return Redirect($"/Cases/{id}/Evaluation");
    }

    private async Task<IActionResult> SubmitAsync(Guid id, WizardDraft draft, CancellationToken ct)
    {
        Input.DropBlankRows();
        if (Validate(onlyStep: null) is not null)
        {
            await SaveAsync(draft, Step, ct);
            return Page();
        }
        var (categories, settings, _) = Input.ToDomain(t);
        if (Overview.CriteriaRevision != Input.BaseRevision)
        {
            // Someone else changed the criteria after this draft began: sending it would silently undo their change.
            ModelState.AddModelError("", t["この入力を始めた後に、他の利用者が評価基準を変更しました。入力を破棄して最新の内容から始めてください。"]);
            await SaveAsync(draft, Step, ct);
            return Page();
        }
        var (ok, _) = await FormCommand.TryAsync(ModelState, t, async () =>
        {
            try
            {
                if (Changing) await mediator.Send(new ChangeFrozenCriteria(id, categories, settings, Input.Reason ?? ""), ct);
                else await mediator.Send(new DefineCriteria(id, categories, settings), ct);
            }
            catch (ValidationException ex)
            {
                // The command's paths (Categories[0].Items[1].MaxPoints) become the wizard's fields, each message naming its item.
                throw new ValidationException(ex.Errors.Select(e => Input.ToField(e, t)));
            }
        }, FormCommand.Input);
        if (!ok)
        {
            // The wizard opens at the first step with a message (a refusal of the whole criteria stays where the user is).
            Step = WizardState.FirstStepWithError(ModelState, CriteriaInput.Steps) ?? Step;
            await SaveAsync(draft, Step, ct);
            return Page();
        }
        await drafts.DiscardAsync(user.Id, WizardName(id), ct);
        TempData["Flash"] = Changing ? t["評価基準を変更しました。各委員の再確認を待っています。"] : t["評価基準を保存しました。"];
        return Redirect(Changing ? PageUrl(id) : $"/Cases/{id}/Evaluation");
    }

    /// <summary>Every error of the input (or only the step's), each next to its field; returns the first step with an error.</summary>
    private int? Validate(int? onlyStep)
    {
        var (categories, settings, parseErrors) = Input.ToDomain(t);
        ValidationResult result = Changing
            ? changeValidator.Validate(new ChangeFrozenCriteria(Overview.CaseId, categories, settings, Input.Reason ?? ""))
            : defineValidator.Validate(new DefineCriteria(Overview.CaseId, categories, settings));
        var rowsNamed = parseErrors.Any(e => e.PropertyName.EndsWith(".Id", StringComparison.Ordinal));
        var domainErrors = result.Errors
            .Where(e => !(rowsNamed && e.ErrorCode == CriteriaValidator.DuplicateItemIdCode))
            // A field whose text did not parse already has its message; the stand-in value must not add another.
            .Select(e => Input.ToField(e, t))
            .Where(e => parseErrors.All(p => p.PropertyName != e.PropertyName));
        var failures = parseErrors.Concat(domainErrors).ToList();
        if (onlyStep is null && failures.Count > 0)
        {
            var first = WizardState.AddErrors(ModelState, CriteriaInput.Steps, failures);
            Step = first ?? Step;
            return first ?? Step;
        }
        return failures.Count > 0 ? WizardState.AddErrors(ModelState, CriteriaInput.Steps, failures, onlyStep: onlyStep) : null;
    }

    /// <summary>Only the fields of the step on screen come from the form; the other steps keep what was saved.</summary>
    private void Merge(CriteriaInput saved)
    {
        switch (Step)
        {
            case 0:
                saved.Categories = Input.Categories ?? [];
                foreach (var c in saved.Categories)
                {
                    c.Items ??= [];
                    foreach (var i in c.Items)
                    {
                        var defaults = CriteriaInput.DefaultAnchors();
                        i.Anchors = [.. Enumerable.Range(0, 6).Select(g => i.Anchors is { } a && g < a.Count && !string.IsNullOrWhiteSpace(a[g]) ? a[g] : defaults[g])];
                    }
                }
                break;
            case 1:
                saved.PriceMethod = Input.PriceMethod ?? "";
                saved.TechnicalWeight = Input.TechnicalWeight ?? "";
                saved.PriceWeight = Input.PriceWeight ?? "";
                saved.PriceAllocation = Input.PriceAllocation ?? "";
                saved.DivisionMultiplier = Input.DivisionMultiplier ?? "";
                break;
            case 2:
                saved.Aggregation = Input.Aggregation ?? "";
                saved.PassLine = Input.PassLine ?? "";
                saved.FloorThreshold = Input.FloorThreshold ?? "";
                saved.FloorUnit = Input.FloorUnit ?? "";
                saved.Rounding = [.. Enumerable.Range(0, 4).Select(s => Input.Rounding is { } r && s < r.Count && r[s] is { } x
                    ? new CriteriaInput.RoundingInput { Mode = x.Mode ?? "", Decimals = x.Decimals ?? "" }
                    : new CriteriaInput.RoundingInput())];
                break;
            case 3:
                saved.Reason = Input.Reason ?? "";
                break;
        }
    }

    private async Task SaveAsync(WizardDraft draft, int step, CancellationToken ct)
    {
        draft.Step = step;
        Step = step;
        WizardState.Write(draft, Input);
        await drafts.SaveAsync(draft, ct);
        SavedAt = draft.SavedAt;
    }

    private CriteriaInput Current() => Overview.Criteria.Any(c => c.Id != EvaluationView.DemonstrationCategoryId)
        ? CriteriaInput.From(Overview.Criteria, Overview.Settings, Overview.CriteriaRevision)
        : CriteriaInput.New(Overview.CriteriaRevision);

    private static string PageUrl(Guid id) => $"/Cases/{id}/Evaluation/Criteria";

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Overview = await queries.GetOverviewAsync(id, ct);
    }
}
