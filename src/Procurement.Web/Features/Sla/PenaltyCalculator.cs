namespace Procurement.Features.Sla;

/// <summary>One month of SLA measurements for model B: which items missed their target and the fee for that month.</summary>
public sealed record MonthlyResult(DateOnly Month, IReadOnlyCollection<string> MissedItems, long MonthlyFee)
{
    /// <summary>Each missed item's weight in the SLA (absent: 1): its points are multiplied by it.</summary>
    public IReadOnlyDictionary<string, int>? Weights { get; init; }
}

/// <summary>Model B outcome for one month.</summary>
public sealed record MonthlyPenalty(DateOnly Month, int EarnedPoints, int ActivePoints, bool ThresholdReached, long Reduction, long FeeAfterReduction)
{
    /// <summary>True when the year's cap cut this month's reduction.</summary>
    public bool Capped { get; init; }
}

/// <summary>
/// The SLA arithmetic, pure and in <see cref="decimal"/> so that percentages such as 99.9 are exact.
/// Rounding, stated once: yen amounts are truncated to whole yen (1円未満切捨て, as public payments are);
/// percentages are truncated too, availability at 3 decimals and achievement at 2, so a level is never
/// reported better than it was measured.
/// The operation phase (SlaOperation) calls these with the measured values.
/// </summary>
public static class PenaltyCalculator
{
    /// <summary>稼働率(%) = (計画サービス時間 − 停止時間) ÷ 計画サービス時間 × 100, truncated at 3 decimals.</summary>
    public static decimal AvailabilityPercent(decimal plannedServiceHours, decimal downtimeHours)
    {
        if (plannedServiceHours <= 0) throw new ArgumentOutOfRangeException(nameof(plannedServiceHours), "計画サービス時間は0より大きくしてください。");
        if (downtimeHours < 0 || downtimeHours > plannedServiceHours) throw new ArgumentOutOfRangeException(nameof(downtimeHours), "停止時間は0以上、計画サービス時間以下にしてください。");
        return Truncate((plannedServiceHours - downtimeHours) / plannedServiceHours * 100m, 3);
    }

    /// <summary>年間SLA達成度(%) = 目標を達成した項目・月の数 ÷ 測定した項目・月の数 × 100, truncated at 2 decimals.</summary>
    public static decimal AnnualAchievementPercent(int metItemMonths, int measuredItemMonths)
    {
        if (measuredItemMonths <= 0) throw new ArgumentOutOfRangeException(nameof(measuredItemMonths), "測定した項目数は1以上にしてください。");
        if (metItemMonths < 0 || metItemMonths > measuredItemMonths) throw new ArgumentOutOfRangeException(nameof(metItemMonths), "達成数は0以上、測定数以下にしてください。");
        return Truncate((decimal)metItemMonths / measuredItemMonths * 100m, 2);
    }

    /// <summary>The year's cap: 年間支払額 × 上限率 ÷ 100, 1円未満切捨て.</summary>
    public static long Cap(long annualPayment, decimal capPercent) => (long)decimal.Floor(annualPayment * capPercent / 100m);

    /// <summary>Model A with the agreed cap: the smaller of the formula and <see cref="Cap"/>.</summary>
    public static long ModelAPenalty(long annualPayment, decimal annualAchievementPercent, decimal capPercent) =>
        Math.Min(ModelAPenalty(annualPayment, annualAchievementPercent), Cap(annualPayment, capPercent));

    /// <summary>Model A: 違約金 = 年間支払額 × (100 − 年間SLA達成度) ÷ 100, 1円未満切捨て.</summary>
    public static long ModelAPenalty(long annualPayment, decimal annualAchievementPercent)
    {
        if (annualPayment < 0) throw new ArgumentOutOfRangeException(nameof(annualPayment), "年間支払額は0以上にしてください。");
        if (annualAchievementPercent is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(annualAchievementPercent), "年間SLA達成度は0から100の範囲にしてください。");
        return (long)decimal.Floor(annualPayment * (100m - annualAchievementPercent) / 100m);
    }

    /// <summary>
    /// Model B, month by month in calendar order. An item missed again in the immediately preceding calendar
    /// month earns <see cref="PenaltySettings.PointsPerRepeatedMiss"/>, otherwise <see cref="PenaltySettings.PointsPerMiss"/>.
    /// Points earned in month k count in months k … k + expiry − 1, then expire. In a month whose active points reach
    /// the threshold, that month's fee is reduced by <see cref="PenaltySettings.FeeReductionPercent"/> (1円未満切捨て).
    /// A reduction does not reset the points: only expiry does, so a vendor that keeps missing keeps paying.
    /// A missed item's points are multiplied by its weight; with <paramref name="yearCap"/>, the reductions of the
    /// months together never exceed it (the month that reaches it is cut to the remainder).
    /// </summary>
    public static IReadOnlyList<MonthlyPenalty> ModelB(PenaltySettings settings, IEnumerable<MonthlyResult> months, long? yearCap = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.PointExpiryMonths < 1) throw new ArgumentOutOfRangeException(nameof(settings), "ポイントの有効期間は1か月以上にしてください。");
        var ordered = months.OrderBy(m => m.Month).ToList();
        var missedByMonth = ordered.ToDictionary(m => MonthIndex(m.Month), m => m.MissedItems.ToHashSet(StringComparer.Ordinal));
        var earnedByMonth = new Dictionary<int, int>();
        var result = new List<MonthlyPenalty>(ordered.Count);
        long reducedSoFar = 0;

        foreach (var m in ordered)
        {
            var index = MonthIndex(m.Month);
            var previous = missedByMonth.GetValueOrDefault(index - 1);
            var earned = m.MissedItems.Distinct(StringComparer.Ordinal)
                .Sum(item => (previous is not null && previous.Contains(item) ? settings.PointsPerRepeatedMiss : settings.PointsPerMiss)
                    * Math.Max(1, m.Weights?.GetValueOrDefault(item, 1) ?? 1));
            earnedByMonth[index] = earned;
            var active = earnedByMonth.Where(e => e.Key > index - settings.PointExpiryMonths && e.Key <= index).Sum(e => e.Value);
            var reached = active >= settings.ThresholdPoints;
            var full = reached ? (long)decimal.Floor(m.MonthlyFee * settings.FeeReductionPercent / 100m) : 0;
            var reduction = yearCap is { } cap ? Math.Min(full, Math.Max(0, cap - reducedSoFar)) : full;
            reducedSoFar += reduction;
            result.Add(new MonthlyPenalty(m.Month, earned, active, reached, reduction, m.MonthlyFee - reduction) { Capped = reduction < full });
        }
        return result;
    }

    private static int MonthIndex(DateOnly month) => month.Year * 12 + month.Month - 1;

    private static decimal Truncate(decimal value, int decimals)
    {
        var factor = (decimal)Math.Pow(10, decimals);
        return decimal.Truncate(value * factor) / factor;
    }
}
