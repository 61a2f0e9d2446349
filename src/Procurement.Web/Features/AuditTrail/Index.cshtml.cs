using System.IO.Pipelines;
using Procurement.Features.Documents;

namespace Procurement.Features.AuditTrail;

/// <summary>監査ログ of one case for every member of its group, a page at a time (newest first), with a CSV download of every line.</summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class IndexModel(IMediator mediator, IQuerySession session, UiText t, TimeProvider clock) : PageModel
{
    public AuditTrailView Trail { get; private set; } = null!;

    /// <summary>One kind of record only (?source=Evaluation …); all when absent or unknown.</summary>
    public AuditSource? Source { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? source, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        Source = SourceOf(source);
        if (await mediator.Send(new GetAuditTrail(id, Source, page ?? 1), ct) is not { } trail) return NotFound();
        Trail = trail;
        return Page();
    }

    /// <summary>
    /// Every line, oldest first, written to the response while it is read from the database (through a pipe the file
    /// result copies from), so a long log is never held whole in memory.
    /// </summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid id, string? source, CancellationToken ct)
    {
        Source = SourceOf(source);
        if (await mediator.Send(new GetAuditScope(id, Source), ct) is not { } scope) return NotFound();
        var today = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), JapaneseDates.Tokyo).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var pipe = new Pipe();
        _ = WriteCsvAsync(pipe.Writer, scope, ct);
        return File(pipe.Reader.AsStream(), "text/csv; charset=utf-8", $"{t["監査ログ"]}_{today}.csv");
    }

    private async Task WriteCsvAsync(PipeWriter writer, AuditScope scope, CancellationToken ct)
    {
        try
        {
            var lines = CaseTimeline.StreamAsync(session, scope.Streams, t, scope.Context, ct).Select(scope.Entry);
            await AuditTrailCsv.WriteAsync(writer.AsStream(leaveOpen: true), lines, t, ct);
            await writer.CompleteAsync();
        }
        catch (Exception failed)
        {
            // The reader (the response) ends with the error instead of a silently short file.
            await writer.CompleteAsync(failed);
        }
    }

    private static AuditSource? SourceOf(string? source) =>
        Enum.TryParse<AuditSource>(source, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
}
