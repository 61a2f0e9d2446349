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

/// <summary>How an item's monthly value is obtained from the records of the month.</summary>
public enum SlaMetric
{
    /// <summary>An officer confirms 達成 / 未達成 (e.g. 受付時間, 保存期間): there is no number to compare.</summary>
    Confirmation,
    /// <summary>稼働率 from the service calendar, announced maintenance and the outages attributable to the vendor.</summary>
    Availability,
    /// <summary>Mean recovery time (hours) of the outages attributable to the vendor.</summary>
    RecoveryTime,
    /// <summary>A rate from counts: within the limit ÷ all × 100.</summary>
    Rate,
    /// <summary>The shortest notice (days) of the period's announced maintenance windows.</summary>
    MaintenanceNotice,
    /// <summary>A number the vendor reports (hours to notify, audits held …).</summary>
    Value,
}

/// <summary>Which side of the 協定値 achieves it.</summary>
public enum SlaComparison
{
    AtLeast,    // 以上
    AtMost,     // 以下（以内）
}

/// <summary>
/// One agreed service level: the wording the SLA prints (指標, 目標値, 測定方法, 算定式) and what the operation phase
/// measures it by (<see cref="Metric"/>, the 協定値 <see cref="Agreed"/> with its <see cref="Comparison"/> and
/// <see cref="Unit"/>, and the item's <see cref="Weight"/> in the penalty). The measured fields are init properties
/// with defaults, so SLAs saved before they existed read as confirmation items of weight 1.
/// </summary>
public sealed record SlaItem(SlaCategory Category, string Indicator, string Target, string Measurement, string Formula)
{
    public SlaMetric Metric { get; init; } = SlaMetric.Confirmation;
    public decimal? Agreed { get; init; }
    public SlaComparison Comparison { get; init; } = SlaComparison.AtLeast;
    public string Unit { get; init; } = "";
    public int Weight { get; init; } = 1;

    /// <summary>True when the value meets the 協定値 (a confirmation item has no number: null).</summary>
    public bool? Meets(decimal value) => Agreed is not { } agreed
        ? null
        : Comparison == SlaComparison.AtLeast ? value >= agreed : value <= agreed;

    /// <summary>「99.9%以上」「1時間以内」; null for a confirmation item.</summary>
    public string? AgreedText => Agreed is { } a
        ? SlaFormat.Number(a) + Unit + (Comparison == SlaComparison.AtLeast ? "以上" : Unit is "時間" or "分" or "日" ? "以内" : "以下")
        : null;
}

/// <summary>
/// The planned service time (計画サービス時間) per day: the service days of the week and the hours, optionally without
/// 12月29日〜1月3日 and without 国民の祝日 (<see cref="ExcludeHolidays"/>, with 振替休日 and 国民の休日: the days a
/// municipal office is closed). Minutes of the day: 0–1440, end after start; 0–1440 is 24 hours.
/// </summary>
public sealed record ServiceCalendar(IReadOnlyList<DayOfWeek> Days, int StartMinute, int EndMinute, bool ExcludeYearEnd)
{
    public static readonly ServiceCalendar AllDay = new(Enum.GetValues<DayOfWeek>(), 0, 1440, false);

    /// <summary>Calendars saved before the option existed read as false (holidays are service days).</summary>
    public bool ExcludeHolidays { get; init; }

    public bool IsServiceDay(DateOnly day) =>
        Days.Contains(day.DayOfWeek)
        && !(ExcludeYearEnd && ((day.Month == 12 && day.Day >= 29) || (day.Month == 1 && day.Day <= 3)))
        && !(ExcludeHolidays && JapaneseHolidays.IsHoliday(day));
}

public static class SlaFormat
{
    public static string Number(decimal value) => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    public static string Minutes(int minute) => $"{minute / 60}:{minute % 60:00}";
}

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

    /// <summary>The year's 違約金 (or reductions) never exceed this share of the year's payment (e.g. 10 = 10%).</summary>
    public decimal CapPercent { get; init; } = 10m;

    /// <summary>
    /// True: the 違約金 is 損害賠償額の予定 (民法第420条), so 甲 claims no further damages for the same shortfall;
    /// false: it does not prevent 甲 from claiming damages beyond it.
    /// </summary>
    public bool LiquidatedDamages { get; init; } = true;
}

/// <summary>Everything the SLA annex says: items, penalty model and the responsibility boundary.</summary>
public sealed record SlaDefinition(
    SlaPreset Preset,
    IReadOnlyList<SlaItem> Items,
    PenaltySettings Penalty,
    IReadOnlyList<string> Exclusions)
{
    /// <summary>計画サービス時間 by day; SLAs saved before it existed read as 24時間365日.</summary>
    public ServiceCalendar Calendar { get; init; } = ServiceCalendar.AllDay;

    /// <summary>Measured every month; reported every month (1) or every quarter (3). The contract, the specification
    /// and the SLA report say the same cycle.</summary>
    public int ReportCycleMonths { get; init; } = 3;
}

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

    public static string MetricName(SlaMetric m) => m switch
    {
        SlaMetric.Availability => "稼働率（障害記録から算定）",
        SlaMetric.RecoveryTime => "平均復旧時間（障害記録から算定）",
        SlaMetric.Rate => "率（件数から算定）",
        SlaMetric.MaintenanceNotice => "計画停止の通知日数（計画停止の記録から算定）",
        SlaMetric.Value => "報告値",
        _ => "達成の確認",
    };

    public static string CycleName(int months) => months == 3 ? "四半期" : "毎月";

    public static string PenaltyName(PenaltyKind k) => k == PenaltyKind.AnnualAchievement
        ? "年間SLA達成度による違約金（モデルA）"
        : "ペナルティポイントによる委託料の減額（モデルB）";
}
