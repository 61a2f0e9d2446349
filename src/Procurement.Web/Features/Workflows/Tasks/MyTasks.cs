using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Runtime;

namespace Procurement.Features.Workflows.Tasks;

public enum TaskSort
{
    Due,
    Case,
    Phase,
}

/// <summary>「自分のタスク」: active steps across the user's cases that one of the user's roles may act on.</summary>
[Access(Access.Internal)]
public sealed record MyTasksQuery(TaskSort Sort = TaskSort.Due, int DueSoonDays = 7) : IQuery<IReadOnlyList<TaskItem>>;

public sealed record TaskItem(
    Guid CaseId,
    string CaseTitle,
    string DefinitionId,
    int DefinitionVersion,
    string StepId,
    LocalizedText StepTitle,
    string Phase,
    LocalizedText PhaseTitle,
    string PageKey,
    /// <summary>Where the step is worked on (its feature page, or the step page).</summary>
    string? PageRoute,
    IReadOnlyList<string> Roles,
    bool Optional,
    IReadOnlyList<string> Guards,
    DateTimeOffset ActivatedAt,
    DateOnly? Due,
    int? DaysLeft,
    bool Overdue,
    bool DueSoon,
    bool NeedsDeadline,
    DateTimeOffset? RemindedAt);

public static class MyTasks
{
    public static IReadOnlyList<TaskItem> Build(
        IEnumerable<(CaseSummary Case, CaseWorkflowView Workflow)> cases, WorkflowCatalog catalog, WorkflowActor actor,
        DateOnly today, TaskSort sort = TaskSort.Due, int dueSoonDays = 7)
    {
        var items = new List<TaskItem>();
        foreach (var (summary, view) in cases)
        {
            if (view.Finished || catalog.Find(view.DefinitionId, view.DefinitionVersion) is not { } definition) continue;
            foreach (var active in view.Active)
            {
                if (definition.FindStep(active.StepId) is not { } step || !actor.MayAct(step)) continue;
                var due = view.DueFor(step.Id);
                int? daysLeft = due is { } d ? d.DayNumber - today.DayNumber : null;
                var reminded = view.Reminders.Where(r => r.StepId == step.Id && r.UserId == actor.Actor.UserId).Select(r => (DateTimeOffset?)r.At).Max();
                items.Add(new TaskItem(
                    summary.Id, summary.Title, definition.Id, definition.Version, step.Id, step.Title, step.Phase,
                    WorkflowPhases.Title(step.Phase), step.Page, WorkflowPages.Find(step.Page)?.UrlFor(summary.Id, step.Id), step.Roles, step.Optional,
                    step.Guards, active.ActivatedAt, due, daysLeft, daysLeft < 0, daysLeft is >= 0 && daysLeft <= dueSoonDays,
                    due is null && step.Deadline?.SetByOfficer == true, reminded));
            }
        }
        IEnumerable<TaskItem> sorted = sort switch
        {
            TaskSort.Case => items.OrderBy(i => i.CaseTitle, StringComparer.Ordinal).ThenBy(i => WorkflowPhases.Order(i.Phase)),
            TaskSort.Phase => items.OrderBy(i => WorkflowPhases.Order(i.Phase)).ThenBy(i => i.Due ?? DateOnly.MaxValue),
            // Overdue first (they sort earliest by date), undated last.
            _ => items.OrderBy(i => i.Due ?? DateOnly.MaxValue).ThenBy(i => i.ActivatedAt),
        };
        return sorted.ToList();
    }
}

public sealed class MyTasksHandler(IQuerySession session, CaseAccess access, ICurrentUser user, WorkflowCatalog catalog, TimeProvider clock)
    : IQueryHandler<MyTasksQuery, IReadOnlyList<TaskItem>>
{
    public async ValueTask<IReadOnlyList<TaskItem>> Handle(MyTasksQuery query, CancellationToken cancellationToken)
    {
        var cases = await access.MyCasesAsync(cancellationToken);
        if (cases.Count == 0) return [];
        var ids = cases.Select(c => c.Id).ToArray();
        var views = (await session.Query<CaseWorkflowView>().Where(v => ids.Contains(v.Id)).ToListAsync(cancellationToken)).ToDictionary(v => v.Id);
        var pairs = cases.Where(c => views.ContainsKey(c.Id)).Select(c => (c, views[c.Id]));
        return MyTasks.Build(pairs, catalog, WorkflowActor.From(user), WorkflowClock.Today(clock), query.Sort, query.DueSoonDays);
    }
}

/// <summary>One row of 「自分のタスク」: a workflow step or a feature's pending action, in one list.</summary>
public sealed record TaskRow(TaskItem? Step, MyWorkItem? Work)
{
    public DateOnly? Due => Step?.Due ?? Work?.Task.Due;
    public Guid CaseId => Step?.CaseId ?? Work!.Task.CaseId;
    public string CaseTitle => Step?.CaseTitle ?? Work!.CaseTitle;
    public bool Overdue => Step?.Overdue ?? Work!.Overdue;
    public bool DueSoon => Step?.DueSoon ?? Work!.DueSoon;
    public int? DaysLeft => Step is not null ? Step.DaysLeft : Work!.DaysLeft;

    public static IReadOnlyList<TaskRow> Merge(IReadOnlyList<TaskItem> steps, IReadOnlyList<MyWorkItem> work, TaskSort sort)
    {
        var rows = steps.Select(s => new TaskRow(s, null)).Concat(work.Select(w => new TaskRow(null, w)));
        return sort switch
        {
            TaskSort.Case => rows.OrderBy(r => r.CaseTitle, StringComparer.Ordinal).ThenBy(r => r.Due ?? DateOnly.MaxValue).ToList(),
            // Feature work has no phase of its own: it follows the steps, by date.
            TaskSort.Phase => rows.OrderBy(r => r.Step is null ? int.MaxValue : WorkflowPhases.Order(r.Step.Phase)).ThenBy(r => r.Due ?? DateOnly.MaxValue).ToList(),
            _ => rows.OrderBy(r => r.Due ?? DateOnly.MaxValue).ThenBy(r => r.Step is null ? 0 : 1).ToList(),
        };
    }
}
