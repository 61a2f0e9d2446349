using Procurement.Features.Sla;

namespace Procurement.Features.SlaOperation;

public sealed record ItemAchievement(string ItemKey, string Indicator, string Target, int MeasuredMonths, int MetMonths)
{
    public decimal? Percent => MeasuredMonths == 0 ? null : PenaltyCalculator.AnnualAchievementPercent(MetMonths, MeasuredMonths);
}

public sealed record MonthAchievement(DateOnly Month, int Measured, int Met)
{
    public decimal Percent => Measured == 0 ? 0 : PenaltyCalculator.AnnualAchievementPercent(Met, Measured);
}

public sealed record YearEvaluation(
    int FiscalYear, IReadOnlyList<ItemAchievement> Items, IReadOnlyList<MonthAchievement> Months,
    decimal? AchievementPercent, long? AnnualPayment, long? ModelAPenalty, IReadOnlyList<MonthlyPenalty> ModelB, long ModelBReduction);

/// <summary>
/// Phase4 evaluation of one 年度 (April–March) against the agreed SLA. Each month counts once: when a month was
/// entered twice (a correction), the later entry wins. The penalty uses the model the contract agreed.
/// </summary>
public static class SlaEvaluation
{
    public static string KeyOf(SlaItem item) => $"{item.Category}:{item.Indicator}";

    public static int FiscalYearOf(DateOnly month) => month.Month >= 4 ? month.Year : month.Year - 1;

    /// <summary>Expands quarterly entries into months; the latest entry for a month replaces earlier ones.</summary>
    public static IReadOnlyDictionary<DateOnly, IReadOnlyList<ItemMeasurement>> Monthly(IEnumerable<RecordedPeriod> periods)
    {
        var months = new Dictionary<DateOnly, IReadOnlyList<ItemMeasurement>>();
        foreach (var p in periods.OrderBy(p => p.At))
        {
            for (var i = 0; i < p.Months; i++) months[p.PeriodStart.AddMonths(i)] = p.Results;
        }
        return months;
    }

    public static YearEvaluation Evaluate(SlaDefinition sla, IEnumerable<RecordedPeriod> periods, int fiscalYear, long? annualPayment)
    {
        var monthly = Monthly(periods).Where(m => FiscalYearOf(m.Key) == fiscalYear).OrderBy(m => m.Key).ToList();
        var items = sla.Items.Select(item =>
        {
            var key = KeyOf(item);
            var results = monthly.Select(m => m.Value.FirstOrDefault(r => r.ItemKey == key)).Where(r => r is not null).ToList();
            return new ItemAchievement(key, item.Indicator, item.Target, results.Count, results.Count(r => r!.Met));
        }).ToList();
        var months = monthly.Select(m => new MonthAchievement(m.Key, m.Value.Count, m.Value.Count(r => r.Met))).ToList();

        var measured = items.Sum(i => i.MeasuredMonths);
        var met = items.Sum(i => i.MetMonths);
        decimal? achievement = measured == 0 ? null : PenaltyCalculator.AnnualAchievementPercent(met, measured);
        long? modelA = sla.Penalty.Kind == PenaltyKind.AnnualAchievement && achievement is { } a && annualPayment is { } pay
            ? PenaltyCalculator.ModelAPenalty(pay, a)
            : null;

        IReadOnlyList<MonthlyPenalty> modelB = [];
        if (sla.Penalty.Kind == PenaltyKind.PenaltyPoints && annualPayment is { } annual)
        {
            // The monthly fee is the annual payment ÷ 12, truncated; the last month of the year takes the remainder yen.
            var fee = annual / 12;
            modelB = PenaltyCalculator.ModelB(sla.Penalty, monthly.Select(m => new MonthlyResult(m.Key,
                m.Value.Where(r => !r.Met).Select(r => r.ItemKey).ToList(),
                m.Key.Month == 3 ? annual - fee * 11 : fee)));
        }
        return new YearEvaluation(fiscalYear, items, months, achievement, annualPayment, modelA, modelB, modelB.Sum(b => b.Reduction));
    }
}
