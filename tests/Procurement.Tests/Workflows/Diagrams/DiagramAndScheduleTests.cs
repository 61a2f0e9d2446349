using Microsoft.Extensions.Configuration;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Diagrams;

namespace Procurement.Tests.Workflows.Diagrams;

[Trait("Lane", "Fast")]
public sealed class DiagramAndScheduleTests
{
    private static readonly WorkflowCatalog Catalog = WorkflowCatalog.Load(WorkflowFolders.Shipped);
    private static WorkflowDefinition Joint => Catalog.FindLatest("joint-cloud-procurement")!;

    private static CaseWorkflowView InParallelTrack()
    {
        var at = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var done = Joint.Steps.TakeWhile(s => s.Id != "procurement-spec").Where(s => s.Id != "ordinance-revision").ToList();
        return new CaseWorkflowView
        {
            Id = Guid.NewGuid(),
            DefinitionId = Joint.Id,
            DefinitionVersion = 1,
            StartedAt = at,
            Completed = done.Select((s, i) => new CompletedStep(s.Id, at.AddDays(i * 10), at.AddDays(i * 10 + 9), Guid.NewGuid(), "高森 花子", null, null, s.Id == "rfq-issuance")).ToList(),
            Active = [new ActiveStep("procurement-spec", at.AddDays(100)), new ActiveStep("ordinance-revision", at.AddDays(100))],
            Due = new() { ["procurement-spec"] = new DateOnly(2026, 9, 30) },
        };
    }

    [Fact]
    public void A_definition_diagram_has_every_step_grouped_by_phase_with_parallel_edges_and_the_join()
    {
        var dot = WorkflowDiagrams.DefinitionDot(Joint);

        foreach (var step in Joint.Steps) Assert.Contains($"\"{step.Id}\" [", dot);
        foreach (var phase in new[] { "Phase0", "Phase1", "Phase2", "Phase3", "Phase4" }) Assert.Contains($"subgraph \"cluster_{phase}\"", dot);
        Assert.Contains("\"fit-gap\" -> \"ordinance-revision\" [label=\"並行\"]", dot);
        Assert.Contains("［合流］", dot);
        Assert.Contains("label=\"切替え\"", dot);
        Assert.Contains("Study sessions", WorkflowDiagrams.DefinitionDot(Joint, "en"));
    }

    [Fact]
    public void A_case_diagram_marks_completed_steps_and_highlights_the_current_ones()
    {
        var dot = WorkflowDiagrams.CaseDot(Joint, InParallelTrack());

        Assert.Matches("\"fit-gap\" \\[label=\"✔ [^\"]*\".*fillcolor=\"#c6f6d5\"", dot);
        Assert.Matches("\"procurement-spec\" \\[.*penwidth=3", dot);
        Assert.Matches("\"ordinance-revision\" \\[.*penwidth=3", dot);
        Assert.Contains("2026-09-30", dot);
        Assert.Matches("\"public-notice\" \\[.*fontcolor=\"#52606d\"", dot);
    }

    [Fact]
    public async Task Graphviz_renders_svg_or_says_clearly_that_it_is_missing()
    {
        var missing = await new GraphvizRenderer(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Procurement:GraphvizDot"] = "/nonexistent/dot" }).Build())
            .RenderSvgAsync("digraph { a -> b }");
        Assert.False(missing.Succeeded);
        Assert.Equal(GraphvizRenderer.MissingMessage, missing.Message);

        if (!File.Exists("/usr/bin/dot")) return; // scripts/prereqs.sh installs graphviz; the message above covers machines without it
        var dot = WorkflowDiagrams.CaseDot(Joint, InParallelTrack());
        var result = await new GraphvizRenderer().RenderSvgAsync(dot);
        // Left for people to look at (tests cannot judge a picture).
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "procurement-case-diagram.dot"), dot);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "procurement-case-diagram.svg"), result.Svg ?? "");
        Assert.True(result.Succeeded, result.Message);
        Assert.Contains("<svg", result.Svg);
        Assert.Contains("調達仕様書の作成", result.Svg);
    }

    [Fact]
    public void The_plan_schedule_chains_planned_durations_and_the_join_waits_for_the_longer_track()
    {
        var start = new DateOnly(2026, 4, 1);
        var schedule = CaseSchedule.ForDefinition(Joint, start, start);

        var step = schedule.Steps.ToDictionary(s => s.StepId);
        Assert.Equal(start, step["study-sessions"].Start);
        Assert.Equal(new DateOnly(2026, 6, 1), step["study-sessions"].End); // P2M
        Assert.Equal(step["study-sessions"].End, step["joint-framework"].Start);
        var trackEnds = new[] { step["ordinance-revision"].End, step["evaluation-criteria"].End };
        Assert.Equal(trackEnds.Max(), step["public-notice"].Start);
        Assert.Equal(["Phase0", "Phase1", "Phase2", "Phase3", "Phase4"], schedule.Phases.Select(p => p.Phase));
        Assert.All(schedule.Steps, s => Assert.Equal(ScheduleStatus.Planned, s.Status));
    }

    [Fact]
    public void A_case_schedule_uses_real_dates_for_done_steps_and_due_dates_for_current_ones()
    {
        var today = new DateOnly(2026, 10, 5);
        var schedule = CaseSchedule.ForCase(Joint, InParallelTrack(), today);

        var step = schedule.Steps.ToDictionary(s => s.StepId);
        Assert.Equal(ScheduleStatus.Completed, step["study-sessions"].Status);
        Assert.Equal(ScheduleStatus.Skipped, step["rfq-issuance"].Status);
        Assert.Equal(ScheduleStatus.Active, step["procurement-spec"].Status);
        Assert.Equal(new DateOnly(2026, 9, 30), step["procurement-spec"].End);
        Assert.True(step["procurement-spec"].Overdue);
        Assert.Equal(ScheduleStatus.Planned, step["public-notice"].Status);
        Assert.True(step["public-notice"].Start >= today);
        Assert.Equal(today, schedule.Today);
    }
}
