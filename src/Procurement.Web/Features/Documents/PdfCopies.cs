using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Procurement.Features.Documents.Rendering;
using Procurement.Infrastructure.Database;

namespace Procurement.Features.Documents;

/// <summary>
/// The PDF of one .docx, converted once and kept. Keyed by the .docx's SHA-256, so a generated document and a contract
/// draft share one path: one store, one hash check on every read, one conversion however many pages ask for it.
/// </summary>
public sealed class StoredPdf
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    /// <summary>The .docx the PDF was made from.</summary>
    public string SourceSha256 { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public byte[] Bytes { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class PdfCopies(PdfConverter pdf, AppDatabase database, TimeProvider clock, IMeterFactory meters)
{
    public const string MeterName = "Procurement.Documents";

    /// <summary>Conversions made by this instance; with several instances on one database each .docx converts once in all of them.</summary>
    private readonly Counter<long> _conversions = meters.Create(MeterName)
        .CreateCounter<long>("procurement.pdf.conversions", description: "LibreOffice conversions of a .docx to PDF");

    public bool CanConvert => pdf.IsAvailable;

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The id of the PDF of a .docx: the first 128 bits of the .docx's SHA-256.</summary>
    public static Guid KeyFor(string docxSha256) => new(Convert.FromHexString(docxSha256.AsSpan(0, 32)));

    /// <summary>The kept PDF of a .docx, its bytes checked against the hash stored with them; null when not made yet.</summary>
    public static async Task<byte[]?> FindAsync(IQuerySession session, string docxSha256, CancellationToken ct)
    {
        var stored = await session.LoadAsync<StoredPdf>(KeyFor(docxSha256), ct);
        if (stored is null) return null;
        if (Sha256(stored.Bytes) != stored.Sha256)
        {
            throw new InvalidDataException($"保存されたPDFファイル {stored.Id} のハッシュ値が一致しません（改ざん又は破損の可能性）。");
        }
        return stored.Bytes;
    }

    /// <summary>Which of these .docx already have their PDF: the pages say 「PDF」 or 「PDF（作成中）」 from it.</summary>
    public static async Task<IReadOnlySet<string>> ReadyAsync(IQuerySession session, IEnumerable<string> docxHashes, CancellationToken ct)
    {
        var keys = docxHashes.Where(h => h.Length >= 32).Distinct(StringComparer.Ordinal).Select(KeyFor).ToArray();
        if (keys.Length == 0) return new HashSet<string>();
        var found = await session.LoadManyAsync<StoredPdf>(ct, keys);
        return found.Select(f => f.SourceSha256).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The kept PDF, or a conversion now (kept for the next reader). <see cref="PdfUnavailableException"/> without LibreOffice.</summary>
    public async Task<byte[]> GetOrConvertAsync(IDocumentSession session, Guid caseId, byte[] docx, CancellationToken ct)
    {
        var source = Sha256(docx);
        if (await FindAsync(session, source, ct) is { } kept) return kept;
        if (!pdf.IsAvailable) throw new PdfUnavailableException(PdfConverter.UnavailableMessage);
        // One conversion per .docx across every instance on this database: the others wait for it and read its result.
        await using (await database.LockAsync("pdf:" + source, ct))
        {
            if (await FindAsync(session, source, ct) is { } madeMeanwhile) return madeMeanwhile;
            var bytes = await pdf.ConvertAsync(docx, ct);
            _conversions.Add(1);
            session.Store(new StoredPdf { Id = KeyFor(source), CaseId = caseId, SourceSha256 = source, Sha256 = Sha256(bytes), Bytes = bytes, CreatedAt = clock.GetUtcNow() });
            await session.SaveChangesAsync(ct);
            return bytes;
        }
    }
}

public sealed class PdfOptions
{
    /// <summary>Convert each new version to PDF right after it is made, so the first download does not wait seconds.</summary>
    public bool ConvertInBackground { get; set; } = true;
}

/// <summary>
/// Converts new document versions to PDF in the background, one at a time (LibreOffice takes a core for seconds). A
/// download before it finishes converts on request instead, so nothing waits on this queue; after a restart, what
/// was still queued converts at its first download. The document store is asked for at the first conversion, not at
/// start-up: building it is the costliest part of a cold start and the first page does not need it.
/// </summary>
public sealed class PdfBackgroundConversion(IServiceProvider services, PdfCopies copies, IOptions<PdfOptions> options, ILogger<PdfBackgroundConversion> logger)
    : BackgroundService
{
    // Bounded: a burst of versions must not hold every .docx in memory; the oldest waiting is dropped and converts on request.
    private readonly Channel<(Guid CaseId, byte[] Docx)> _queue =
        Channel.CreateBounded<(Guid, byte[])>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Enqueue(Guid caseId, byte[] docx)
    {
        if (options.Value.ConvertInBackground && copies.CanConvert) _queue.Writer.TryWrite((caseId, docx));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (caseId, docx) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var session = services.GetRequiredService<IDocumentStore>().LightweightSession();
                await copies.GetOrConvertAsync(session, caseId, docx, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is PdfConversionException or IOException or InvalidDataException or Npgsql.NpgsqlException)
            {
                logger.LogWarning(ex, "Background PDF conversion failed for case {CaseId}; the first download converts it instead", caseId);
            }
        }
    }
}
