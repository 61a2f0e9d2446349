using System.IO.Compression;
using Procurement.Features.Contracts.Drafting;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Features.Contracts;

/// <summary>
/// The stored files of a submitted version: one DOCX, its PDF (made in the background when the version was submitted,
/// or converted now and kept: <see cref="PdfCopies"/>, the same path as every generated document), the assembled
/// 契約書一式 (.docx or PDF), or the bundle of all three drafts as a ZIP. Stored bytes are served as they were validated
/// and frozen, never regenerated.
/// </summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class DownloadModel(ContractAccess access, IDocumentSession session, PdfCopies pdfs) : CasePageModel
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<IActionResult> OnGetAsync(Guid id, int version, string? kind, string? format, string? member, CancellationToken ct)
    {
        if (!await access.CanReadDraftsAsync(id, ct)) return Forbid();
        var files = await session.LoadAsync<ContractVersionFiles>(ContractVersionFiles.IdFor(ContractStreams.DossierId(id), version), ct);
        if (files is null) return NotFound();

        if (kind == "bundle") return File(await BundleAsync(files, ct), "application/zip", $"契約書類一式_第{version}版.zip");
        if (kind == "assembled") return await AssembledAsync(id, files, format, member, ct);

        var doc = DraftKinds.FromSlug(kind) is { } k ? files.Documents.FirstOrDefault(d => d.Kind == k && (string.IsNullOrEmpty(member) || d.Member == member)) : null;
        if (doc is null) return NotFound();
        if (PdfCopies.Sha256(doc.Docx) != doc.Sha256)
        {
            throw new InvalidDataException($"保存された契約書類 {doc.FileName} のハッシュ値が一致しません（改ざん又は破損の可能性）。");
        }
        return await DocxOrPdfAsync(id, doc.Docx, doc.FileName, format, ct);
    }

    /// <summary>契約書一式 (one .docx of contract, SLA and 特記事項), or its PDF from the one PDF store.</summary>
    private async Task<IActionResult> AssembledAsync(Guid caseId, ContractVersionFiles files, string? format, string? member, CancellationToken ct)
    {
        var doc = files.Assembled.FirstOrDefault(a => string.IsNullOrEmpty(member) || a.Member == member);
        if (doc is null) return NotFound();
        return await DocxOrPdfAsync(caseId, doc.Docx, doc.FileName, format, ct);
    }

    /// <summary>The .docx as stored, or its PDF from the one PDF store (404 without LibreOffice, 503 when it failed).</summary>
    private async Task<IActionResult> DocxOrPdfAsync(Guid caseId, byte[] docx, string fileName, string? format, CancellationToken ct)
    {
        if (format != "pdf") return File(docx, DocxType, fileName);
        try
        {
            return File(await pdfs.GetOrConvertAsync(session, caseId, docx, ct), "application/pdf", Path.ChangeExtension(fileName, ".pdf"));
        }
        catch (PdfUnavailableException)
        {
            return NotFound();
        }
        catch (PdfConversionException)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>Every .docx, and beside each the PDF when it has been made (the bundle never waits for LibreOffice).</summary>
    private async Task<byte[]> BundleAsync(ContractVersionFiles files, CancellationToken ct)
    {
        var pdfOf = new Dictionary<StoredDraftDocument, byte[]>();
        foreach (var doc in files.Documents)
        {
            if (await PdfCopies.FindAsync(session, PdfCopies.Sha256(doc.Docx), ct) is { } kept) pdfOf[doc] = kept;
        }
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var doc in files.Documents)
            {
                using (var target = zip.CreateEntry(doc.FileName, CompressionLevel.Optimal).Open()) target.Write(doc.Docx);
                if (!pdfOf.TryGetValue(doc, out var pdf)) continue;
                using var pdfTarget = zip.CreateEntry(Path.ChangeExtension(doc.FileName, ".pdf"), CompressionLevel.Optimal).Open();
                pdfTarget.Write(pdf);
            }
        }
        return stream.ToArray();
    }
}
