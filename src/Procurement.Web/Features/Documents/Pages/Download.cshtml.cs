using Procurement.Features.Documents.Rendering;

namespace Procurement.Features.Documents.Pages;

/// <summary>
/// One stored version as .docx, or as PDF converted by LibreOffice when it is installed. The file name goes out both
/// as an ASCII fallback and as RFC 5987 filename* in UTF-8 (「調達仕様書_第2版.docx」).
/// </summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class DownloadModel(IMediator mediator) : CasePageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string kind, int version, string? format, CancellationToken ct)
    {
        DocumentDownload? file;
        if (format == "pdf")
        {
            try
            {
                file = await mediator.Send(new GetDocumentPdf(id, kind, version), ct);
            }
            catch (PdfUnavailableException ex)
            {
                return new ContentResult { StatusCode = StatusCodes.Status503ServiceUnavailable, Content = ex.Message, ContentType = "text/plain; charset=utf-8" };
            }
        }
        else
        {
            file = await mediator.Send(new GetDocumentFile(id, kind, version), ct);
        }
        if (file is null) return NotFound();
        return File(file.Bytes, file.ContentType, file.FileName);
    }
}
