using Procurement.Features.Evaluation.Pages;
using Procurement.Features.Evaluation.Scoring;

using static Procurement.Tests.Evaluation.Scenario;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>The results page's number formats: one per column, from the configured rounding.</summary>
[Trait("Lane", "Fast")]
public sealed class ResultFormatTests
{
    private static Scenario Division(RoundingRule price, decimal multiplier)
    {
        var s = new Scenario(1, "A", "B").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 70).Marks("B", "1-1", 80);
        s.Settings = new(Aggregation.Average, PriceMethod.Division, DivisionMultiplier: multiplier,
            Rounding: new RoundingSettings(RoundingRule.Exact, RoundingRule.Exact, new RoundingRule(RoundingMode.Truncate, 1), price));
        s.Bids["A"] = 90_000_000;
        s.Bids["B"] = 120_000_000;
        return s;
    }

    [Fact]
    public void The_division_value_is_shown_with_the_configured_decimals()
    {
        var r = Division(new RoundingRule(RoundingMode.Truncate, 2), 100_000_000).Compute();
        var f = new ResultFormat(r);

        // 70 ÷ 90,000,000 × 10^8 = 77.77… → 77.77; 80 ÷ 120,000,000 × 10^8 = 66.66… → 66.66; 技術点 at the average's 1 decimal.
        Assert.Equal(["77.77", "66.66"], r.Ranking.Select(e => f.Total.Format(e.Total)));
        Assert.Equal(["70.0", "80.0"], r.Ranking.Select(e => f.Technical.Format(e.Technical)));
    }

    [Fact]
    public void An_unrounded_division_value_keeps_four_significant_digits_instead_of_showing_zero()
    {
        var r = Division(RoundingRule.Exact, 1).Compute();

        // 70 ÷ 90,000,000 = 0.000000777…; 80 ÷ 120,000,000 = 0.000000666…: smallest 6.67 × 10^-7 → 10 decimals, rounded for display.
        Assert.Equal(["0.0000007778", "0.0000006667"], r.Ranking.Select(e => new ResultFormat(r).Total.Format(e.Total)));
    }

    [Fact]
    public void Unrounded_points_use_as_many_decimals_as_the_column_needs_at_most_three()
    {
        var s = new Scenario(3, "A", "B").Category("1", Item("1-1", "a", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 70, 71, 74).Marks("B", "1-1", 70, 70, 73); // averages 71.666… and 71
        var f = new ResultFormat(s.Compute());

        Assert.Equal(("71.667", "71.000"), (f.Technical.Format(71.666666m), f.Technical.Format(71m)));
    }
}
