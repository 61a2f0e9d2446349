namespace Procurement.Features.Sla;

/// <summary>The groups an SLA table is organised by (経産省 SaaS向けSLAガイドライン and municipal SLA tables).</summary>
public enum SlaCategory
{
    Availability,   // 可用性
    Reliability,    // 信頼性
    Performance,    // 性能
    Support,        // サポート
    Security,       // セキュリティ
    Backup,         // バックアップ
    Data,           // データ
}

/// <summary>Which preset an SLA started from: 基幹業務 need stricter recovery and longer backups than other services.</summary>
public enum SlaPreset
{
    CoreBusiness,   // 基幹業務
    OtherService,   // その他のサービス
}

/// <summary>
/// One agreed service level. Texts, not numbers: municipal SLAs state targets such as "99.9%以上" or
/// "1時間以内" and the operation-phase evaluation (issue 7) reads the formula and measurement method from here.
/// </summary>
public sealed record SlaItem(SlaCategory Category, string Indicator, string Target, string Measurement, string Formula);

/// <summary>違約金モデル: A = annual achievement, B = penalty points.</summary>
public enum PenaltyKind
{
    AnnualAchievement,
    PenaltyPoints,
}

/// <summary>
/// The agreed penalty model. Model B parameters are ignored under model A but kept, so switching back and
/// forth in the builder does not lose what the officer typed.
/// </summary>
public sealed record PenaltySettings(
    PenaltyKind Kind,
    int PointsPerMiss,
    int PointsPerRepeatedMiss,
    int ThresholdPoints,
    decimal FeeReductionPercent,
    int PointExpiryMonths)
{
    public static readonly PenaltySettings Default = new(PenaltyKind.AnnualAchievement, 1, 2, 3, 5m, 12);
}

/// <summary>Everything the SLA annex says: items, penalty model and the responsibility boundary.</summary>
public sealed record SlaDefinition(
    SlaPreset Preset,
    IReadOnlyList<SlaItem> Items,
    PenaltySettings Penalty,
    IReadOnlyList<string> Exclusions);

public static class SlaCategories
{
    public static readonly IReadOnlyList<SlaCategory> All = Enum.GetValues<SlaCategory>();

    public static string Name(SlaCategory c) => c switch
    {
        SlaCategory.Availability => "可用性",
        SlaCategory.Reliability => "信頼性",
        SlaCategory.Performance => "性能",
        SlaCategory.Support => "サポート",
        SlaCategory.Security => "セキュリティ",
        SlaCategory.Backup => "バックアップ",
        SlaCategory.Data => "データ",
        _ => c.ToString(),
    };

    public static string PresetName(SlaPreset p) => p == SlaPreset.CoreBusiness ? "基幹業務" : "その他のサービス";

    public static string PenaltyName(PenaltyKind k) => k == PenaltyKind.AnnualAchievement
        ? "年間SLA達成度による違約金（モデルA）"
        : "ペナルティポイントによる委託料の減額（モデルB）";
}
