using Marten;
using Procurement.Features.CostSharing;
using Procurement.Features.Demo;
using Procurement.Features.Evaluation;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Guards;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Workflows;

/// <summary>Guards that read what the evaluation, contracts and cost-share features recorded, not only a confirmed fact.</summary>
public sealed class CheckedGuardTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<GuardResult> EvaluateAsync(IWorkflowGuard guard)
    {
        await using var session = _app.Store.QuerySession();
        var context = new GuardContext(DemoData.CaseId, "any", null!, new CaseWorkflowView(), [], session, _app.Clock.GetUtcNow(), _app.Services);
        return await guard.EvaluateAsync(context, default);
    }

    [Fact]
    public async Task Cost_share_guard_passes_once_a_calculation_is_recorded()
    {
        var before = await EvaluateAsync(new CostShareAgreedGuard());
        Assert.False(before.Passed);
        Assert.Contains("費用分担の算定結果が記録されていません", before.Reason, StringComparison.Ordinal);

        await using (var session = _app.Store.LightweightSession())
        {
            session.Events.Append(DemoData.CaseId, new CostShareCalculated(DemoData.CaseId, "案", [new(ShareBasis.Equal, 1)], RemainderRule.LargestRemainder,
                LeavingRule.FullYear, CostShareFormula.HarpExponent, [new("甲", 1000, 0, null, null)], "甲", [new YearShares(2028, 100, [new("甲", 100, 100)])],
                Actor.System, _app.Clock.GetUtcNow()));
            await session.SaveChangesAsync();
        }

        Assert.True((await EvaluateAsync(new CostShareAgreedGuard())).Passed);
    }

    [Fact]
    public async Task Committee_guard_names_the_members_who_have_not_submitted_and_criteria_guard_reads_the_evaluation()
    {
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock);

        var committee = await EvaluateAsync(new AllCommitteeSubmittedGuard());
        Assert.False(committee.Passed);
        Assert.Contains("豊丘 一郎", committee.Reason, StringComparison.Ordinal);
        Assert.True((await EvaluateAsync(new CriteriaFrozenGuard())).Passed); // the demo opened proposals
        Assert.False((await EvaluateAsync(new MandatoryClausesPresentGuard())).Passed); // no contract draft submitted
    }
}
