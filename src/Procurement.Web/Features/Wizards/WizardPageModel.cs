using FluentValidation.Results;

namespace Procurement.Features.Wizards;

/// <summary>
/// The draft and step handling a wizard page shares with the others: back, a jump to an earlier step and
/// save-and-resume work the same everywhere, while what a step validates and what submitting does stay with each page.
/// </summary>
public abstract class WizardPageModel<TInput>(WizardDraftStore drafts, ICurrentUser user, UiText t, string wizardName, IReadOnlyList<WizardStep> steps)
    : PageModel where TInput : class, new()
{
    [BindProperty] public TInput Input { get; set; } = new();
    [BindProperty] public int Step { get; set; }
    public DateTimeOffset? SavedAt { get; private set; }

    /// <summary>
    /// The page opened on a draft saved earlier (from the home page, or by coming back to the wizard), not on the next
    /// step of the same sitting: the page says so and offers to start again, so an old draft is never resumed silently.
    /// The flag is read (and so removed) here: leaving the wizard and coming back later shows the notice again.
    /// </summary>
    public bool Resumed => SavedAt is not null && TempData[MovedKey] is null;

    private const string MovedKey = "WizardMoved";

    protected UiText T => t;

    protected int NextStep => Math.Min(Step + 1, steps.Count - 1);

    protected async Task LoadDraftAsync(CancellationToken ct)
    {
        var draft = await drafts.LoadAsync(user.Id, wizardName, ct);
        Input = WizardState.Read<TInput>(draft);
        Step = Math.Clamp(draft.Step, 0, steps.Count - 1);
        SavedAt = draft.Values.Count > 0 ? draft.SavedAt : null;
    }

    /// <summary>A step's form carries only its own fields, so they are merged into the saved input and the other steps keep theirs.</summary>
    protected async Task<WizardDraft> LoadPostedAsync(CancellationToken ct)
    {
        var draft = await drafts.LoadAsync(user.Id, wizardName, ct);
        var saved = WizardState.Read<TInput>(draft);
        Step = Math.Clamp(Step, 0, steps.Count - 1);
        Merge(saved);
        Input = saved;
        return draft;
    }

    /// <summary>Copies the fields of the step on screen from the posted <see cref="Input"/> into <paramref name="saved"/>.</summary>
    protected abstract void Merge(TInput saved);

    /// <summary>Back, a jump to an earlier step and save-and-resume; null for any other action, which the page handles itself.</summary>
    protected async Task<IActionResult?> MoveAsync(WizardDraft draft, string action, int? target, CancellationToken ct)
    {
        switch (action)
        {
            case WizardAction.Back:
                await SaveAsync(draft, Math.Max(0, Step - 1), ct);
                return RedirectToPage();
            case WizardAction.Goto when target is >= 0 && target < Step:
                await SaveAsync(draft, target.Value, ct);
                return RedirectToPage();
            case WizardAction.Save:
                await SaveAsync(draft, Step, ct);
                TempData.Remove(MovedKey);
                TempData["Flash"] = t["入力内容を途中保存しました。ホーム画面から再開できます。"];
                return Redirect("/");
            case WizardAction.Discard:
                await DiscardDraftAsync(ct);
                TempData.Remove(MovedKey);
                TempData["Flash"] = t["途中保存した入力を破棄しました。最初から入力できます。"];
                return RedirectToPage();
            default:
                return null;
        }
    }

    protected async Task SaveAsync(WizardDraft draft, int step, CancellationToken ct)
    {
        draft.Step = step;
        Step = step;
        WizardState.Write(draft, Input);
        await drafts.SaveAsync(draft, ct);
        SavedAt = draft.SavedAt;
        // The next GET is the same sitting continuing, not a resumed draft.
        TempData[MovedKey] = true;
    }

    /// <summary>A refused submit opens the first step with an error, and the draft resumes there.</summary>
    protected async Task ShowErrorsAsync(WizardDraft draft, IEnumerable<ValidationFailure> failures, CancellationToken ct)
    {
        Step = WizardState.AddErrors(ModelState, steps, failures) ?? Step;
        await SaveAsync(draft, Step, ct);
    }

    /// <summary>Once submitted, the draft goes, so the home page no longer offers to resume it.</summary>
    protected async Task DiscardDraftAsync(CancellationToken ct)
    {
        await drafts.DiscardAsync(user.Id, wizardName, ct);
        SavedAt = null;
    }
}
