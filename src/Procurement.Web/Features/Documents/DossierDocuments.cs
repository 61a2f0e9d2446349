namespace Procurement.Features.Documents;

/// <summary>
/// Document kinds another feature keeps as drafts of its own: the contract dossier renders the 契約書（案）, the
/// SLA合意書（案） and the 個人情報取扱特記事項 together, numbers their versions, and has legal staff review and approve
/// them. The documents page lists those drafts and links to them instead of generating a second, separately
/// numbered series of the same kinds.
/// </summary>
public interface IDossierDocuments
{
    /// <summary>Template kinds (document-templates/*/template.json "kind") only the dossier generates.</summary>
    IReadOnlyCollection<string> Kinds { get; }

    /// <summary>Where the drafts are made and reviewed.</summary>
    string PagePath(Guid caseId);

    /// <summary>The submitted versions' files, newest first; <see cref="DossierDocumentList.Readable"/> false when the reader may not see them yet.</summary>
    Task<DossierDocumentList> ListAsync(Guid caseId, CancellationToken ct = default);
}

/// <summary><paramref name="WorkingVersion"/>: the version being drafted now (null before the dossier exists).</summary>
public sealed record DossierDocumentList(bool Readable, int? WorkingVersion, IReadOnlyList<DossierDocumentRow> Rows);

/// <summary>One stored file of a submitted version. <paramref name="Status"/> is a Japanese UI key (審査中, 承認済, …).</summary>
public sealed record DossierDocumentRow(
    string Kind, string Title, string? Member, int Version, string Status, string Sha256, string DownloadUrl, string SubmittedBy, DateTimeOffset SubmittedAt);
