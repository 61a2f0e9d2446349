using Procurement.Features.Demo;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Diagrams;
using Procurement.Features.Workflows.Guards;

namespace Procurement.Tests.Workflows;

/// <summary>The queries step pages, the case page and the diagram page call.</summary>
[Trait("Lane", "Fast")]
public sealed class CaseWorkflowQueriesTests(SharedWorkflowApp shared) : IClassFixture<SharedWorkflowApp>, IAsyncLifetime
{
    private WorkflowTestHost _host = null!;
    private static readonly Guid Case = DemoData.CaseId;

    public async Task InitializeAsync()
    {
        _host = await shared.WorkflowAsync();
        await _host.As("officer1").SendAsync(new StartWorkflowCommand(Case, "joint-cloud-procurement"));
        foreach (var step in new[] { "study-sessions", "joint-framework", "internal-briefing" })
        {
            await _host.SendAsync(new CompleteStepCommand(Case, step));
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Step_details_show_what_still_blocks_a_step_and_where_it_can_be_sent_back()
    {
        var blocked = (await _host.As("officer1").QueryAsync(new StepDetailsQuery(Case, "organisation-setup")))!;
        Assert.Equal(StepState.Active, blocked.State);
        Assert.True(blocked.MayAct);
        Assert.False(blocked.CanComplete);
        var guard = Assert.Single(blocked.Guards);
        Assert.Equal(("cost-share-agreed", false), (guard.Name, guard.Passed));
        Assert.Equal($"/Cases/{Case}/Steps/organisation-setup", blocked.PageRoute);
        Assert.Equal(["study-sessions", "joint-framework", "internal-briefing"], blocked.SendBackTargets.Select(s => s.Id));

        await _host.SendAsync(new RecordCaseFactCommand(Case, CaseFacts.CostShareAgreed, Note: "均等割20%・人口割80%で合意"));
        var ready = (await _host.QueryAsync(new StepDetailsQuery(Case, "organisation-setup")))!;
        Assert.True(ready.CanComplete);

        var asMember = (await _host.As("member1").QueryAsync(new StepDetailsQuery(Case, "organisation-setup")))!;
        Assert.False(asMember.MayAct);
        Assert.False(asMember.CanComplete);
        Assert.Empty(asMember.SendBackTargets);

        var done = (await _host.As("officer1").QueryAsync(new StepDetailsQuery(Case, "study-sessions")))!;
        Assert.Equal(StepState.Completed, done.State);
        Assert.Equal("高森 花子", done.Completion!.ByName);

        var notMember = await Assert.ThrowsAsync<Procurement.Infrastructure.Auth.AccessDeniedException>(() => _host.As("admin").QueryAsync(new StepDetailsQuery(Case, "study-sessions")));
        Assert.True(notMember.NotFound);
    }

    [Fact]
    public async Task The_case_diagram_and_schedule_are_available_to_members_only()
    {
        var diagram = await _host.As("legal").QueryAsync(new CaseDiagramQuery(Case));
        Assert.NotNull(diagram);
        if (File.Exists("/usr/bin/dot"))
        {
            Assert.True(diagram.Succeeded, diagram.Message);
            Assert.Contains("<svg", diagram.Svg);
        }
        else
        {
            Assert.Equal(GraphvizRenderer.MissingMessage, diagram.Message);
        }

        var schedule = (await _host.QueryAsync(new CaseScheduleQuery(Case)))!;
        Assert.Equal(ScheduleStatus.Completed, schedule.Steps.Single(s => s.StepId == "study-sessions").Status);
        Assert.Equal(ScheduleStatus.Active, schedule.Steps.Single(s => s.StepId == "organisation-setup").Status);
        Assert.Equal(new DateOnly(2026, 4, 1), schedule.Today);

        // Not a member: refused as not found, before the handler.
        Assert.True((await Assert.ThrowsAsync<Procurement.Infrastructure.Auth.AccessDeniedException>(() => _host.As("admin").QueryAsync(new CaseDiagramQuery(Case)))).NotFound);
        Assert.True((await Assert.ThrowsAsync<Procurement.Infrastructure.Auth.AccessDeniedException>(() => _host.As("admin").QueryAsync(new CaseScheduleQuery(Case)))).NotFound);
        Assert.NotNull(await _host.As("admin").QueryAsync(new DefinitionDiagramQuery("join-existing-cloud")));
        Assert.Null(await _host.QueryAsync(new DefinitionDiagramQuery("no-such-workflow")));
    }
}
