using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Procurement.Features.Cases;
using Procurement.Infrastructure.Auth;
using Procurement.Features.Evaluation.Demonstrations;

namespace Procurement.Features.Evaluation.Pages;

/// <summary>The demonstration schedule with an .ics download per slot and for the whole schedule. Group members only.</summary>
public sealed class DemonstrationsModel(CaseAccess access, EvaluationQueries queries) : PageModel
{
    public CaseSummary Case { get; private set; } = null!;
    public EvaluationOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await access.FindCaseAsync(id, ct) is not { } found) return NotFound();
        Case = found;
        Overview = await queries.GetOverviewAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetIcsAsync(Guid id, Guid? slot, CancellationToken ct)
    {
        if (await access.FindCaseAsync(id, ct) is null) return NotFound();
        var ics = await queries.GetDemonstrationCalendarAsync(id, slot, ct);
        var name = slot is { } s ? $"demonstration-{s:N}.ics" : $"demonstrations-{id:N}.ics";
        return File(System.Text.Encoding.UTF8.GetBytes(ics), DemonstrationCalendar.ContentType, name);
    }
}
