using Procurement.Features.CostSharing;
using Procurement.Infrastructure.Events;
using Procurement.Infrastructure.Localization;

namespace Procurement.Tests.CostSharing;

/// <summary>Each share explained by its parts (均等割, 人口割 …) and the remainder adjustment, worked out by hand; row-naming messages.</summary>
[Trait("Lane", "Fast")]
public sealed class CostShareBreakdownTests
{
    private static readonly Participant[] Members = [new("甲市", 30_000), new("乙町", 10_000), new("丙村", 20_000)];

    [Fact]
    public void Each_share_is_its_equal_and_population_parts_rounded_down_plus_the_remainder_adjustment()
    {
        // 1,000,000 yen, 均等割 20 : 人口割 80, largest remainder.
        // 均等割 200,000 ÷ 3 = 66,666.66… each → 66,666.
        // 人口割 800,000 × 30,000 ÷ 60,000 = 400,000; × 10,000 ÷ 60,000 = 133,333.33… → 133,333; × 20,000 ÷ 60,000 = 266,666.66… → 266,666.
        // Exact shares 466,666.66…, 199,999.99…, 333,333.33…: floors 466,666 + 199,999 + 333,333 = 999,998, so the 2 yen left go to
        // the largest fractions (乙町 .99…, 甲市 .66…): 466,667, 200,000, 333,333. Parts floor to 466,666, 199,999, 333,332.
        var shares = CostShareCalculator.Allocate(1_000_000, CostShareFormula.EqualAndPopulation(20, 80), Members, "甲市");

        Assert.Equal([466_667L, 200_000L, 333_333L], shares.Select(s => s.Amount));
        Assert.Equal([(ShareBasis.Equal, 66_666L), (ShareBasis.Population, 400_000L)], shares[0].Components.Select(c => (c.Basis, c.Amount)));
        Assert.Equal([(ShareBasis.Equal, 66_666L), (ShareBasis.Population, 133_333L)], shares[1].Components.Select(c => (c.Basis, c.Amount)));
        Assert.Equal([(ShareBasis.Equal, 66_666L), (ShareBasis.Population, 266_666L)], shares[2].Components.Select(c => (c.Basis, c.Amount)));
        Assert.Equal([1L, 1L, 1L], shares.Select(s => s.Adjustment));
        Assert.All(shares, s => Assert.Equal(s.Amount, s.Components.Sum(c => c.Amount) + s.Adjustment));
    }

    [Fact]
    public void A_part_year_member_s_parts_are_scaled_by_its_months()
    {
        // 丁村 joins on 2028-10-01: 6 of 12 months. 均等割 120,000 over weights 1, 1, 0.5 → 48,000, 48,000, 24,000;
        // 人口割 0 (ratio 0 is left out). Total 120,000 splits exactly, so no adjustment.
        var participants = new[] { new Participant("甲市", 1), new Participant("乙町", 1), new Participant("丁村", 1, JoinedOn: new DateOnly(2028, 10, 1)) };
        var year = Assert.Single(CostShareCalculator.Schedule([(2028, 120_000)], CostShareFormula.EqualAndPopulation(1, 0), participants, "甲市"));

        Assert.Equal([48_000L, 48_000L, 24_000L], year.Shares.Select(s => Assert.Single(s.Components).Amount));
        Assert.All(year.Shares, s => Assert.Equal(0, s.Adjustment));
    }

    [Fact]
    public void The_document_section_carries_each_year_s_parts_in_basis_order_with_column_totals()
    {
        var formula = CostShareFormula.EqualAndPopulation(20, 80);
        var years = CostShareCalculator.Schedule([(2028, 1_000_000)], formula, Members, "甲市");
        var e = new CostShareCalculated(Guid.NewGuid(), "試算", formula.Components, RemainderRule.LargestRemainder, LeavingRule.FullYear, CostShareFormula.HarpExponent,
            Members.Select(m => new CostShareMember(m.Name, m.Population, 0, null, null)).ToList(), "甲市", years, new Actor(Guid.NewGuid(), "高森 花子"), DateTimeOffset.UnixEpoch);

        var breakdown = Assert.Single(CostShareDocumentSection.Build(e, 1, null).Breakdown);

        Assert.Equal(["均等割", "人口割"], breakdown.Bases);
        Assert.Equal(("甲市", 1L, 466_667L), (breakdown.Rows[0].Name, breakdown.Rows[0].Adjustment, breakdown.Rows[0].Amount));
        Assert.Equal([66_666L, 400_000L], breakdown.Rows[0].Parts);
        Assert.Equal([199_998L, 799_999L], breakdown.BasisTotals); // 66,666 × 3; 400,000 + 133,333 + 266,666
        Assert.Equal((3L, 1_000_000L), (breakdown.AdjustmentTotal, breakdown.Total));
    }

    [Fact]
    public void Validation_messages_name_the_row_and_its_year_or_member()
    {
        var t = new UiText();
        var command = new RecordCostShareCommand(Guid.NewGuid(), "試算", CostShareFormula.EqualAndPopulation(20, 80).Components, RemainderRule.LargestRemainder, LeavingRule.FullYear,
            [new("甲市", 0, 0, null, null), new("", 100, 0, null, null)], "甲市", [(2028, 1), (2029, -5), (2029, 1), (1999, 1)]);

        var messages = new RecordCostShareValidator(t).Validate(command).Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();

        Assert.Contains(("Members[0].Population", "構成団体の1行目（甲市）: 人口は1以上の整数で入力してください。"), messages);
        Assert.Contains(("Members[1].Name", "構成団体の2行目: 団体名を入力してください。"), messages);
        Assert.Contains(("Years[1].Total", "年度ごとの総額の2行目（2029年度）: 総額は0円以上1兆円以下で入力してください。"), messages);
        Assert.Contains(("Years[2].FiscalYear", "年度ごとの総額の3行目（2029年度）: 同じ年度が重複しています。"), messages);
        Assert.Contains(("Years[3].FiscalYear", "年度ごとの総額の4行目: 年度は西暦4桁で入力してください。"), messages);
    }
}
