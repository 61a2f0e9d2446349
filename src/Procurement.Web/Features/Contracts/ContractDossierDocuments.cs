using Procurement.Features.Contracts.Drafting;
using Procurement.Features.Documents;

namespace Procurement.Features.Contracts;

/// <summary>The contract dossier's drafts as the documents page lists them: the same versions and files the dossier page shows.</summary>
public sealed class ContractDossierDocuments(ContractAccess access) : IDossierDocuments
{
    public IReadOnlyCollection<string> Kinds { get; } = DraftKinds.All.Select(DraftKinds.TemplateId).ToArray();

    public string PagePath(Guid caseId) => $"/Cases/{caseId}/Contract";

    public async Task<DossierDocumentList> ListAsync(Guid caseId, CancellationToken ct = default)
    {
        if (!await access.CanReadDraftsAsync(caseId, ct)) return new(false, null, []);
        var dossier = await access.FindDossierAsync(caseId, ct);
        if (dossier is null) return new(true, null, []);
        var rows = dossier.Versions.OrderByDescending(v => v.Number)
            .SelectMany(v => v.Files.Select(f => new DossierDocumentRow(
                DraftKinds.TemplateId(f.Kind), DraftKinds.Title(f.Kind), f.Member, v.Number, DossierModel.StatusName(v.Status), f.Sha256,
                DownloadUrl(caseId, v.Number, f), v.SubmittedBy, v.SubmittedAt)))
            .ToList();
        return new(true, dossier.WorkingVersion, rows);
    }

    public static string DownloadUrl(Guid caseId, int version, DraftFileRef file) =>
        $"/Cases/{caseId}/Contract/Download?version={version}&kind={DraftKinds.Slug(file.Kind)}"
        + (file.Member is null ? "" : "&member=" + Uri.EscapeDataString(file.Member));
}
