using System.Globalization;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Procurement.Features.Cases;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Localization;
using Procurement.Infrastructure.Validation;

namespace Procurement.Features.Renewal;

/// <summary>サービス継続・切替え (Phase4): decide at the end of the term; a switch opens the next procurement.</summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class IndexModel(CaseAccess access, IQuerySession session, IMediator mediator, UiText t) : PageModel
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
    public CaseSummary Case { get; private set; } = null!;
    public RenewalView? Renewal { get; private set; }
    public bool Stale { get; private set; }
    public bool CanDecide => User.IsInRole(Roles.Officer) || User.IsInRole(Roles.Admin);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await access.FindCaseAsync(id, ct);
        if (found is null) return false;
        Case = found;
        Renewal = await session.LoadAsync<RenewalView>(id, ct);
        Version ??= Renewal?.Version ?? 0;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.SuccessorTitle = t.Format("{0}（次期）", Case.Title);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanDecide) return Forbid();
        RenewalChoice? choice = Enum.TryParse<RenewalChoice>(Input.Choice, out var c) && Enum.IsDefined(c) ? c : null;
        static DateOnly? Date(string? s) => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        try
        {
            var successor = await mediator.Send(new DecideContinuationCommand(id, choice, Input.Reasons ?? "", Input.Lessons ?? "", Input.CurrentVendor ?? "",
                Date(Input.ContractEnd), Input.SuccessorTitle ?? "", Date(Input.SuccessorGoLive), Version), ct);
            TempData["Flash"] = successor is null ? t["サービス継続を記録しました。"] : t["切替えを記録し、次期調達の案件を作成しました。"];
            return Redirect(successor is { } next ? $"/Cases/{next}" : $"/Cases/{id}/Renewal");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors) ModelState.AddModelError($"Input.{e.PropertyName}", e.ErrorMessage);
        }
        catch (DomainRuleException ex)
        {
            ModelState.AddModelError("", t[ex.Message]);
        }
        catch (StaleVersionException ex)
        {
            Stale = true;
            ModelState.AddModelError("", t[ex.Message]);
        }
        return Page();
    }
}
