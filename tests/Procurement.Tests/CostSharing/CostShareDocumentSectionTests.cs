using Procurement.Features.CostSharing;
using Procurement.Features.Groups;
using Procurement.Infrastructure.Events;

namespace Procurement.Tests.CostSharing;

/// <summary>What the 導入計画 receives from a recorded calculation: the recorded yen, aligned per year, and the rules in words.</summary>
[Trait("Lane", "Fast")]
public sealed class CostShareDocumentSectionTests
{
    private static readonly CostShareMember[] Members =
    [
        new("甲市", 30_000, 0, null, null), new("乙町", 10_000, 0, null, null),
        new("丙村", 10_000, 0, null, new DateOnly(2029, 9, 30)), new("丁村", 5_000, 0, new DateOnly(2029, 10, 1), null),
    ];

    private static CostShareCalculated Recorded(RemainderRule remainder, ShareComponent[] components)
    {
        var formula = new CostShareFormula(components, remainder, CostShareFormula.HarpExponent);
        var participants = Members.Select(m => new Participant(m.Name, m.Population, m.Usage, m.JoinedOn, m.LeftOn)).ToList();
        var years = CostShareCalculator.Schedule([(2029, 1_000_001), (2028, 999_999), (2030, 500_000)], formula, participants, "乙町");
        return new(Guid.NewGuid(), "試算", components, remainder, LeavingRule.FullYear, CostShareFormula.HarpExponent, Members, "乙町",
            years, new Actor(Guid.NewGuid(), "高森 花子"), new DateTimeOffset(2027, 2, 7, 16, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Amounts_are_the_recorded_ones_in_year_order_with_null_where_a_member_takes_no_part()
    {
        var e = Recorded(RemainderRule.LargestRemainder, [new(ShareBasis.Equal, 1), new(ShareBasis.Population, 2)]);
        var group = new GroupView { Members = [new("甲市", 30_000, new DateOnly(2025, 9, 30)), new("乙町", 10_000, new DateOnly(2025, 9, 30)), new("丙村", 10_000, new DateOnly(2025, 9, 30))] };

        var info = CostShareDocumentSection.Build(e, 3, group);

        Assert.Equal([2028, 2029, 2030], info.Years.Select(y => y.FiscalYear));
        Assert.Equal("2028-04-01", info.Years[0].Start);
        Assert.Equal(2_500_000, info.Total);
        Assert.Equal(info.Total, info.Members.Sum(m => m.Total));
        for (var i = 0; i < info.Years.Count; i++) Assert.Equal(info.Years[i].Total, info.Members.Sum(m => m.Amounts[i] ?? 0));
        var bySource = e.Years.Single(y => y.FiscalYear == 2029).Shares.ToDictionary(s => s.Name, s => s.Amount);
        Assert.All(info.Members.Where(m => bySource.ContainsKey(m.Name)), m => Assert.Equal(bySource[m.Name], m.Amounts[1]));
        Assert.Null(info.Members.Single(m => m.Name == "丁村").Amounts[0]);
        Assert.Null(info.Members.Single(m => m.Name == "丙村").Amounts[2]);
        Assert.Equal(("均等割33.33%・人口割66.67%", "largest_remainder", (string?)null), (info.Formula, info.Remainder, info.RemainderMember));
        // The group's members share one reference date; the joiner is not in the group and does not change it.
        Assert.Equal("2025-09-30", info.PopulationDate);
        Assert.Equal(("2027-02-08", "高森 花子", 3), (info.CalculatedOn, info.CalculatedBy, info.Calculations));
        Assert.Equal("2029-10-01", info.Members.Single(m => m.Name == "丁村").JoinedOn);
    }

    [Fact]
    public void The_member_taking_the_remainder_is_named_and_mixed_reference_dates_leave_the_date_undecided()
    {
        var group = new GroupView { Members = [new("甲市", 30_000, new DateOnly(2025, 9, 30)), new("乙町", 10_000, new DateOnly(2025, 3, 31))] };

        var representative = CostShareDocumentSection.Build(Recorded(RemainderRule.Representative, [new(ShareBasis.Equal, 20), new(ShareBasis.Population, 80)]), 1, group);
        var largest = CostShareDocumentSection.Build(Recorded(RemainderRule.LargestPopulation, [new(ShareBasis.DiminishingPopulation, 1)]), 1, null);

        Assert.Equal(("representative", "乙町", "均等割20%・人口割80%"), (representative.Remainder, representative.RemainderMember, representative.Formula));
        Assert.Null(representative.PopulationDate);
        Assert.Equal(("largest_population", "甲市", "逓減人口割100%"), (largest.Remainder, largest.RemainderMember, largest.Formula));
        Assert.Equal("diminishing_population", Assert.Single(largest.Components).Basis);
    }
}
