using Procurement.Features.Renewal;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Renewal;

/// <summary>継続・切替の判断, Given(events) When(command) Then(events | refusal).</summary>
[Trait("Lane", "Fast")]
public sealed class ContinuationDecisionTests
{
    private static readonly Guid CaseId = Guid.Parse("6a0f3c1e-2b59-4c35-9a7e-00000000c002");
    private static readonly Guid Successor = Guid.Parse("6a0f3c1e-2b59-4c35-9a7e-00000000c003");
    private static readonly Actor By = new(Guid.Parse("0b1c0000-0000-0000-0000-000000000001"), "高森 花子");
    private static readonly DateTimeOffset At = new(2031, 4, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly DecideContinuationCommand Switch = new(CaseId, RenewalChoice.Switch, " 費用が増えたため ", "移行計画は早めに", " 信州情報システム株式会社 ",
        new DateOnly(2033, 3, 31), "住民情報系システム次期調達", new DateOnly(2033, 4, 1));

    [Fact]
    public void The_first_decision_is_recorded_with_its_successor_and_a_second_is_refused()
    {
        var decided = new ContinuationDecided(CaseId, RenewalChoice.Switch, "費用が増えたため", "移行計画は早めに", "信州情報システム株式会社",
            new DateOnly(2033, 3, 31), Successor, By, At);

        new DecisionSpec<RenewalViewProjection, RenewalView>()
            .When(r => DecideContinuationDecision.Decide(r, Switch, Successor, By, At))
            .Then(decided);
        new DecisionSpec<RenewalViewProjection, RenewalView>().Given(decided)
            .When(r => DecideContinuationDecision.Decide(r, Switch with { Choice = RenewalChoice.Continue }, null, By, At))
            .ThenRefused("この案件の継続・切替えは既に決定されています。");
    }
}
