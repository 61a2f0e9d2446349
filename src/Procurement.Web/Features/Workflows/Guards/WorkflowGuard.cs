using Procurement.Features.Workflows.Definitions;

namespace Procurement.Features.Workflows.Guards;

/// <summary>
/// What a guard may look at: the case id, the workflow position, the case stream's events, a query
/// session for read models other features add, the clock, and the service provider for anything else.
/// </summary>
public sealed record GuardContext(
    Guid CaseId,
    string StepId,
    WorkflowDefinition Definition,
    CaseWorkflowView Workflow,
    IReadOnlyList<object> CaseEvents,
    IQuerySession Session,
    DateTimeOffset Now,
    IServiceProvider Services);

public sealed record GuardResult(bool Passed, string? Reason = null)
{
    public static readonly GuardResult Pass = new(true);

    public static GuardResult Fail(string reason) => new(false, reason);

    /// <summary>
    /// The unmet guard as a reason of a refusal. Guards run (and may query the database) before the decision, in the
    /// reader's language already, so their reason goes in as it is.
    /// </summary>
    public Infrastructure.Events.Reason Unmet(string name) => Infrastructure.Events.Reason.Verbatim(Reason ?? name);
}

/// <summary>
/// A named condition a workflow step can require (its "guards" list). Each guard is a class with a
/// parameterless constructor in this assembly, found by reflection, so the app and the CLI validator
/// know exactly the same names. A feature that can check a condition for real replaces the class
/// with the same <see cref="Name"/>; names must stay unique.
/// </summary>
public interface IWorkflowGuard
{
    string Name { get; }

    /// <summary>What must hold, in Japanese, shown to users beside the step.</summary>
    string Description { get; }

    ValueTask<GuardResult> EvaluateAsync(GuardContext context, CancellationToken ct);
}

public static class WorkflowGuards
{
    private static readonly Lazy<IReadOnlyDictionary<string, IWorkflowGuard>> Guards = new(() =>
        typeof(IWorkflowGuard).Assembly.GetTypes()
            .Where(t => typeof(IWorkflowGuard).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IWorkflowGuard)Activator.CreateInstance(t)!)
            .ToDictionary(g => g.Name, StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, IWorkflowGuard> All => Guards.Value;

    public static bool IsKnown(string name) => All.ContainsKey(name);

    public static IWorkflowGuard Get(string name) => All.TryGetValue(name, out var guard)
        ? guard
        : throw new KeyNotFoundException($"ガード「{name}」は実装されていません。");

    /// <summary>Evaluates every guard of a step; used before a completion and to show users what still blocks a step.</summary>
    public static async Task<IReadOnlyDictionary<string, GuardResult>> EvaluateAsync(
        IQuerySession session, IServiceProvider services, WorkflowDefinition definition, CaseWorkflowView view, WorkflowStep step,
        DateTimeOffset now, CancellationToken ct)
    {
        var results = new Dictionary<string, GuardResult>(StringComparer.Ordinal);
        if (step.Guards.Count == 0) return results;
        var caseEvents = (await session.Events.FetchStreamAsync(view.Id, token: ct)).Select(e => e.Data).ToList();
        var context = new GuardContext(view.Id, step.Id, definition, view, caseEvents, session, now, services);
        foreach (var name in step.Guards)
        {
            results[name] = await Get(name).EvaluateAsync(context, ct);
        }
        return results;
    }
}
