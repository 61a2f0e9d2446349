using Mediator;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Features.Documents;

// Read side for the history, diff and download pages. Like every case page, callers check CaseAccess first.

/// <summary>One version as PDF via LibreOffice; <see cref="PdfUnavailableException"/> when it is not installed (offer .docx instead).</summary>
public sealed record GetDocumentPdf(Guid CaseId, string Kind, int Version) : IQuery<DocumentDownload?>;

public sealed class GetDocumentPdfHandler(IMediator mediator, PdfConverter pdf) : IQueryHandler<GetDocumentPdf, DocumentDownload?>
{
    public async ValueTask<DocumentDownload?> Handle(GetDocumentPdf query, CancellationToken cancellationToken)
    {
        if (!pdf.IsAvailable) throw new PdfUnavailableException(PdfConverter.UnavailableMessage);
        var docx = await mediator.Send(new GetDocumentFile(query.CaseId, query.Kind, query.Version), cancellationToken);
        if (docx is null) return null;
        var bytes = await pdf.ConvertAsync(docx.Bytes, cancellationToken);
        return new DocumentDownload(Path.ChangeExtension(docx.FileName, ".pdf"), "application/pdf", bytes, DocumentRenderer.Sha256(bytes));
    }
}
