using Procurement.Features.Documents.Rendering;

namespace Procurement.Features.Documents;

/// <summary>
/// A document version was generated for a case (appended to the case stream). <paramref name="DataVersion"/> is the
/// case stream version the document was built from; <paramref name="FileId"/> points at the stored bytes
/// (<see cref="StoredFile"/>), whose SHA-256 is <paramref name="ContentHash"/>. <paramref name="Gaps"/>: the inputs a
/// working draft lacked (null or empty for a complete document); such a version can be neither approved nor published.
/// </summary>
public sealed record DocumentGenerated(
    Guid CaseId, string Kind, int Version, string TemplateId, string TemplateHash, string Title, string ContentHash,
    long DataVersion, Guid FileId, long Length, Actor By, DateTimeOffset At, IReadOnlyList<string>? Gaps = null) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => Gaps is { Count: > 0 }
        ? t.Format("{0}（第{1}版）を作業用の案（未確定事項あり）として作成しました", Title, Version)
        : t.Format("{0}（第{1}版）を作成しました", Title, Version);

    /// <summary>The fingerprint lets a reader match a downloaded file to this record.</summary>
    public string? TimelineDetail(UiText t) => $"SHA-256: {ContentHash}";
}

/// <summary>
/// An officer's clause settings for one document kind of a case (parameters the clause allows, optional clauses left
/// out). They replace the kind's previous settings; values equal to the clause-rules.json default are not stored, so
/// a later change of a default reaches documents whose officer never chose otherwise.
/// </summary>
public sealed record ClauseSettingsSaved(
    Guid CaseId, string Kind, string Title, IReadOnlyDictionary<string, ClauseSetting> Settings, Actor By, DateTimeOffset At)
    : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t.Format("{0}の条項の設定を保存しました", Title);
}

/// <summary>
/// An officer saved the figures the 調達仕様書 states for a case (担当部署, 端末台数, レスポンス, RTO/RPO, 保存年数,
/// 移行リハーサル, 研修) and the target 業務 on the 特定移行支援 path with their reasons. They replace the previous figures.
/// </summary>
public sealed record SpecificationFiguresSaved(Guid CaseId, SpecificationFigures Figures, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["調達仕様書の数値を保存しました"];

    public string? TimelineDetail(UiText t) => Figures.SpecificMigrations.Count == 0
        ? null
        : t.Format("特定移行支援: {0}", string.Join("、", Figures.SpecificMigrations.Select(m => $"{Catalog.BusinessCatalog.Find(m.BusinessCode)?.Name ?? m.BusinessCode}（{m.Reason}）")));
}
