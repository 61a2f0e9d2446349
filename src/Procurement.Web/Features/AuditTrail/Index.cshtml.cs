using Procurement.Features.Documents;

namespace Procurement.Features.AuditTrail;

/// <summary>監査ログ of one case for every member of its group, with a CSV download of the same lines.</summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class IndexModel(IMediator mediator, UiText t, TimeProvider clock) : PageModel
{
    public AuditTrailView Trail { get; private set; } = null!;

    /// <summary>One kind of record only (?source=Evaluation …); all when absent or unknown.</summary>
    public AuditSource? Source { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? source, CancellationToken ct)
    {
        if (await LoadAsync(id, source, ct) is not { } trail) return NotFound();
        Trail = trail;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id, string? source, CancellationToken ct)
    {
        if (await LoadAsync(id, source, ct) is not { } trail) return NotFound();
        var today = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), JapaneseDates.Tokyo).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return File(AuditTrailCsv.Write(trail, t), "text/csv; charset=utf-8", $"{t["監査ログ"]}_{today}.csv");
    }

    private async Task<AuditTrailView?> LoadAsync(Guid id, string? source, CancellationToken ct)
    {
        Source = Enum.TryParse<AuditSource>(source, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
        var trail = await mediator.Send(new GetAuditTrail(id), ct);
        return trail is null || Source is null ? trail : trail with { Entries = [.. trail.Entries.Where(e => e.Source == Source)] };
    }
}
