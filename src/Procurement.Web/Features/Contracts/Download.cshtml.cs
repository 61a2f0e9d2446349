using System.IO.Compression;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Procurement.Features.Contracts.Drafting;
using Procurement.Features.Documents.Rendering;
using Procurement.Infrastructure.Auth;

namespace Procurement.Features.Contracts;

/// <summary>
/// The stored files of a submitted version: one DOCX, its PDF (converted once on first request when LibreOffice is
/// installed, then kept), the assembled 契約書一式 (.docx or PDF), or the bundle of all three drafts as a ZIP. Stored bytes are served as they were
/// validated and frozen, never regenerated.
/// </summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class DownloadModel(ContractAccess access, IDocumentSession session, PdfConverter pdf) : PageModel
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<IActionResult> OnGetAsync(Guid id, int version, string? kind, string? format, string? member, CancellationToken ct)
    {
        if (await access.FindCaseAsync(id, ct) is null) return NotFound();
        if (!await access.CanReadDraftsAsync(id, ct)) return Forbid();
        var files = await session.LoadAsync<ContractVersionFiles>(ContractVersionFiles.IdFor(ContractStreams.DossierId(id), version), ct);
        if (files is null) return NotFound();

        if (kind == "bundle") return File(Bundle(files), "application/zip", $"契約書類一式_第{version}版.zip");
        if (kind == "assembled") return await AssembledAsync(files, format, member, ct);

        var doc = DraftKinds.FromSlug(kind) is { } k ? files.Documents.FirstOrDefault(d => d.Kind == k && (string.IsNullOrEmpty(member) || d.Member == member)) : null;
        if (doc is null) return NotFound();
        if (format != "pdf") return File(doc.Docx, DocxType, doc.FileName);

        if (doc.Pdf is null)
        {
            if (!pdf.IsAvailable) return NotFound();
            try
            {
                doc.Pdf = await pdf.ConvertAsync(doc.Docx, ct);
            }
            catch (PdfConversionException)
            {
                return StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            session.Store(files);
            await session.SaveChangesAsync(ct);
        }
        return File(doc.Pdf, "application/pdf", Path.ChangeExtension(doc.FileName, ".pdf"));
    }

    /// <summary>契約書一式 (one .docx of contract, SLA and 特記事項), or its PDF converted once and kept.</summary>
    private async Task<IActionResult> AssembledAsync(ContractVersionFiles files, string? format, string? member, CancellationToken ct)
    {
        var doc = files.Assembled.FirstOrDefault(a => string.IsNullOrEmpty(member) || a.Member == member);
        if (doc is null) return NotFound();
        if (format != "pdf") return File(doc.Docx, DocxType, doc.FileName);
        if (doc.Pdf is null)
        {
            if (!pdf.IsAvailable) return NotFound();
            try
            {
                doc.Pdf = await pdf.ConvertAsync(doc.Docx, ct);
            }
            catch (PdfConversionException)
            {
                return StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            session.Store(files);
            await session.SaveChangesAsync(ct);
        }
        return File(doc.Pdf, "application/pdf", Path.ChangeExtension(doc.FileName, ".pdf"));
    }

    private static byte[] Bundle(ContractVersionFiles files)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var doc in files.Documents)
            {
                using (var target = zip.CreateEntry(doc.FileName, CompressionLevel.Optimal).Open()) target.Write(doc.Docx);
                if (doc.Pdf is null) continue;
                using var pdfTarget = zip.CreateEntry(Path.ChangeExtension(doc.FileName, ".pdf"), CompressionLevel.Optimal).Open();
                pdfTarget.Write(doc.Pdf);
            }
        }
        return stream.ToArray();
    }
}
