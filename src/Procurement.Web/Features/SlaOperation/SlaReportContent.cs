using Procurement.Features.Documents;
using Procurement.Features.Sla;

namespace Procurement.Features.SlaOperation;

/// <summary>
/// The サービスレベル評価報告書's content from a year's evaluation: the summary with the cap and the nature of the
/// 違約金 as the SLA states them, per item the 協定値, weight and attributable shortfalls, per month and item the
/// measured value, 協定値 and 達成 (with the basis or the override's reason), and model B's points. Months in 和暦.
/// </summary>
public static class SlaReportContent
{
    /// <summary>The cycles in the SLA's own words (「3か月ごとに報告」, as its article on reporting says).</summary>
    public static string CycleText(int reportCycleMonths) =>
        reportCycleMonths == 1 ? "毎月測定し、毎月報告" : $"毎月測定し、{reportCycleMonths}か月ごとに報告";

    public static SlaEvaluationInfo Build(SlaDefinition sla, YearEvaluation e, DateStyle style)
    {
        static string Percent(decimal? p) => p is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "未測定";
        string Month(DateOnly m) => JapaneseDates.FormatMonth(m, style);
        var kindA = sla.Penalty.Kind == PenaltyKind.AnnualAchievement;
        var results = e.Months.SelectMany(m => sla.Items
            .Select(i => (Item: i, Result: m.Results.FirstOrDefault(r => r.ItemKey == SlaEvaluation.KeyOf(i))))
            .Where(x => x.Result is not null)
            .Select(x =>
            {
                var r = x.Result!;
                var achieved = r.NotApplicable ? "－" : r.Met ? "達成" : r.Attributable ? "未達成" : "未達成（乙の責めに帰さない）";
                var note = string.Join("　", new[]
                {
                    r.Override is null ? null : $"判定変更（{SlaOverride.Name(r.Override)}）: {r.OverrideReason}",
                    r.Basis, r.Note is { Length: > 0 } n ? n : null,
                }.Where(s => s is not null));
                return new SlaEvaluationResult(Month(m.Month), x.Item.Indicator, r.Missing || r.Measured.Length == 0 ? "未入力" : r.Measured,
                    r.Agreed ?? x.Item.AgreedText ?? x.Item.Target, achieved, note.Length == 0 ? "－" : note);
            })).ToList();
        return new SlaEvaluationInfo(
            $"{JapaneseDates.FiscalYear(new DateOnly(e.FiscalYear, 4, 1))}（{Month(new DateOnly(e.FiscalYear, 4, 1))}から{Month(new DateOnly(e.FiscalYear + 1, 3, 1))}まで）",
            SlaCategories.PenaltyName(sla.Penalty.Kind),
            Percent(e.AchievementPercent),
            e.AnnualPayment is { } pay ? JapaneseDates.Yen(pay) : "未設定",
            kindA
                ? (e.ModelAPenalty is { } pa ? JapaneseDates.Yen(pa) + (e.Capped ? "（上限額を適用）" : "") : "年間支払額または測定結果が未登録のため算定していない")
                : $"委託料の減額 {JapaneseDates.Yen(e.ModelBReduction)}" + (e.Capped ? "（上限額を適用）" : ""),
            e.Items.Select(i => new SlaEvaluationItem(i.Indicator, i.Target, i.MeasuredMonths, i.MetMonths, Percent(i.Percent))
            {
                Agreed = i.Agreed, Weight = i.Weight, AttributableMisses = i.AttributableMisses,
            }).ToList(),
            e.Months.Select(m => new SlaEvaluationMonth(Month(m.Month), m.Measured, m.Met, Percent(m.Percent))).ToList())
        {
            Results = results,
            PenaltyMonths = e.ModelB.Select(b => new SlaEvaluationPenaltyMonth(Month(b.Month), b.EarnedPoints, b.ActivePoints, JapaneseDates.Yen(b.Reduction))).ToList(),
            Cap = $"年間支払額の{SlaFormat.Number(sla.Penalty.CapPercent)}%" + (e.Cap is { } c ? $"（{JapaneseDates.Yen(c)}）" : ""),
            PenaltyNature = sla.Penalty.LiquidatedDamages ? "損害賠償額の予定とする" : "損害賠償の請求を妨げない",
            Cycle = CycleText(sla.ReportCycleMonths),
            Missing = e.Months.Where(m => m.MissingItems.Count > 0)
                .Select(m => $"{Month(m.Month)}: 「{string.Join("」「", m.MissingItems)}」の測定結果がない").ToList(),
        };
    }
}

/// <summary>The service calendar in words: 「毎日 0:00から24:00まで」「月火水木金曜日 8:30から17:15まで（国民の祝日に関する法律に規定する休日及び12月29日から1月3日までを除く）」.</summary>
public static class SlaCalendarText
{
    private static readonly string[] DayNames = ["日", "月", "火", "水", "木", "金", "土"];

    public static string Describe(ServiceCalendar c)
    {
        var days = c.Days.Count == 7 ? "毎日" : string.Concat(Enum.GetValues<DayOfWeek>().Where(c.Days.Contains).Select(d => DayNames[(int)d])) + "曜日";
        var excluded = (c.ExcludeHolidays, c.ExcludeYearEnd) switch
        {
            (true, true) => "（国民の祝日に関する法律に規定する休日及び12月29日から1月3日までを除く）",
            (true, false) => "（国民の祝日に関する法律に規定する休日を除く）",
            (false, true) => "（12月29日から1月3日までを除く）",
            _ => "",
        };
        return $"{days} {SlaFormat.Minutes(c.StartMinute)}から{SlaFormat.Minutes(c.EndMinute)}まで" + excluded;
    }
}
