using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Procurement.Features.Documents;
using Procurement.Infrastructure.Localization;

namespace Procurement.Features.AuditTrail;

/// <summary>監査ログ of one case for every member of its group, with a CSV download of the same lines.</summary>
public sealed class IndexModel(IMediator mediator, UiText t, TimeProvider clock) : PageModel
{
    public AuditTrailView Trail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await mediator.Send(new GetAuditTrail(id), ct) is not { } trail) return NotFound();
        Trail = trail;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken ct)
    {
        if (await mediator.Send(new GetAuditTrail(id), ct) is not { } trail) return NotFound();
        var today = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), JapaneseDates.Tokyo).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return File(AuditTrailCsv.Write(trail, t), "text/csv; charset=utf-8", $"{t["監査ログ"]}_{today}.csv");
    }
}
