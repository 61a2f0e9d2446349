using Procurement.Features.Sla;
using Procurement.Features.SlaOperation;

namespace Procurement.Tests.SlaOperation;

[Trait("Lane", "Fast")]
public sealed class SlaEvaluationTests
{
    private static readonly SlaItem Availability = new(SlaCategory.Availability, "稼働率", "99.9%以上", "監視ツール", "(計画−停止)÷計画");
    private static readonly SlaItem Recovery = new(SlaCategory.Reliability, "復旧時間", "1時間以内", "障害記録", "復旧時刻−発生時刻");

    private static SlaDefinition Sla(PenaltySettings penalty) => new(SlaPreset.CoreBusiness, [Availability, Recovery], penalty, []);

    private static RecordedPeriod Period(int year, int month, int months, bool availabilityMet, bool recoveryMet, int minute = 0) =>
        new(new DateOnly(year, month, 1), months,
            [new(SlaEvaluation.KeyOf(Availability), "稼働率", availabilityMet ? "99.95%" : "99.5%", availabilityMet, ""),
             new(SlaEvaluation.KeyOf(Recovery), "復旧時間", recoveryMet ? "0.5時間" : "3時間", recoveryMet, "")],
            null, null, null, "高森 花子", new DateTimeOffset(2028, 1, 1, 0, minute, 0, TimeSpan.Zero));

    // FY2028: a quarter (Apr–Jun, all met) entered at once, then July with recovery missed, then August all met.
    //   item-months measured: 5 months × 2 items = 10; met: 10 − 1 = 9 → 90.00 %.
    //   Model A on 12,000,000 yen: 12,000,000 × (100 − 90) ÷ 100 = 1,200,000 yen.
    [Fact]
    public void Model_A_penalty_follows_the_annual_achievement_with_quarters_counted_per_month()
    {
        var periods = new[] { Period(2028, 4, 3, true, true), Period(2028, 7, 1, true, false, 1), Period(2028, 8, 1, true, true, 2) };

        var year = SlaEvaluation.Evaluate(Sla(PenaltySettings.Default), periods, 2028, 12_000_000);

        Assert.Equal(90.00m, year.AchievementPercent);
        Assert.Equal(1_200_000, year.ModelAPenalty);
        Assert.Equal([5, 5], year.Items.Select(i => i.MeasuredMonths));
        Assert.Equal([5, 4], year.Items.Select(i => i.MetMonths));
        Assert.Equal(80.00m, year.Items[1].Percent); // 4 ÷ 5
    }

    // A correction entered later for the same month replaces the first entry: July re-entered as all met → 100 %.
    [Fact]
    public void A_later_entry_for_the_same_month_replaces_the_earlier_one()
    {
        var periods = new[] { Period(2028, 7, 1, true, false, 1), Period(2028, 7, 1, true, true, 5) };

        var year = SlaEvaluation.Evaluate(Sla(PenaltySettings.Default), periods, 2028, 12_000_000);

        Assert.Equal(100.00m, year.AchievementPercent);
        Assert.Equal(0, year.ModelAPenalty);
    }

    // Model B: 1 point per miss, 2 for a repeat in the next month, threshold 3, 5 % off, points valid 12 months.
    // Annual 12,000,000 → monthly fee 1,000,000.
    //   Apr: recovery missed → 1 point (active 1)            → no reduction
    //   May: recovery missed again → 2 points (active 3)      → 5 % of 1,000,000 = 50,000
    //   Jun: all met → 0 points (active 3, still valid)       → 50,000
    //   total reduction 100,000
    [Fact]
    public void Model_B_points_repeat_and_reduce_the_monthly_fee_from_the_threshold()
    {
        var penalty = PenaltySettings.Default with { Kind = PenaltyKind.PenaltyPoints };
        var periods = new[] { Period(2028, 4, 1, true, false, 1), Period(2028, 5, 1, true, false, 2), Period(2028, 6, 1, true, true, 3) };

        var year = SlaEvaluation.Evaluate(Sla(penalty), periods, 2028, 12_000_000);

        Assert.Equal([1, 2, 0], year.ModelB.Select(m => m.EarnedPoints));
        Assert.Equal([1, 3, 3], year.ModelB.Select(m => m.ActivePoints));
        Assert.Equal([0L, 50_000L, 50_000L], year.ModelB.Select(m => m.Reduction));
        Assert.Equal(100_000, year.ModelBReduction);
        Assert.Null(year.ModelAPenalty);
    }

    [Fact]
    public void Months_outside_the_fiscal_year_do_not_count()
    {
        // March 2029 belongs to FY2028; April 2029 to FY2029.
        var periods = new[] { Period(2029, 3, 1, false, false, 1), Period(2029, 4, 1, true, true, 2) };

        Assert.Equal(0.00m, SlaEvaluation.Evaluate(Sla(PenaltySettings.Default), periods, 2028, null).AchievementPercent);
        Assert.Equal(100.00m, SlaEvaluation.Evaluate(Sla(PenaltySettings.Default), periods, 2029, null).AchievementPercent);
    }

    [Theory]
    [InlineData("%PDF-1.7\n...", "application/pdf")]
    [InlineData("MZ\u0090\u0000 not a pdf", null)]
    public void Reports_are_recognised_by_content(string content, string? expected)
    {
        Assert.Equal(expected, ReportFormat.Detect(System.Text.Encoding.Latin1.GetBytes(content)));
    }
}
