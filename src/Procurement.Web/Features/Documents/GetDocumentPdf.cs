using Procurement.Features.Documents.Rendering;

namespace Procurement.Features.Documents;

// Read side for the history, diff and download pages. Membership of the case's group is each query's access rule.

/// <summary>
/// One version as PDF: the one made in the background when the version was generated, or converted now and kept
/// (<see cref="PdfCopies"/>, shared with the contracts' drafts): a stored version never changes, and a conversion takes seconds.
/// <see cref="PdfUnavailableException"/> when it was never converted and LibreOffice is not installed (offer .docx instead).
/// </summary>
[Access(Access.Internal)]
public sealed record GetDocumentPdf(Guid CaseId, string Kind, int Version) : IQuery<DocumentDownload?>, ICaseRequest;

public sealed class GetDocumentPdfHandler(IDocumentSession session, IDocumentFileStore files, PdfCopies copies)
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

        var bytes = await copies.GetOrConvertAsync(session, query.CaseId, docx.Bytes, ct);
        var hash = PdfCopies.Sha256(bytes);
        return new DocumentDownload(fileName, "application/pdf", bytes, hash);
    }
}
