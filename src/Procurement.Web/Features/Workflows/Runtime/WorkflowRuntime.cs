using Procurement.Features.Workflows.Definitions;

namespace Procurement.Features.Workflows.Runtime;

/// <summary>Pure rules of how a definition moves a case: what a completion activates, what a send-back reopens.</summary>
public static class WorkflowRuntime
{
    /// <summary>Steps that become active when <paramref name="step"/> completes; a join waits until all its inputs are done.</summary>
    public static IReadOnlyList<string> ActivatedBy(
        WorkflowDefinition definition, WorkflowStep step, string? choice, IReadOnlySet<string> completedAfter, IReadOnlySet<string> activeAfter)
    {
        var targets = step.Next.Concat(step.Fork).Concat(step.Choice.Where(c => c.To == choice).Select(c => c.To));
        return targets
            .Where(t => !activeAfter.Contains(t) && !completedAfter.Contains(t))
            .Where(t => definition.Step(t) is var target && (!target.IsJoin || target.Join.All(completedAfter.Contains)))
            .Distinct()
            .ToList();
    }

    /// <summary>Rule-based due dates that start counting when <paramref name="completed"/> completes.</summary>
    public static IEnumerable<StepDeadlineSet> DeadlinesStartedBy(
        WorkflowDefinition definition, WorkflowStep completed, Guid caseId, IReadOnlySet<string> completedAfter, Actor by, DateTimeOffset now)
    {
        var today = WorkflowClock.Today(now);
        foreach (var step in definition.StepsTimedFrom(completed.Id).Where(s => !completedAfter.Contains(s.Id)))
        {
            var duration = CalendarDuration.Parse(step.Deadline!.Duration!);
            yield return new StepDeadlineSet(caseId, step.Id, duration.AddTo(today),
                $"「{completed.Title.Ja}」の完了から{duration.ToJapanese()}", by, now);
        }
    }

    /// <summary>
    /// A case can be sent back from <paramref name="from"/> to <paramref name="to"/> when <paramref name="to"/> lies
    /// before it, or on a parallel track that joins it later (an ordinance amendment found wanting while the
    /// specification is still being written): the finished track is reopened and <paramref name="from"/> stays active.
    /// </summary>
    public static bool CanSendBack(WorkflowDefinition definition, string from, string to)
    {
        var afterTo = definition.Downstream(to);
        if (afterTo.Contains(from)) return true;
        var afterFrom = definition.Downstream(from);
        return !afterFrom.Contains(to) && afterTo.Any(s => afterFrom.Contains(s) && definition.Step(s).IsJoin);
    }

    public sealed record SendBackPlan(IReadOnlyList<string> Reopened, IReadOnlyList<string> Deactivated);

    /// <summary>
    /// Sending back to <paramref name="to"/> reopens it and every completed step after it, and stops the
    /// active steps after it. A parallel track that does not follow <paramref name="to"/> keeps its progress.
    /// </summary>
    public static SendBackPlan PlanSendBack(WorkflowDefinition definition, CaseWorkflowView view, string to)
    {
        var after = definition.Downstream(to);
        var reopened = view.Completed.Select(c => c.StepId).Where(s => s == to || after.Contains(s)).ToList();
        var deactivated = view.Active.Select(a => a.StepId).Where(after.Contains).ToList();
        return new(reopened, deactivated);
    }
}
