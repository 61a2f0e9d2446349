using System.Security.Cryptography;
using System.Text;
using Marten.Events.Aggregation;
using Procurement.Features.Sla;

namespace Procurement.Features.Contracts;

public static class ContractStreams
{
    /// <summary>
    /// The dossier stream id is derived from the case id, so a page needs no lookup to find it and two officers
    /// opening the dossier at once cannot create two streams (the second StartStream fails on the same id).
    /// </summary>
    public static Guid DossierId(Guid caseId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("contract-dossier:" + caseId.ToString("D")));
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // marks it as a name-based id, never equal to a random v4 case id
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}

/// <summary>A submitted version: immutable content, its review state, and the files legal staff download.</summary>
public sealed class SubmittedVersion
{
    public int Number { get; set; }
    public DraftStatus Status { get; set; }
    public DraftInputs Inputs { get; set; } = null!;
    public List<DraftFileRef> Files { get; set; } = [];
    public List<ClauseRef> Clauses { get; set; } = [];
    public string SubmittedBy { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? SendBackReason { get; set; }
    /// <summary>The officer's note on submission (why a sent-back version comes back unchanged, what changed).</summary>
    public string? Note { get; set; }
}

public sealed class ClauseComment
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public DraftDocumentKind Kind { get; set; }
    public string ClauseId { get; set; } = "";
    public string ClauseHeading { get; set; } = "";
    public string Text { get; set; } = "";
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// The working copy (what the officer edits) and every submitted version. The working copy has the number
/// <see cref="WorkingVersion"/>; once that number is submitted its content is frozen in <see cref="Versions"/>.
/// </summary>
public sealed class ContractDossier
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid GroupId { get; set; }
    public int WorkingVersion { get; set; } = 1;
    public DraftStatus Status { get; set; } = DraftStatus.Drafting;
    public SlaDefinition? Sla { get; set; }
    public ContractTerms? Terms { get; set; }
    public List<SubmittedVersion> Versions { get; set; } = [];
    public List<ClauseComment> Comments { get; set; } = [];
    public DateTimeOffset LastChangedAt { get; set; }
    public long Version { get; set; }

    public SubmittedVersion? Submitted(int number) => Versions.FirstOrDefault(v => v.Number == number);

    public SubmittedVersion? LatestSubmitted => Versions.MaxBy(v => v.Number);

    public SubmittedVersion? LatestApproved => Versions.Where(v => v.Status == DraftStatus.Approved).MaxBy(v => v.Number);

    /// <summary>The working copy is frozen while it is under review, and once approved or sent back (a change starts the next version).</summary>
    public bool WorkingCopyIsSubmitted => Versions.Any(v => v.Number == WorkingVersion);
}

public sealed class ContractDossierProjection : SingleStreamProjection<ContractDossier, Guid>
{
    public static ContractDossier Create(ContractDossierOpened e) => new()
    {
        Id = e.DossierId,
        CaseId = e.CaseId,
        GroupId = e.GroupId,
        LastChangedAt = e.At,
    };

    public static void Apply(DraftVersionStarted e, ContractDossier d)
    {
        d.WorkingVersion = e.Version;
        d.Status = DraftStatus.Drafting;
        d.LastChangedAt = e.At;
    }

    public static void Apply(SlaSaved e, ContractDossier d)
    {
        d.Sla = e.Sla;
        d.LastChangedAt = e.At;
    }

    public static void Apply(ContractTermsSaved e, ContractDossier d)
    {
        d.Terms = e.Terms;
        d.LastChangedAt = e.At;
    }

    public static void Apply(DraftSubmittedForReview e, ContractDossier d)
    {
        d.Versions.Add(new SubmittedVersion
        {
            Number = e.Version,
            Status = DraftStatus.InReview,
            Inputs = e.Inputs,
            Files = [.. e.Files],
            Clauses = [.. e.Clauses],
            SubmittedBy = e.By.Name,
            SubmittedAt = e.At,
            Note = e.Note,
        });
        d.Status = DraftStatus.InReview;
        d.LastChangedAt = e.At;
    }

    public static void Apply(ClauseCommented e, ContractDossier d)
    {
        d.Comments.Add(new ClauseComment
        {
            Id = e.CommentId, Version = e.Version, Kind = e.Kind, ClauseId = e.ClauseId, ClauseHeading = e.ClauseHeading,
            Text = e.Text, By = e.By.Name, At = e.At,
        });
        d.LastChangedAt = e.At;
    }

    public static void Apply(DraftSentBack e, ContractDossier d) => Decide(d, e.Version, DraftStatus.SentBack, e.By.Name, e.At, e.Reason);

    public static void Apply(DraftApproved e, ContractDossier d) => Decide(d, e.Version, DraftStatus.Approved, e.By.Name, e.At, null);

    private static void Decide(ContractDossier d, int version, DraftStatus status, string by, DateTimeOffset at, string? reason)
    {
        var v = d.Submitted(version);
        if (v is not null)
        {
            v.Status = status;
            v.DecidedBy = by;
            v.DecidedAt = at;
            v.SendBackReason = reason;
        }
        if (d.WorkingVersion == version) d.Status = status;
        d.LastChangedAt = at;
    }
}

/// <summary>The stored files of a submitted version (DOCX and the text the diff compares; their PDFs are <see cref="Documents.StoredPdf"/>).</summary>
public sealed class ContractVersionFiles
{
    public string Id { get; set; } = "";
    public Guid DossierId { get; set; }
    public int Version { get; set; }
    public List<StoredDraftDocument> Documents { get; set; } = [];
    public List<StoredClause> Clauses { get; set; } = [];
    /// <summary>契約書一式: the contract with the SLA (別紙) and the 特記事項 (別記) in one file; one per member contract.</summary>
    public List<StoredAssembledContract> Assembled { get; set; } = [];

    public static string IdFor(Guid dossierId, int version) => $"{dossierId:N}-v{version}";
}

public sealed class StoredDraftDocument
{
    public DraftDocumentKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string FileName { get; set; } = "";
    /// <summary>The member whose contract this is (各団体契約); null for the one contract, the SLA and the 特記事項.</summary>
    public string? Member { get; set; }
    public string Sha256 { get; set; } = "";
    public byte[] Docx { get; set; } = [];
    public string Text { get; set; } = "";
}

public sealed class StoredAssembledContract
{
    public string? Member { get; set; }
    public string FileName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public byte[] Docx { get; set; } = [];
}

public sealed class StoredClause
{
    public DraftDocumentKind Kind { get; set; }
    public string ClauseId { get; set; } = "";
    public string Heading { get; set; } = "";
    public string Text { get; set; } = "";
}
