using Marten.Events.Aggregation;

namespace Procurement.Features.Workflows;

/// <summary>Where a case stands in its workflow: active steps (several during a parallel track), completed steps, due dates.</summary>
public sealed class CaseWorkflowView
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public string StartedBy { get; set; } = "";
    public List<ActiveStep> Active { get; set; } = [];
    public List<CompletedStep> Completed { get; set; } = [];
    public Dictionary<string, DateOnly> Due { get; set; } = [];
    public List<WorkflowHistoryEntry> History { get; set; } = [];
    public List<ReminderEntry> Reminders { get; set; } = [];
    public Dictionary<string, bool> Facts { get; set; } = [];
    public bool Finished { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset LastChangedAt { get; set; }
    public long Version { get; set; }

    public bool IsActive(string stepId) => Active.Any(a => a.StepId == stepId);
    public bool IsCompleted(string stepId) => Completed.Any(c => c.StepId == stepId);
    public DateOnly? DueFor(string stepId) => Due.TryGetValue(stepId, out var due) ? due : null;
    public bool FactHolds(string fact) => Facts.TryGetValue(fact, out var holds) && holds;
}

public sealed record ActiveStep(string StepId, DateTimeOffset ActivatedAt);

/// <param name="Record">Set when the step completed itself from a feature's record.</param>
public sealed record CompletedStep(
    string StepId, DateTimeOffset ActivatedAt, DateTimeOffset CompletedAt, Guid ById, string ByName,
    string? Note, string? Choice, bool Skipped, RecordRef? Record = null);

public enum WorkflowHistoryKind
{
    Started,
    Completed,
    Skipped,
    SentBack,
    Migrated,
    DeadlineSet,
    FactRecorded,
    CompletedByRecord,
    ReopenedByRecord,
}

/// <summary>One line of the workflow history; send-backs and the completions they undid both stay here.</summary>
public sealed record WorkflowHistoryEntry(WorkflowHistoryKind Kind, string? StepId, string? Detail, string ByName, DateTimeOffset At);

public sealed record ReminderEntry(string StepId, Guid UserId, string UserName, DateOnly Due, bool Mailed, DateTimeOffset At);

public sealed class CaseWorkflowViewProjection : SingleStreamProjection<CaseWorkflowView, Guid>
{
    public static CaseWorkflowView Create(WorkflowStarted e) => new()
    {
        Id = e.CaseId,
        GroupId = e.GroupId,
        DefinitionId = e.DefinitionId,
        DefinitionVersion = e.Version,
        StartedAt = e.At,
        StartedBy = e.By.Name,
        Active = [.. e.Activated.Select(s => new ActiveStep(s, e.At))],
        History = [new(WorkflowHistoryKind.Started, null, $"{e.DefinitionId} v{e.Version}", e.By.Name, e.At)],
        LastChangedAt = e.At,
    };

    public static void Apply(StepCompleted e, CaseWorkflowView view)
    {
        var activatedAt = view.Active.FirstOrDefault(a => a.StepId == e.StepId)?.ActivatedAt ?? e.At;
        view.Active.RemoveAll(a => a.StepId == e.StepId);
        view.Completed.RemoveAll(c => c.StepId == e.StepId);
        view.Completed.Add(new CompletedStep(e.StepId, activatedAt, e.At, e.By.UserId, e.By.Name, e.Note, e.Choice, e.Skipped, e.Record));
        foreach (var step in e.Activated.Where(s => !view.IsActive(s) && !view.IsCompleted(s))) view.Active.Add(new ActiveStep(step, e.At));
        view.History.Add(new(e.Skipped ? WorkflowHistoryKind.Skipped : e.Record is null ? WorkflowHistoryKind.Completed : WorkflowHistoryKind.CompletedByRecord,
            e.StepId, e.Record is null ? e.Note : e.Record.Event, e.By.Name, e.At));
        if (e.WorkflowFinished)
        {
            view.Finished = true;
            view.FinishedAt = e.At;
        }
        view.LastChangedAt = e.At;
    }

    public static void Apply(CaseSentBack e, CaseWorkflowView view)
    {
        // FromStep is among Deactivated when it follows ToStep; on a parallel track it stays active.
        view.Active.RemoveAll(a => e.Deactivated.Contains(a.StepId));
        view.Completed.RemoveAll(c => e.Reopened.Contains(c.StepId));
        if (!view.IsActive(e.ToStep)) view.Active.Add(new ActiveStep(e.ToStep, e.At));
        view.History.Add(new(WorkflowHistoryKind.SentBack, e.ToStep, $"{e.FromStep} → {e.ToStep}: {e.Reason}", e.By.Name, e.At));
        view.Finished = false;
        view.FinishedAt = null;
        view.LastChangedAt = e.At;
    }

    public static void Apply(StepReopenedByRecord e, CaseWorkflowView view)
    {
        view.Completed.RemoveAll(c => c.StepId == e.StepId);
        view.Active.RemoveAll(a => e.Deactivated.Contains(a.StepId));
        if (!view.IsActive(e.StepId)) view.Active.Add(new ActiveStep(e.StepId, e.At));
        view.History.Add(new(WorkflowHistoryKind.ReopenedByRecord, e.StepId, e.Record.Event, e.By.Name, e.At));
        view.Finished = false;
        view.FinishedAt = null;
        view.LastChangedAt = e.At;
    }

    public static void Apply(CaseMigrated e, CaseWorkflowView view)
    {
        string Map(string step) => e.Mapping.TryGetValue(step, out var to) ? to : step;
        var completed = view.Completed
            .Select(c => c with { StepId = Map(c.StepId) })
            .Where(c => e.Completed.Contains(c.StepId))
            .GroupBy(c => c.StepId).Select(g => g.Last()).ToList();
        var active = e.Active.Select(s =>
            view.Active.FirstOrDefault(a => Map(a.StepId) == s) is { } old ? new ActiveStep(s, old.ActivatedAt) : new ActiveStep(s, e.At)).ToList();
        view.Completed = completed;
        view.Active = active;
        view.Due = view.Due.GroupBy(kv => Map(kv.Key)).ToDictionary(g => g.Key, g => g.Last().Value);
        view.DefinitionVersion = e.ToVersion;
        view.History.Add(new(WorkflowHistoryKind.Migrated, null, $"v{e.FromVersion} → v{e.ToVersion}: {e.Reason}", e.By.Name, e.At));
        view.LastChangedAt = e.At;
    }

    public static void Apply(StepDeadlineSet e, CaseWorkflowView view)
    {
        view.Due[e.StepId] = e.Due;
        view.History.Add(new(WorkflowHistoryKind.DeadlineSet, e.StepId, e.Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + (e.Reason is null ? "" : $": {e.Reason}"), e.By.Name, e.At));
        view.LastChangedAt = e.At;
    }

    public static void Apply(ReminderRecorded e, CaseWorkflowView view) =>
        view.Reminders.Add(new ReminderEntry(e.StepId, e.UserId, e.UserName, e.Due, e.Mailed, e.At));

    public static void Apply(CaseFactRecorded e, CaseWorkflowView view)
    {
        view.Facts[e.Fact] = e.Holds;
        view.History.Add(new(WorkflowHistoryKind.FactRecorded, null, $"{e.Fact}={(e.Holds ? "はい" : "いいえ")}" + (e.Note is null ? "" : $": {e.Note}"), e.By.Name, e.At));
        view.LastChangedAt = e.At;
    }
}

/// <summary>
/// Applies events to a view in memory with the projection's own methods, so code that decides several
/// steps in a row (demo data, simulations) sees exactly what the stored view would.
/// </summary>
public static class CaseWorkflowFold
{
    public static CaseWorkflowView? With(this CaseWorkflowView? view, IEnumerable<object> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case WorkflowStarted x: view = CaseWorkflowViewProjection.Create(x); break;
                case StepCompleted x: CaseWorkflowViewProjection.Apply(x, view!); break;
                case CaseSentBack x: CaseWorkflowViewProjection.Apply(x, view!); break;
                case StepReopenedByRecord x: CaseWorkflowViewProjection.Apply(x, view!); break;
                case CaseMigrated x: CaseWorkflowViewProjection.Apply(x, view!); break;
                case StepDeadlineSet x: CaseWorkflowViewProjection.Apply(x, view!); break;
                case ReminderRecorded x: CaseWorkflowViewProjection.Apply(x, view!); break;
                case CaseFactRecorded x: CaseWorkflowViewProjection.Apply(x, view!); break;
            }
        }
        return view;
    }
}
