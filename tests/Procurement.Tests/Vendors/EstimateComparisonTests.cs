using Procurement.Features.Evaluation;
using Procurement.Features.Vendors;
using Procurement.Features.Vendors.Estimates;

namespace Procurement.Tests.Vendors;

[Trait("Lane", "Fast")]
public sealed class EstimateComparisonTests
{
    private static CaseVendor V(string name, long initial, long monthly, int months, long term) => new()
    {
        VendorId = Guid.NewGuid(),
        CompanyName = name,
        Estimate = new Estimate { InitialCost = initial, MonthlyOperatingCost = monthly, ContractMonths = months, OperatingCostForTerm = term },
    };

    // A: 導入 30,000,000; 月額 1,500,000 × 60 = 90,000,000 → 総額 120,000,000
    // B: 導入 45,000,000; 月額 1,200,000, term quoted at a discount 70,000,000 → 総額 115,000,000
    // C: 導入 20,000,000; 月額 2,000,000 × 60 = 120,000,000 → 総額 140,000,000
    private static readonly CaseVendor[] Three =
    [
        V("A社", 30_000_000, 1_500_000, 60, 90_000_000),
        V("B社", 45_000_000, 1_200_000, 60, 70_000_000),
        V("C社", 20_000_000, 2_000_000, 60, 120_000_000),
        new() { VendorId = Guid.NewGuid(), CompanyName = "見積なし社" },
    ];

    [Fact]
    public void Rows_carry_min_median_and_max_computed_by_hand()
    {
        var c = new EstimateComparison(Three);

        Assert.Equal(["A社", "B社", "C社"], c.Columns.Select(x => x.CompanyName)); // vendors without an estimate have no column
        var initial = c.Find(EstimateComparison.Initial)!;
        Assert.Equal(20_000_000, initial.Min);          // C
        Assert.Equal(30_000_000m, initial.Median);      // sorted 20, 30, 45 → 30
        Assert.Equal(45_000_000, initial.Max);          // B
        var monthly = c.Find(EstimateComparison.Monthly)!;
        Assert.Equal(1_200_000, monthly.Min);
        Assert.Equal(1_500_000m, monthly.Median);
        Assert.Equal(2_000_000, monthly.Max);
        var total = c.Find(EstimateComparison.Total)!;
        Assert.Equal([120_000_000L, 115_000_000L, 140_000_000L], total.Values);
        Assert.Equal(115_000_000, total.Min);
        Assert.Equal(120_000_000m, total.Median);       // sorted 115, 120, 140 → 120
        Assert.Equal(140_000_000, total.Max);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        // totals 120,000,000 and 115,000,000 → (115,000,000 + 120,000,000) / 2 = 117,500,000
        var c = new EstimateComparison(Three.Take(2));
        Assert.Equal(117_500_000m, c.Find(EstimateComparison.Total)!.Median);
        // 1 and 2 → 1.5: halves are kept, not rounded away
        Assert.Equal(1.5m, EstimateComparison.Median([1, 2]));
    }

    [Fact]
    public void Suggested_planned_prices_truncate_to_whole_yen()
    {
        var c = new EstimateComparison(Three);
        Assert.Equal(115_000_000, c.Suggest(ReservePriceSource.LowestEstimate));
        Assert.Equal(120_000_000, c.Suggest(ReservePriceSource.MedianEstimate));
        // (120,000,000 + 115,000,000 + 140,000,000) / 3 = 375,000,000 / 3 = 125,000,000
        Assert.Equal(125_000_000, c.Suggest(ReservePriceSource.AverageEstimate));
        Assert.Null(c.Suggest(ReservePriceSource.Other));

        // (10 + 10 + 11) / 3 = 10.33… → 10
        var odd = new EstimateComparison([V("x", 10, 0, 1, 0), V("y", 10, 0, 1, 0), V("z", 11, 0, 1, 0)]);
        Assert.Equal(10, odd.Suggest(ReservePriceSource.AverageEstimate));
    }

    [Fact]
    public void An_empty_term_total_is_monthly_times_months()
    {
        Assert.Equal(90_000_000, RecordEstimateDecision.TermTotal(1_500_000, 60, null)); // 1,500,000 × 60
        Assert.Equal(70_000_000, RecordEstimateDecision.TermTotal(1_200_000, 60, 70_000_000));
    }

    [Fact]
    public void The_chart_has_a_bar_per_vendor_and_escapes_names()
    {
        var vendors = Three.Append(V("<script>x</script>", 1, 1, 1, 1)).ToArray();
        var svg = EstimateChart.Render(new EstimateComparison(vendors), 125_000_000, new Procurement.Infrastructure.Localization.UiText());

        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", svg, StringComparison.Ordinal);
        Assert.Contains("予定価格 125,000,000円", svg, StringComparison.Ordinal);
        // totals 120M, 115M, 140M and 2 → sorted 2, 115M, 120M, 140M → (115,000,000 + 120,000,000) / 2
        Assert.Contains("中央値 117,500,000円", svg, StringComparison.Ordinal);
    }
}
