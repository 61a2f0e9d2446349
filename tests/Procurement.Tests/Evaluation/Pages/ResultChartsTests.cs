using Procurement.Features.Evaluation.Pages;
using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>The results charts are inlined as markup, so vendor and category names must arrive escaped.</summary>
[Trait("Lane", "Fast")]
public sealed class ResultChartsTests
{
    private const string Hostile = "<script>alert(1)</script> & \"x\"";

    private static EvaluationResult Result()
    {
        VendorResult Vendor(string id, string name, decimal total, bool disqualified = false) => new(id, name, disqualified, total - 10, 1000, 10, null, total, 3, [],
            [], [new CategoryBreakdown("1", Hostile, 50, total / 2), new CategoryBreakdown("0", "必須要件", 0, 0)]);
        return new EvaluationResult(true, [], Aggregation.Average, PriceMethod.Additive, 100, 50, 1000,
            [new RankingEntry(1, "a", Hostile, 80, 70, 10, null)],
            [Vendor("a", Hostile, 80), Vendor("b", "乙", 40, disqualified: true)], [], [], []);
    }

    [Fact]
    public void Names_are_escaped_and_disqualified_vendors_are_marked_not_drawn()
    {
        var totals = ResultCharts.Totals(Result(), new ResultCharts.TotalsLabels("総合点", "技術点", "価格点", "失格"));
        var categories = ResultCharts.Categories(Result(), "区分別");

        foreach (var svg in new[] { totals, categories })
        {
            Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;", svg, StringComparison.Ordinal);
        }
        Assert.Contains(">失格<", totals, StringComparison.Ordinal);
        Assert.DoesNotContain("必須要件", categories, StringComparison.Ordinal); // 満点 0: nothing to compare
    }
}
