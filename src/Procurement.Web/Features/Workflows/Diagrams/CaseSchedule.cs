using Procurement.Features.Workflows.Definitions;

namespace Procurement.Features.Workflows.Diagrams;

public enum ScheduleStatus
{
    Completed,
    Skipped,
    Active,
    Planned,
}

public sealed record ScheduleStep(
    string StepId, LocalizedText Title, string Phase, DateOnly Start, DateOnly End, ScheduleStatus Status, DateOnly? Due, bool Overdue, bool Optional);

public sealed record SchedulePhase(string Phase, LocalizedText Title, DateOnly Start, DateOnly End);

/// <summary>The 図16-style schedule: phases and steps on a time axis, with today's date to draw a line at.</summary>
public sealed record ScheduleModel(
    string DefinitionId, int DefinitionVersion, DateOnly Start, DateOnly End, DateOnly Today, IReadOnlyList<SchedulePhase> Phases, IReadOnlyList<ScheduleStep> Steps);

/// <summary>
/// Dates come from what happened (activation and completion), then due dates, then each step's
/// plannedDuration chained after its predecessors, so the bars stay meaningful before any date is set.
/// </summary>
public static class CaseSchedule
{
    public static readonly CalendarDuration DefaultStepLength = new(0, 0, 2, 0);

    public static ScheduleModel ForDefinition(WorkflowDefinition definition, DateOnly start, DateOnly today) => Build(definition, null, start, today);

    public static ScheduleModel ForCase(WorkflowDefinition definition, CaseWorkflowView view, DateOnly today) =>
        Build(definition, view, WorkflowClock.Today(view.StartedAt), today);

    private static ScheduleModel Build(WorkflowDefinition d, CaseWorkflowView? view, DateOnly start, DateOnly today)
    {
        var ends = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var steps = new Dictionary<string, ScheduleStep>(StringComparer.Ordinal);
        foreach (var step in TopologicalOrder(d))
        {
            var predecessors = d.Predecessors(step.Id).Select(p => ends[p.Id]).ToList();
            var plannedStart = predecessors.Count == 0 ? start : predecessors.Max();
            var length = CalendarDuration.TryParse(step.PlannedDuration, out var planned) ? planned : DefaultStepLength;
            var due = view?.DueFor(step.Id);

            ScheduleStep item;
            if (view?.Completed.FirstOrDefault(c => c.StepId == step.Id) is { } done)
            {
                item = new(step.Id, step.Title, step.Phase, WorkflowClock.Today(done.ActivatedAt), WorkflowClock.Today(done.CompletedAt),
                    done.Skipped ? ScheduleStatus.Skipped : ScheduleStatus.Completed, due, false, step.Optional);
            }
            else if (view?.Active.FirstOrDefault(a => a.StepId == step.Id) is { } active)
            {
                var s = WorkflowClock.Today(active.ActivatedAt);
                var end = due ?? Max(length.AddTo(s), today);
                item = new(step.Id, step.Title, step.Phase, s, Max(end, s), ScheduleStatus.Active, due, due < today, step.Optional);
            }
            else
            {
                var s = Max(plannedStart, view is null ? plannedStart : today);
                var end = due is { } d2 && d2 > s ? d2 : length.AddTo(s);
                item = new(step.Id, step.Title, step.Phase, s, end, ScheduleStatus.Planned, due, false, step.Optional);
            }
            steps[step.Id] = item;
            ends[step.Id] = item.End;
        }

        var ordered = d.Steps.Select(s => steps[s.Id]).OrderBy(s => s.Start).ThenBy(s => WorkflowPhases.Order(s.Phase)).ToList();
        var phases = ordered.GroupBy(s => s.Phase).OrderBy(g => WorkflowPhases.Order(g.Key))
            .Select(g => new SchedulePhase(g.Key, WorkflowPhases.Title(g.Key), g.Min(s => s.Start), g.Max(s => s.End)))
            .ToList();
        var first = ordered.Count == 0 ? start : ordered.Min(s => s.Start);
        var last = ordered.Count == 0 ? start : ordered.Max(s => s.End);
        return new ScheduleModel(d.Id, d.Version, Min(first, today), Max(last, today), today, phases, ordered);
    }

    // Definitions are checked to be acyclic, so Kahn's algorithm orders every step.
    private static List<WorkflowStep> TopologicalOrder(WorkflowDefinition d)
    {
        var incoming = d.Steps.ToDictionary(s => s.Id, s => d.Predecessors(s.Id).Count(), StringComparer.Ordinal);
        var ready = new Queue<WorkflowStep>(d.Steps.Where(s => incoming[s.Id] == 0));
        var order = new List<WorkflowStep>();
        while (ready.Count > 0)
        {
            var step = ready.Dequeue();
            order.Add(step);
            foreach (var next in d.Successors(step).Distinct())
            {
                if (--incoming[next] == 0) ready.Enqueue(d.Step(next));
            }
        }
        return order;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
