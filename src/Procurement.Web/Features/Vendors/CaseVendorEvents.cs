using Procurement.Features.Documents;

namespace Procurement.Features.Vendors;

// Everything vendors send for a case is appended to the case stream, so the case timeline is the
// complete audit trail. Amounts are deliberately left out of timeline texts: every group member,
// committee members included, reads the timeline, and prices stay sealed until technical close.

/// <summary>Which kind of file a stored upload proved to be by its content.</summary>
public enum VendorFileKind
{
    Pdf,
    Docx,
    Xlsx,
}

/// <summary>A stored file as events record it: the hash is what downloads check the bytes against.</summary>
public sealed record VendorFile(Guid FileId, string FileName, VendorFileKind Kind, long Size, string Sha256, bool PriceEnvelope);

public sealed record RfiAnswer(int Number, string Question, string Answer);

public sealed record VendorAddedToCase(
    Guid CaseId, Guid VendorId, string CompanyName, string CorporateNumber, string Address, string ContactPerson,
    string Email, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["事業者を登録しました"];
    public string? TimelineDetail(UiText t) => $"{CompanyName}（{t["法人番号"]} {CorporateNumber}）";
}

public sealed record VendorParticipationMarked(
    Guid CaseId, Guid VendorId, string CompanyName, bool RfiSent, bool TookPart, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["RFIの送付・参加状況を記録しました"];
    public string? TimelineDetail(UiText t) =>
        $"{CompanyName} {t.Slash} {t["RFI送付"]}: {(RfiSent ? t["済"] : t["未"])} {t.Slash} {t["参加"]}: {(TookPart ? t["あり"] : t["なし"])}";
}

public sealed record RfiQuestionsDefined(Guid CaseId, IReadOnlyList<string> Questions, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["RFIの質問項目を設定しました"];
    public string? TimelineDetail(UiText t) => t.Format("{0}項目", Questions.Count);
}

/// <summary>The response as it now stands: <see cref="Files"/> lists every file received so far, not only the new ones.</summary>
public sealed record RfiResponseRecorded(
    Guid CaseId, Guid VendorId, string CompanyName, DateOnly ResponseDate, IReadOnlyList<RfiAnswer> Answers,
    IReadOnlyList<VendorFile> Files, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["RFI回答を記録しました"];
    public string? TimelineDetail(UiText t) => $"{CompanyName} {t.Slash} {t["回答日"]}: {JapaneseDates.Format(ResponseDate)} {t.Slash} {t.Format("添付{0}件", Files.Count)}";
}

/// <summary>
/// An RFQ estimate. 運用費用 is kept both as the monthly figure and as the vendor's figure for the
/// whole contract term, because vendors often discount the term total below monthly × months.
/// </summary>
public sealed record EstimateRecorded(
    Guid CaseId, Guid VendorId, string CompanyName, DateOnly ResponseDate, long InitialCost, long MonthlyOperatingCost,
    int ContractMonths, long OperatingCostForTerm, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["見積を記録しました"];
    public string? TimelineDetail(UiText t) => $"{CompanyName} {t.Slash} {t["回答日"]}: {JapaneseDates.Format(ResponseDate)}";
}

/// <summary>質問回答期間: from 公告 to the proposal deadline; the deadline also decides whether a proposal is late.</summary>
public sealed record QaPeriodSet(Guid CaseId, DateOnly AnnouncedOn, DateTimeOffset ProposalDeadline, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["質問回答期間を設定しました"];
    public string? TimelineDetail(UiText t) =>
        $"{t["公告日"]}: {JapaneseDates.Format(AnnouncedOn)} {t.Slash} {t["提案期限"]}: {JapaneseDates.FormatDateTime(ProposalDeadline, JapaneseDates.Tokyo, UiText.IsEnglish)}";
}

public sealed record QuestionLogged(
    Guid CaseId, Guid QuestionId, int Number, Guid VendorId, string CompanyName, DateOnly ReceivedOn, string Text,
    bool AfterPeriod, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => AfterPeriod ? t["質問を受け付けました（期間後）"] : t["質問を受け付けました"];
    public string? TimelineDetail(UiText t) => $"No.{Number.ToString(CultureInfo.InvariantCulture)} {t.Slash} {CompanyName} {t.Slash} {JapaneseDates.Format(ReceivedOn)}";
}

/// <summary>
/// A published answer. When it changes the conditions, the vendors whose proposals were already in
/// are listed here, so the decision of who must re-confirm is stored, not recomputed later.
/// </summary>
public sealed record AnswerPublished(
    Guid CaseId, Guid QuestionId, int Number, string Answer, bool ChangesConditions, IReadOnlyList<Guid> VendorsToReconfirm,
    Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => ChangesConditions ? t["回答を公開しました（条件変更あり）"] : t["回答を公開しました"];
    public string? TimelineDetail(UiText t) => ChangesConditions
        ? $"No.{Number.ToString(CultureInfo.InvariantCulture)} {t.Slash} {t.Format("再確認が必要な事業者: {0}社", VendorsToReconfirm.Count)}"
        : $"No.{Number.ToString(CultureInfo.InvariantCulture)}";
}

public sealed record ProposalSubmitted(
    Guid CaseId, Guid ProposalId, Guid VendorId, string CompanyName, DateTimeOffset SubmittedAt, bool Late,
    IReadOnlyList<VendorFile> Files, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => Late ? t["提案書を受領しました（期限後）"] : t["提案書を受領しました"];
    public string? TimelineDetail(UiText t) =>
        $"{CompanyName} {t.Slash} {JapaneseDates.FormatDateTime(SubmittedAt, JapaneseDates.Tokyo, UiText.IsEnglish)} {t.Slash} {t.Format("ファイル{0}件", Files.Count)}";
}

public sealed record LateProposalAdmitted(Guid CaseId, Guid ProposalId, string CompanyName, string Reason, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["期限後の提案書を受理しました"];
    public string? TimelineDetail(UiText t) => $"{CompanyName} {t.Slash} {t["理由"]}: {Reason}";
}

public sealed record ProposalReconfirmed(Guid CaseId, Guid ProposalId, string CompanyName, DateOnly ConfirmedOn, string Note, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["提案内容の再確認を記録しました"];
    public string? TimelineDetail(UiText t) => $"{CompanyName} {t.Slash} {JapaneseDates.Format(ConfirmedOn)}";
}
