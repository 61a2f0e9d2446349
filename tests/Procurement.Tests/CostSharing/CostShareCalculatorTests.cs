using CsCheck;
using Procurement.Features.CostSharing;

namespace Procurement.Tests.CostSharing;

[Trait("Lane", "Fast")]
public sealed class CostShareCalculatorTests
{
    private static readonly Participant[] ThreeTowns = [new("甲市", 30_000), new("乙町", 10_000), new("丙村", 10_000)];

    // 均等割:人口割 = 20:80 of 1,000,000 yen, population 30,000 / 10,000 / 10,000 (Σ 50,000):
    //   均等割 200,000 ÷ 3 = 66,666.66…  人口割 800,000 × 3/5 = 480,000; × 1/5 = 160,000
    //   exact: 546,666.66…, 226,666.66…, 226,666.66…  floors add to 999,998: 2 yen left over.
    [Theory]
    [InlineData(RemainderRule.LargestRemainder, 546_667, 226_667, 226_666)] // equal fractions: first listed first
    [InlineData(RemainderRule.Representative, 546_666, 226_666, 226_668)]   // 丙村 is the representative
    [InlineData(RemainderRule.LargestPopulation, 546_668, 226_666, 226_666)]
    public void Equal_and_population_split_20_80_with_each_remainder_rule(RemainderRule rule, long a, long b, long c)
    {
        var shares = CostShareCalculator.Allocate(1_000_000, CostShareFormula.EqualAndPopulation(20, 80, rule), ThreeTowns, "丙村");

        Assert.Equal([a, b, c], shares.Select(s => s.Amount));
        Assert.Equal(1_000_000, shares.Sum(s => s.Amount));
    }

    // HARP: share ∝ population^k with 2^k = 1.5. 40,000 is two doublings of 10,000, so its weight is 1.5² = 2.25:
    //   3,250,000 × 2.25 / 3.25 = 2,250,000 and 3,250,000 × 1 / 3.25 = 1,000,000.
    [Fact]
    public void Diminishing_population_share_grows_1_5_times_per_doubling()
    {
        var formula = new CostShareFormula([new(ShareBasis.DiminishingPopulation, 100)], RemainderRule.LargestRemainder, CostShareFormula.HarpExponent);

        var shares = CostShareCalculator.Allocate(3_250_000, formula, [new("大市", 40_000), new("小町", 10_000)], "大市");

        Assert.Equal([2_250_000L, 1_000_000L], shares.Select(s => s.Amount));
    }

    // 利用量割: usage 3 : 1 of 100,000 → 75,000 and 25,000.
    [Fact]
    public void Usage_share_follows_the_usage_figures()
    {
        var formula = new CostShareFormula([new(ShareBasis.Usage, 1)], RemainderRule.LargestRemainder, CostShareFormula.HarpExponent);

        var shares = CostShareCalculator.Allocate(100_000, formula, [new("甲", 5000, Usage: 3), new("乙", 5000, Usage: 1)], "甲");

        Assert.Equal([75_000L, 25_000L], shares.Select(s => s.Amount));
    }

    // 均等割 only, 1,200,000 yen a year. 丙村 joins on 2027-10-01 (month 7 of FY2027: pays 6/12).
    //   FY2026: 丙村 not yet a member → 600,000 / 600,000
    //   FY2027: weights 1 : 1 : 0.5 (Σ 2.5) → 480,000 / 480,000 / 240,000
    //   FY2028: 400,000 each
    [Fact]
    public void A_member_joining_part_way_pays_from_its_joining_month_and_the_others_pay_less_after()
    {
        Participant[] members = [new("甲市", 20_000), new("乙町", 20_000), new("丙村", 20_000, JoinedOn: new DateOnly(2027, 10, 1))];
        var formula = new CostShareFormula([new(ShareBasis.Equal, 1)], RemainderRule.LargestRemainder, CostShareFormula.HarpExponent);

        var years = CostShareCalculator.Schedule([(2026, 1_200_000), (2027, 1_200_000), (2028, 1_200_000)], formula, members, "甲市");

        Assert.Equal(["甲市", "乙町"], years[0].Shares.Select(s => s.Name));
        Assert.Equal([600_000L, 600_000L], years[0].Shares.Select(s => s.Amount));
        Assert.Equal([480_000L, 480_000L, 240_000L], years[1].Shares.Select(s => s.Amount));
        Assert.Equal([400_000L, 400_000L, 400_000L], years[2].Shares.Select(s => s.Amount));
    }

    // 乙町 leaves on 2028-09-30 (6 months into FY2028). Full year by default: 600,000 / 600,000;
    // pro rata: weights 1 : 0.5 (Σ 1.5) → 800,000 / 400,000. FY2029: 甲市 alone.
    [Theory]
    [InlineData(LeavingRule.FullYear, 600_000, 600_000)]
    [InlineData(LeavingRule.ProRata, 800_000, 400_000)]
    public void A_leaving_member_pays_the_full_year_by_default_or_pro_rata_by_setting(LeavingRule rule, long stayer, long leaver)
    {
        Participant[] members = [new("甲市", 20_000), new("乙町", 20_000, LeftOn: new DateOnly(2028, 9, 30))];
        var formula = new CostShareFormula([new(ShareBasis.Equal, 1)], RemainderRule.LargestRemainder, CostShareFormula.HarpExponent);

        var years = CostShareCalculator.Schedule([(2028, 1_200_000), (2029, 1_200_000)], formula, members, "甲市", rule);

        Assert.Equal([stayer, leaver], years[0].Shares.Select(s => s.Amount));
        Assert.Equal([1_200_000L], years[1].Shares.Select(s => s.Amount));
    }

    [Fact]
    public void Shares_always_add_up_to_the_total_exactly_and_differ_from_the_exact_share_by_less_than_the_member_count()
    {
        var gen = Gen.Select(
            Gen.Long[0, 10_000_000_000],
            Gen.Int[1, 2_000_000].Array[1, 30],
            Gen.Int[0, 100], Gen.Int[0, 100], Gen.Int[0, 100],
            Gen.Enum<RemainderRule>());
        gen.Sample((total, populations, equal, population, diminishing, rule) =>
        {
            if (equal + population + diminishing == 0) return true;
            var members = populations.Select((p, i) => new Participant($"m{i}", p)).ToList();
            var formula = new CostShareFormula([new(ShareBasis.Equal, equal), new(ShareBasis.Population, population), new(ShareBasis.DiminishingPopulation, diminishing)],
                rule, CostShareFormula.HarpExponent);
            var shares = CostShareCalculator.Allocate(total, formula, members, "m0");
            return shares.Sum(s => s.Amount) == total && shares.All(s => s.Amount >= 0 && Math.Abs(s.Amount - s.Exact) < members.Count);
        }, iter: 500);
    }
}
