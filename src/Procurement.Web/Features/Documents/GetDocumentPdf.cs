using Marten;
using Mediator;
using Procurement.Features.Documents.Rendering;
using Procurement.Infrastructure.Auth;

namespace Procurement.Features.Documents;

// Read side for the history, diff and download pages. Membership of the case's group is each query's access rule.

/// <summary>
/// One version as PDF. Converted by LibreOffice on the first request and kept (<see cref="StoredPdf"/>), like the
/// contracts' PDFs: a stored version never changes, and a conversion takes seconds of a 2-core server.
/// <see cref="PdfUnavailableException"/> when it was never converted and LibreOffice is not installed (offer .docx instead).
/// </summary>
[Access(Access.Internal)]
public sealed record GetDocumentPdf(Guid CaseId, string Kind, int Version) : IQuery<DocumentDownload?>, ICaseRequest;

/// <summary>The PDF of one stored .docx (same id as its <see cref="StoredFile"/>), hash re-checked on every download.</summary>
public sealed class StoredPdf
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string Sha256 { get; set; } = "";
    public byte[] Bytes { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class GetDocumentPdfHandler(IDocumentSession session, IDocumentFileStore files, PdfConverter pdf, TimeProvider clock)
    : IQueryHandler<GetDocumentPdf, DocumentDownload?>
{
    public async ValueTask<DocumentDownload?> Handle(GetDocumentPdf query, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var version = (await session.LoadAsync<CaseDocumentsView>(query.CaseId, ct))?.Find(query.Kind, query.Version);
        if (version is null) return null;
        var docx = await files.LoadAsync(session, version.FileId, ct);
        if (docx is null || docx.CaseId != query.CaseId) return null;
        var fileName = Path.ChangeExtension(docx.FileName, ".pdf");

        var stored = await session.LoadAsync<StoredPdf>(version.FileId, ct);
        if (stored is not null)
        {
            if (DocumentRenderer.Sha256(stored.Bytes) != stored.Sha256)
            {
                throw new InvalidDataException($"保存されたPDFファイル {stored.Id} のハッシュ値が一致しません（改ざん又は破損の可能性）。");
            }
            return new DocumentDownload(fileName, "application/pdf", stored.Bytes, stored.Sha256);
        }

        if (!pdf.IsAvailable) throw new PdfUnavailableException(PdfConverter.UnavailableMessage);
        var bytes = await pdf.ConvertAsync(docx.Bytes, ct);
        var hash = DocumentRenderer.Sha256(bytes);
        // Two first requests at once both convert; the later store overwrites an identical-purpose PDF, which is harmless.
        session.Store(new StoredPdf { Id = version.FileId, CaseId = query.CaseId, Sha256 = hash, Bytes = bytes, CreatedAt = clock.GetUtcNow() });
        await session.SaveChangesAsync(ct);
        return new DocumentDownload(fileName, "application/pdf", bytes, hash);
    }
}
