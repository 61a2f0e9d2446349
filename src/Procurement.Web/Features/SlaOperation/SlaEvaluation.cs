using Procurement.Features.Sla;

namespace Procurement.Features.SlaOperation;

public sealed record ItemAchievement(string ItemKey, string Indicator, string Target, int MeasuredMonths, int MetMonths)
{
    public int Weight { get; init; } = 1;
    /// <summary>Months missed for a cause attributable to the vendor: the ones the penalty counts.</summary>
    public int AttributableMisses { get; init; }
    public string? Agreed { get; init; }

    public decimal? Percent => MeasuredMonths == 0 ? null : PenaltyCalculator.AnnualAchievementPercent(MetMonths, MeasuredMonths);
}

public sealed record MonthAchievement(DateOnly Month, int Measured, int Met)
{
    /// <summary>The SLA items the month has no result for: named in the summary, so a gap is never read as met.</summary>
    public IReadOnlyList<string> MissingItems { get; init; } = [];
    public IReadOnlyList<ItemMeasurement> Results { get; init; } = [];

    public decimal Percent => Measured == 0 ? 0 : PenaltyCalculator.AnnualAchievementPercent(Met, Measured);
}

public sealed record YearEvaluation(
    int FiscalYear, IReadOnlyList<ItemAchievement> Items, IReadOnlyList<MonthAchievement> Months,
    decimal? AchievementPercent, long? AnnualPayment, long? ModelAPenalty, IReadOnlyList<MonthlyPenalty> ModelB, long ModelBReduction)
{
    /// <summary>The year's cap on 違約金 / reductions (年間支払額 × 上限率), when the payment is known.</summary>
    public long? Cap { get; init; }
    /// <summary>True when the cap cut the penalty.</summary>
    public bool Capped { get; init; }
}

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

    /// <summary>
    /// 年間SLA達成度 = Σ weight of the item-months without an attributable shortfall ÷ Σ weight of the item-months
    /// measured × 100 (truncated at 2 decimals). Items with nothing to measure (該当なし) and items without a result
    /// (named in <see cref="MonthAchievement.MissingItems"/>) count in neither. Weights are the agreed SLA's.
    /// </summary>
    public static YearEvaluation Evaluate(SlaDefinition sla, IEnumerable<RecordedPeriod> periods, int fiscalYear, long? annualPayment)
    {
        var monthly = Monthly(periods).Where(m => FiscalYearOf(m.Key) == fiscalYear).OrderBy(m => m.Key).ToList();
        static bool Counts(ItemMeasurement r) => !r.NotApplicable && !r.Missing;
        static bool Shortfall(ItemMeasurement r) => Counts(r) && !r.Met && r.Attributable;
        var weights = sla.Items.ToDictionary(KeyOf, i => Math.Max(1, i.Weight));
        var items = sla.Items.Select(item =>
        {
            var key = KeyOf(item);
            var results = monthly.Select(m => m.Value.FirstOrDefault(r => r.ItemKey == key)).Where(r => r is not null && Counts(r)).ToList();
            return new ItemAchievement(key, item.Indicator, item.Target, results.Count, results.Count(r => r!.Met))
            {
                Weight = weights[key], AttributableMisses = results.Count(r => Shortfall(r!)), Agreed = item.AgreedText ?? item.Target,
            };
        }).ToList();
        var months = monthly.Select(m => new MonthAchievement(m.Key, m.Value.Count(Counts), m.Value.Count(r => Counts(r) && r.Met))
        {
            MissingItems = sla.Items.Where(i => m.Value.FirstOrDefault(r => r.ItemKey == KeyOf(i)) is not { } r || r.Missing).Select(i => i.Indicator).ToList(),
            Results = m.Value,
        }).ToList();

        var measured = items.Sum(i => i.MeasuredMonths * i.Weight);
        var short_ = items.Sum(i => i.AttributableMisses * i.Weight);
        decimal? achievement = measured == 0 ? null : PenaltyCalculator.AnnualAchievementPercent(measured - short_, measured);
        long? cap = annualPayment is { } payment ? PenaltyCalculator.Cap(payment, sla.Penalty.CapPercent) : null;
        long? modelA = sla.Penalty.Kind == PenaltyKind.AnnualAchievement && achievement is { } a && annualPayment is { } pay
            ? PenaltyCalculator.ModelAPenalty(pay, a, sla.Penalty.CapPercent)
            : null;
        var cappedA = modelA is { } ma && achievement is { } ach && ma < PenaltyCalculator.ModelAPenalty(annualPayment!.Value, ach);

        IReadOnlyList<MonthlyPenalty> modelB = [];
        if (sla.Penalty.Kind == PenaltyKind.PenaltyPoints && annualPayment is { } annual)
        {
            // The monthly fee is the annual payment ÷ 12, truncated; the last month of the year takes the remainder yen.
            var fee = annual / 12;
            modelB = PenaltyCalculator.ModelB(sla.Penalty, monthly.Select(m => new MonthlyResult(m.Key,
                m.Value.Where(Shortfall).Select(r => r.ItemKey).ToList(),
                m.Key.Month == 3 ? annual - fee * 11 : fee) { Weights = weights }), cap);
        }
        return new YearEvaluation(fiscalYear, items, months, achievement, annualPayment, modelA, modelB, modelB.Sum(b => b.Reduction))
        {
            Cap = cap, Capped = cappedA || modelB.Any(b => b.Capped),
        };
    }
}
