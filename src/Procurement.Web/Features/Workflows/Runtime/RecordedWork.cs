using Procurement.Features.Workflows.Definitions;

namespace Procurement.Features.Workflows.Runtime;

/// <summary>A feature's event as the workflow sees it: what it is, where it is stored, who recorded it and when.</summary>
public sealed record WorkRecord(object Data, Guid StreamId, Guid EventId, Actor By, DateTimeOffset At)
{
    public RecordRef Ref => new(Data.GetType().Name, StreamId, EventId);
}

/// <summary>
/// Pure rules for steps that follow the work: a record named in a step's <c>completedBy</c> completes it (whether the
/// flow had reached it or not), one named in <c>reopenedBy</c> reopens it. Steps before a completed step that are still
/// open are not passed silently: <see cref="LaterWorkExists"/> names them, and the case pages flag them.
/// </summary>
public static class RecordedWork
{
    /// <summary>
    /// The workflow events the records call for, in order; each is folded onto <paramref name="view"/> (which this
    /// changes) so the next record sees it.
    /// </summary>
    public static IReadOnlyList<object> Decide(CaseWorkflowView view, WorkflowDefinition definition, IEnumerable<WorkRecord> records)
    {
        var all = new List<object>();
        foreach (var record in records)
        {
            var events = new List<object>();
            foreach (var step in definition.Steps.Where(s => view.Completed.Any(c => c.StepId == s.Id && !c.Skipped) && s.ReopenedBy.Any(r => WorkflowRecordTypes.Matches(r, record.Data))))
            {
                events.Add(Reopen(view, definition, step, record));
                view.With(events[^1..]);
            }
            foreach (var step in definition.Steps)
            {
                if (view.Finished || view.IsCompleted(step.Id)) continue;
                if (step.CompletedBy.FirstOrDefault(r => WorkflowRecordTypes.Matches(r, record.Data)) is not { } matched) continue;
                var completed = Complete(view, definition, step, matched.Choice, record);
                events.AddRange(completed);
                view.With(completed);
            }
            all.AddRange(events);
        }
        return all;
    }

    /// <summary>
    /// The case's records so far, oldest first, when a workflow starts or migrates on a case that already has history:
    /// a step completes from its latest completing record unless a reopening record came after it (a reversal in the
    /// past is not replayed as a reopening).
    /// </summary>
    public static IReadOnlyList<object> CatchUp(CaseWorkflowView view, WorkflowDefinition definition, IReadOnlyList<WorkRecord> history)
    {
        var standing = new List<(int Index, WorkflowStep Step, StepRecord Matched)>();
        foreach (var step in definition.Steps)
        {
            for (var i = history.Count - 1; i >= 0; i--)
            {
                if (step.ReopenedBy.Any(r => WorkflowRecordTypes.Matches(r, history[i].Data))) break;
                if (step.CompletedBy.FirstOrDefault(r => WorkflowRecordTypes.Matches(r, history[i].Data)) is { } matched)
                {
                    standing.Add((i, step, matched));
                    break;
                }
            }
        }
        var events = new List<object>();
        foreach (var (index, step, matched) in standing.OrderBy(x => x.Index).ThenBy(x => definition.Steps.IndexOf(x.Step)))
        {
            if (view.Finished || view.IsCompleted(step.Id)) continue;
            var completed = Complete(view, definition, step, matched.Choice, history[index]);
            events.AddRange(completed);
            view.With(completed);
        }
        return events;
    }

    private static List<object> Complete(CaseWorkflowView view, WorkflowDefinition definition, WorkflowStep step, string? choice, WorkRecord record)
    {
        var completedAfter = view.Completed.Select(x => x.StepId).Append(step.Id).ToHashSet(StringComparer.Ordinal);
        var activeAfter = view.Active.Select(x => x.StepId).Where(s => s != step.Id).ToHashSet(StringComparer.Ordinal);
        var activated = WorkflowRuntime.ActivatedBy(definition, step, choice, completedAfter, activeAfter);
        var finished = activeAfter.Count == 0 && activated.Count == 0;
        var events = new List<object>
        {
            new StepCompleted(view.Id, step.Id, null, choice, false, activated, finished, record.By, record.At, record.Ref),
        };
        events.AddRange(WorkflowRuntime.DeadlinesStartedBy(definition, step, view.Id, completedAfter, record.By, record.At));
        return events;
    }

    private static StepReopenedByRecord Reopen(CaseWorkflowView view, WorkflowDefinition definition, WorkflowStep step, WorkRecord record)
    {
        // Stop what only this step had started; a step that later work (another completed step) leads to stays active.
        var after = definition.Downstream(step.Id);
        var laterDone = view.Completed.Select(c => c.StepId).Where(c => c != step.Id && after.Contains(c)).ToList();
        var deactivated = view.Active.Select(a => a.StepId)
            .Where(a => after.Contains(a) && !laterDone.Any(c => definition.Downstream(c).Contains(a)))
            .ToList();
        return new StepReopenedByRecord(view.Id, step.Id, record.Ref, deactivated, record.By, record.At);
    }

    /// <summary>Steps not completed although a step after them is: work was recorded out of order and these are still open.</summary>
    public static IReadOnlyList<string> LaterWorkExists(WorkflowDefinition definition, CaseWorkflowView view) =>
        definition.Steps
            .Where(s => !view.IsCompleted(s.Id) && definition.Downstream(s.Id).Any(view.IsCompleted))
            .Select(s => s.Id)
            .ToList();

    /// <summary>The case's current steps: active steps with no completed work after them (the flagged ones are listed apart).</summary>
    public static IReadOnlyList<string> Current(WorkflowDefinition definition, CaseWorkflowView view)
    {
        var flagged = LaterWorkExists(definition, view);
        return view.Active.Select(a => a.StepId).Where(s => !flagged.Contains(s)).ToList();
    }
}

/// <summary>Reads the records a case already has, from every stream of the case, in the order they were stored.</summary>
public static class CaseRecords
{
    public static async Task<IReadOnlyList<WorkRecord>> LoadAsync(Marten.IQuerySession session, Guid caseId, CancellationToken ct)
    {
        var evaluation = Evaluation.EvaluationStreams.Evaluation(caseId);
        var members = (await session.LoadAsync<Evaluation.EvaluationView>(evaluation, ct))?.Members.Select(m => m.MemberId) ?? [];
        var streams = new List<Guid> { caseId, evaluation, Contracts.ContractStreams.DossierId(caseId) };
        streams.AddRange(members.Select(m => Evaluation.EvaluationStreams.ScoreSheet(caseId, m)));
        var ids = streams.ToArray();
        var events = await Marten.QueryableExtensions.ToListAsync(
            session.Events.QueryAllRawEvents().Where(e => ids.Contains(e.StreamId)).OrderBy(e => e.Sequence), ct);
        return events
            .Where(e => e.Data is IAuditedEvent && e.Data.GetType().Namespace != typeof(WorkflowStarted).Namespace)
            .Select(e => new WorkRecord(e.Data, e.StreamId, e.Id, ((IAuditedEvent)e.Data).By, ((IAuditedEvent)e.Data).At))
            .ToList();
    }
}
