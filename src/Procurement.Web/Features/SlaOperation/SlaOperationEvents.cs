using Procurement.Features.Cases;
using Procurement.Infrastructure.Events;
using Procurement.Infrastructure.Localization;

namespace Procurement.Features.SlaOperation;

/// <summary>One SLA item's measurement for a period: the value as the vendor reported it, and whether the target was met.</summary>
public sealed record ItemMeasurement(string ItemKey, string Indicator, string Measured, bool Met, string Note);

/// <summary>
/// Measurements for one period (Phase4 サービスレベル評価): a month, or a quarter entered at once (then each of its
/// three months counts with the same results), with the vendor's report attached.
/// </summary>
public sealed record SlaMeasurementsRecorded(
    Guid CaseId, DateOnly PeriodStart, int Months, IReadOnlyList<ItemMeasurement> Results,
    Guid? ReportFileId, string? ReportFileName, string? ReportSha256, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["SLAの測定結果を登録しました"];

    public string? TimelineDetail(UiText t) =>
        t.Format("{0}から{1}か月: 達成 {2} / {3} 項目", PeriodStart.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), Months, Results.Count(r => r.Met), Results.Count);
}

/// <summary>The year's payment to the vendor: the base of model A's 違約金 and of model B's monthly fee.</summary>
public sealed record SlaAnnualPaymentSet(Guid CaseId, int FiscalYear, long AnnualPayment, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["SLA評価の年間支払額を設定しました"];

    public string? TimelineDetail(UiText t) => $"{FiscalYear}{t["年度"]}: {Documents.JapaneseDates.Yen(AnnualPayment)}";
}
