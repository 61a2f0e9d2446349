using Procurement.Features.CostSharing;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.CostSharing;

/// <summary>費用按分, Given(events) When(command) Then(events | refusal).</summary>
[Trait("Lane", "Fast")]
public sealed class CostShareDecisionTests
{
    private static readonly Guid CaseId = Guid.Parse("6a0f3c1e-2b59-4c35-9a7e-00000000c006");
    private static readonly Actor By = new(Guid.Parse("0b1c0000-0000-0000-0000-000000000001"), "高森 花子");
    private static readonly DateTimeOffset At = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    private static RecordCostShareCommand Plan(params (int Year, long Total)[] years) => new(CaseId, "運用経費の按分",
        [new ShareComponent(ShareBasis.Equal, 1m)], RemainderRule.LargestRemainder, LeavingRule.FullYear,
        [new CostShareMember("高森町", 13_000, 0, new DateOnly(2027, 4, 1), null), new CostShareMember("阿智村", 6_000, 0, new DateOnly(2027, 4, 1), null)],
        "高森町", years);

    [Fact]
    public void Equal_shares_are_recorded_per_year_and_a_year_before_anyone_joined_is_refused_by_name()
    {
        var decision = CostShareDecisionTests.Decide(Plan((2027, 1_000_001)));
        var calculated = Assert.IsType<CostShareCalculated>(Assert.Single(decision.Events));
        Assert.Equal(1_000_001, Assert.Single(calculated.Years).Shares.Sum(s => s.Amount));

        new DecisionSpec<CostSharePlanProjection, CostSharePlan>()
            .When(p => RecordCostShareDecision.Decide(p, Plan((2026, 1_000_000), (2027, 1_000_000)), By, At))
            .ThenRefused("{0}年度に参加している団体がありません。", 2026);
    }

    private static Decision Decide(RecordCostShareCommand command) => RecordCostShareDecision.Decide(null, command, By, At);
}
