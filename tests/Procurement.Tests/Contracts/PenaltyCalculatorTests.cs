using Procurement.Features.Sla;

namespace Procurement.Tests.Contracts;

/// <summary>Expected values computed by hand; the arithmetic is in the comments.</summary>
[Trait("Lane", "Fast")]
public sealed class PenaltyCalculatorTests
{
    [Theory]
    // 12,000,000 × (100 − 98.5) ÷ 100 = 12,000,000 × 1.5 ÷ 100 = 180,000
    [InlineData(12_000_000, "98.5", 180_000)]
    // 1,234,567 × (100 − 99.87) ÷ 100 = 1,234,567 × 0.13 ÷ 100 = 1,604.9371 → 1円未満切捨て 1,604
    [InlineData(1_234_567, "99.87", 1_604)]
    // all levels met: 100 − 100 = 0
    [InlineData(36_000_000, "100", 0)]
    // nothing met: the whole annual payment
    [InlineData(36_000_000, "0", 36_000_000)]
    public void Model_A_is_annual_payment_times_the_shortfall_truncated_to_whole_yen(long annual, string achievement, long expected) =>
        Assert.Equal(expected, PenaltyCalculator.ModelAPenalty(annual, decimal.Parse(achievement, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Annual_achievement_is_met_over_measured_truncated_at_two_decimals()
    {
        // 13 items × 12 months = 156 measured; 142 met → 142 ÷ 156 × 100 = 91.0256… → 91.02
        Assert.Equal(91.02m, PenaltyCalculator.AnnualAchievementPercent(142, 156));
        // 155 ÷ 156 × 100 = 99.3589… → 99.35 (truncated, never rounded up to 99.36)
        Assert.Equal(99.35m, PenaltyCalculator.AnnualAchievementPercent(155, 156));
    }

    [Fact]
    public void Availability_follows_the_SLA_formula_truncated_at_three_decimals()
    {
        // (8,760 − 8.76) ÷ 8,760 × 100 = 99.9 exactly: the 99.9% = 8.76 h/yr of docs/domain.md §5
        Assert.Equal(99.9m, PenaltyCalculator.AvailabilityPercent(8760m, 8.76m));
        // (744 − 1.5) ÷ 744 × 100 = 99.79838… → 99.798
        Assert.Equal(99.798m, PenaltyCalculator.AvailabilityPercent(744m, 1.5m));
        Assert.Throws<ArgumentOutOfRangeException>(() => PenaltyCalculator.AvailabilityPercent(0m, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => PenaltyCalculator.AvailabilityPercent(10m, 11m));
    }

    [Fact]
    public void Model_A_refuses_an_achievement_outside_0_to_100() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PenaltyCalculator.ModelAPenalty(1_000, 100.01m));

    [Fact]
    public void Model_B_charges_repeats_more_reduces_the_fee_at_the_threshold_and_lets_points_expire()
    {
        // 1 point per miss, 2 for a repeat, threshold 3, 5% reduction, points valid for 3 months; fee 1,000,003 yen.
        var settings = new PenaltySettings(PenaltyKind.PenaltyPoints, 1, 2, 3, 5m, 3);
        const long fee = 1_000_003;
        var months = new[]
        {
            new MonthlyResult(new DateOnly(2027, 4, 1), ["availability"], fee),
            new MonthlyResult(new DateOnly(2027, 5, 1), ["availability", "recovery"], fee),
            new MonthlyResult(new DateOnly(2027, 6, 1), [], fee),
            new MonthlyResult(new DateOnly(2027, 7, 1), ["recovery"], fee),
            new MonthlyResult(new DateOnly(2027, 8, 1), [], fee),
            new MonthlyResult(new DateOnly(2027, 10, 1), ["recovery"], fee), // September not reported
        };

        var result = PenaltyCalculator.ModelB(settings, months);

        // Apr: availability first miss = 1; active 1 < 3 → no reduction
        Assert.Equal((1, 1, 0L), (result[0].EarnedPoints, result[0].ActivePoints, result[0].Reduction));
        // May: availability repeated (missed in Apr) = 2, recovery first = 1 → 3; active Apr 1 + May 3 = 4 ≥ 3
        //      reduction = floor(1,000,003 × 5 ÷ 100) = floor(50,000.15) = 50,000; fee after 950,003
        Assert.Equal((3, 4, 50_000L, 950_003L), (result[1].EarnedPoints, result[1].ActivePoints, result[1].Reduction, result[1].FeeAfterReduction));
        // Jun: nothing missed; active Apr 1 + May 3 + Jun 0 = 4 → still reduced (a reduction does not reset points)
        Assert.Equal((0, 4, 50_000L), (result[2].EarnedPoints, result[2].ActivePoints, result[2].Reduction));
        // Jul: recovery missed, but not in Jun → 1; Apr expired: May 3 + Jun 0 + Jul 1 = 4 → reduced
        Assert.Equal((1, 4, 50_000L), (result[3].EarnedPoints, result[3].ActivePoints, result[3].Reduction));
        // Aug: May expired: Jun 0 + Jul 1 + Aug 0 = 1 → no reduction
        Assert.Equal((0, 1, 0L), (result[4].EarnedPoints, result[4].ActivePoints, result[4].Reduction));
        // Oct: the preceding calendar month (Sep) has no miss of recovery → 1, not a repeat; Aug 0 + Oct 1 = 1
        Assert.Equal((1, 1, 0L, fee), (result[5].EarnedPoints, result[5].ActivePoints, result[5].Reduction, result[5].FeeAfterReduction));
    }
}
