using Microsoft.Extensions.Logging;
using Procurement.Features.Vendors.Proposals;

namespace Procurement.Features.Vendors.Files;

/// <summary>
/// Downloads a vendor file. The bytes are hashed again and compared with the SHA-256 recorded in
/// the event: a file changed in the store (or the folder) is refused, not served.
/// </summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class DownloadModel(IQuerySession session, ProposalAccess proposals, IVendorFileStore store,
    ILogger<DownloadModel> logger, UiText t) : CasePageModel
{
    public string Message { get; private set; } = "";
    public Guid CaseId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        CaseId = id;
        var view = await VendorPage.LoadAsync(session, id, ct);
        if (view.FindFile(fileId, out var vendorId) is not { } file) return NotFound();

        var proposal = view.Proposals.Find(p => p.Files.Any(f => f.FileId == fileId));
        var allowed = proposal is null
            ? VendorPage.IsOfficer(User) || User.IsInRole(Roles.Legal)                // RFI response files
            : await proposals.CanOpenFileAsync(id, vendorId, file, ct)
              && (proposals.IsOfficer || (!proposal.Excluded && !proposal.Superseded));
        if (!allowed) return Forbid();

        var bytes = await store.ReadAsync(fileId, ct);
        if (bytes is null || bytes.Length != file.Size || FileContent.Sha256Hex(bytes) != file.Sha256)
        {
            logger.LogError("Vendor file {FileId} of case {CaseId} does not match its recorded SHA-256; download refused", fileId, id);
            Message = t["このファイルは登録時の内容と一致しません（改ざん又は破損の可能性）。ダウンロードを中止しました。システム管理者に連絡してください。"];
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return File(bytes, FileContent.ContentTypeOf(file.Kind), file.FileName);
    }
}
