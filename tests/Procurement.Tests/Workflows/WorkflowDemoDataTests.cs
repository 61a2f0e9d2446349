using Marten;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Features.Demo;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Tasks;

namespace Procurement.Tests.Workflows;

[Trait("Lane", "Fast")]
public sealed class WorkflowDemoDataTests(SharedWorkflowApp shared) : IClassFixture<SharedWorkflowApp>, IAsyncLifetime
{
    private WorkflowTestHost _host = null!;

    public async Task InitializeAsync() => _host = await shared.WorkflowAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_demo_case_starts_with_phase0_done_and_a_task_due_soon_and_seeding_twice_changes_nothing()
    {
        var catalog = _host.Services.GetRequiredService<WorkflowCatalog>();
        await WorkflowDemoData.SeedAsync(_host.Store, catalog, _host.Clock);
        await WorkflowDemoData.SeedAsync(_host.Store, catalog, _host.Clock);

        await using var session = _host.Store.QuerySession();
        var view = (await session.LoadAsync<CaseWorkflowView>(DemoData.CaseId))!;
        Assert.Equal(["study-sessions", "joint-framework", "internal-briefing"], view.Completed.Select(c => c.StepId));
        Assert.Equal(["organisation-setup"], view.Active.Select(a => a.StepId));
        Assert.All(view.Completed, c => Assert.Equal("高森 花子", c.ByName));

        var task = Assert.Single(await _host.As("officer2").QueryAsync(new MyTasksQuery()));
        Assert.Equal((5, true), (task.DaysLeft, task.DueSoon));
    }
}
