namespace Procurement.Features.SlaOperation;

/// <summary>
/// One SLA item's measurement for a period: the value as shown (「99.93%」「該当なし」), and whether the target was met.
/// Measurements computed from records also carry the number, the 協定値, how it was computed, the officer's override
/// with its reason, and whether a shortfall is attributable to the vendor. Init properties with defaults, so the
/// measurements typed by hand before read as they were: attributable, not overridden.
/// </summary>
public sealed record ItemMeasurement(string ItemKey, string Indicator, string Measured, bool Met, string Note)
{
    public decimal? Value { get; init; }
    public string? Agreed { get; init; }
    public string? Basis { get; init; }
    /// <summary>Nothing to measure in the period (no outage, no enquiry): counts neither as met nor as missed.</summary>
    public bool NotApplicable { get; init; }
    /// <summary>No value was entered and none could be computed.</summary>
    public bool Missing { get; init; }
    /// <summary>The judgement from the value and the 協定値 before any override (null: none).</summary>
    public bool? Computed { get; init; }
    public string? Override { get; init; }
    public string? OverrideReason { get; init; }
    /// <summary>A shortfall counts towards the penalty only when attributable to the vendor.</summary>
    public bool Attributable { get; init; } = true;

    /// <summary>「99.93%（協定値 99.9%以上）達成」, with the override and its reason when there is one.</summary>
    public string Sentence()
    {
        var verdict = NotApplicable ? "" : Met ? "達成" : Attributable ? "未達成" : "未達成（乙の責めに帰さない）";
        var text = $"{Indicator} {(Measured.Length == 0 ? "未入力" : Measured)}{(Agreed is { Length: > 0 } a && !NotApplicable ? $"（協定値 {a}）" : "")}{verdict}";
        return Override is null ? text : $"{text}［判定変更: {OverrideReason}］";
    }
}

/// <summary>
/// Measurements for one period (Phase4 サービスレベル評価): a month, or a quarter entered at once (then each of its
/// three months counts with the same results), with the vendor's report attached. Since measurements are computed from
/// raw records, the event also carries them: the announced maintenance, the outages, the counts and values entered
/// (typed or imported), the period's figures and where they came from. These are init properties, so the events
/// recorded by hand before still read (with no records), and the workflow step they complete stays the same record.
/// The results are kept as decided, so a later SLA revision does not change a past month.
/// </summary>
public sealed record SlaMeasurementsRecorded(
    Guid CaseId, DateOnly PeriodStart, int Months, IReadOnlyList<ItemMeasurement> Results,
    Guid? ReportFileId, string? ReportFileName, string? ReportSha256, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public IReadOnlyList<MaintenanceWindow> Maintenance { get; init; } = [];
    public IReadOnlyList<OutageRecord> Outages { get; init; } = [];
    public IReadOnlyList<ItemInput> Inputs { get; init; } = [];
    public PeriodFigures? Figures { get; init; }
    /// <summary>「画面入力」 or 「報告書の取込み」; null for the measurements typed by hand before.</summary>
    public string? Source { get; init; }

    public string TimelineTitle(UiText t) => t["SLAの測定結果を登録しました"];

    /// <summary>Each item's value, 協定値 and 達成 as measured (document content, so in Japanese).</summary>
    public string? TimelineDetail(UiText t)
    {
        var head = t.Format("{0}から{1}か月: 達成 {2} / {3} 項目", Documents.JapaneseDates.FormatMonth(PeriodStart), Months,
            Results.Count(r => r.Met && !r.NotApplicable), Results.Count(r => !r.NotApplicable));
        return Source is null ? head : head + " — " + string.Join("、", Results.Select(r => r.Sentence()));
    }
}

/// <summary>The year's payment to the vendor: the base of model A's 違約金 and of model B's monthly fee.</summary>
public sealed record SlaAnnualPaymentSet(Guid CaseId, int FiscalYear, long AnnualPayment, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["SLA評価の年間支払額を設定しました"];

    public string? TimelineDetail(UiText t) => $"{FiscalYear}{t["年度"]}: {t.Yen(AnnualPayment)}";
}
