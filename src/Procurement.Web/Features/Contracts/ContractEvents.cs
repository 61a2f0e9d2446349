using Procurement.Features.Documents;
using Procurement.Features.Sla;

namespace Procurement.Features.Contracts;

// The contract dossier of a case (契約書・SLA合意書・個人情報取扱特記事項 reviewed together, because the SLA is the
// contract's annex and the 特記事項 is part of the contract) is one stream of its own, with the id derived from
// the case id (ContractStreams.DossierId). Not the case stream: drafting edits would bump the case version and
// make officers editing the case header see false "changed by someone else" errors.

public enum DraftDocumentKind
{
    Contract,       // 契約書（案）
    Sla,            // SLA合意書（案）
    PersonalInfo,   // 個人情報取扱特記事項
}

/// <summary>作成中 → 審査中 → 承認済 / 差戻し.</summary>
public enum DraftStatus
{
    Drafting,
    InReview,
    Approved,
    SentBack,
}

/// <summary>What the officer sets for the contract itself. 乙 and the price are used only while no award exists.</summary>
public sealed record ContractTerms(
    bool KouIsRepresentative,
    string? OtsuName,
    string? OtsuAddress,
    string? OtsuRepresentative,
    long? Price,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    IReadOnlyList<string> Deliverables,
    int InspectionDays,
    int NonConformityMonths,
    string? SpecialProvisions);

/// <summary>
/// Everything a set of drafts is composed from, frozen into the submission event. <paramref name="DateStyle"/> is the
/// group's date style when the version was composed; versions submitted before groups had one read as 和暦のみ, which
/// is how their stored files were written. <paramref name="Price"/> is the awarded bid, tax-exclusive; the drafts add the
/// tax. <paramref name="Members"/> is set when each member signs its own contract (the group's legal form).
/// </summary>
public sealed record DraftInputs(
    int Version,
    DateOnly DraftDate,
    string CaseTitle,
    string GroupName,
    string Representative,
    IReadOnlyList<string> TargetBusinesses,
    string KouName,
    string? OtsuName,
    string? OtsuAddress,
    string? OtsuRepresentative,
    long? Price,
    bool FromAward,
    ContractTerms Terms,
    SlaDefinition Sla,
    DateStyle DateStyle = DateStyle.WarekiOnly,
    string? KouSigner = null,
    IReadOnlyList<MemberWeight>? Members = null);

/// <summary>A member that signs its own contract (各団体契約) and the weight of its share (its 住民基本台帳人口).</summary>
public sealed record MemberWeight(string Name, long Weight, string Signer);

public sealed record DraftFileRef(DraftDocumentKind Kind, string FileName, string Sha256, string? Member = null);

public sealed record ClauseRef(DraftDocumentKind Kind, string ClauseId, string Heading);

public sealed record ContractDossierOpened(Guid DossierId, Guid CaseId, Guid GroupId, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["契約書類の作成を開始しました"];
}

/// <summary>A change after approval or send-back never touches the frozen version: it starts the next one.</summary>
public sealed record DraftVersionStarted(Guid DossierId, int Version, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t.Format("第{0}版の作成を開始しました", Version);
}

public sealed record SlaSaved(Guid DossierId, int Version, SlaDefinition Sla, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["SLAを保存しました"];
    public string? TimelineDetail(UiText t) =>
        $"{t[SlaCategories.PresetName(Sla.Preset)]} {t.Slash} {t.Format("{0}項目", Sla.Items.Count)} {t.Slash} {t[SlaCategories.PenaltyName(Sla.Penalty.Kind)]}";
}

public sealed record ContractTermsSaved(Guid DossierId, int Version, ContractTerms Terms, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["契約条件を保存しました"];
    public string? TimelineDetail(UiText t) => Terms.Price is { } p ? $"{t["暫定の契約金額（税抜）"]}: {t.Yen(p)}" : null;
}

/// <summary><paramref name="Note"/>: what the officer tells legal staff, e.g. why a sent-back version is resubmitted unchanged.</summary>
public sealed record DraftSubmittedForReview(
    Guid DossierId, int Version, DraftInputs Inputs, IReadOnlyList<DraftFileRef> Files, IReadOnlyList<ClauseRef> Clauses,
    Actor By, DateTimeOffset At, string? Note = null) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t.Format("第{0}版を審査に提出しました", Version);

    /// <summary>The amount the drafts state (bid plus tax), so the history and the documents never disagree.</summary>
    public string? TimelineDetail(UiText t)
    {
        var amount = Inputs.Price is { } p ? t.Yen(Drafting.ContractAmounts.Compute(p, null, null).Total) : null;
        var parts = new List<string>();
        if (amount is not null) parts.Add($"{t["契約金額（税込）"]}: {amount}");
        if (!string.IsNullOrWhiteSpace(Note)) parts.Add(Note!);
        return parts.Count == 0 ? null : string.Join($" {t.Slash} ", parts);
    }
}

public sealed record ClauseCommented(
    Guid DossierId, int Version, Guid CommentId, DraftDocumentKind Kind, string ClauseId, string ClauseHeading, string Text,
    Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t.Format("第{0}版の「{1}」にコメントしました", Version, ClauseHeading);
}

public sealed record DraftSentBack(Guid DossierId, int Version, string Reason, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t.Format("第{0}版を差し戻しました", Version);
    public string? TimelineDetail(UiText t) => Reason;
}

/// <summary>
/// <paramref name="ContradictionReason"/>: legal staff's reason for approving although the consistency check found
/// <paramref name="Contradictions"/> contradictions across the version's documents (both absent on a clean approval).
/// </summary>
public sealed record DraftApproved(Guid DossierId, int Version, Actor By, DateTimeOffset At, string? ContradictionReason = null, int Contradictions = 0)
    : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t.Format("第{0}版を承認しました", Version);

    public string? TimelineDetail(UiText t) =>
        Contradictions > 0 ? t.Format("文書間の矛盾{0}件を承知で承認。理由: {1}", Contradictions, ContradictionReason ?? "") : null;
}
