using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Guards;
using Procurement.Features.Workflows.Runtime;

namespace Procurement.Features.Workflows;

/// <summary>A case's workflow position for its pages, with the definition it follows; null when not visible or not started.</summary>
[Access(Access.Internal)]
public sealed record CaseWorkflowQuery(Guid CaseId) : IQuery<CaseWorkflowDetails?>, ICaseRequest;

/// <param name="StreamVersion">The case stream's version: pass it back as ExpectedVersion so a stale page cannot overwrite a newer change.</param>
public sealed record CaseWorkflowDetails(
    CaseSummary Case, CaseWorkflowView Workflow, WorkflowDefinition Definition, IReadOnlyList<WorkflowDefinition> NewerVersions, long StreamVersion)
{
    /// <summary>The steps a migration to <paramref name="target"/> must map, each with the same id in the target when there is one (a suggestion for the form).</summary>
    public IReadOnlyList<(string From, string? SuggestedTo)> MappingFor(WorkflowDefinition target) =>
        MigrateCase.StepsToMap(Workflow).Select(s => (s, target.FindStep(s)?.Id)).ToList();
}

public sealed class CaseWorkflowHandler(IQuerySession session, CaseAccess access, WorkflowCatalog catalog)
    : IQueryHandler<CaseWorkflowQuery, CaseWorkflowDetails?>
{
    public async ValueTask<CaseWorkflowDetails?> Handle(CaseWorkflowQuery query, CancellationToken cancellationToken)
    {
        if (await access.FindCaseAsync(query.CaseId, cancellationToken) is not { } summary) return null;
        if (await session.LoadAsync<CaseWorkflowView>(query.CaseId, cancellationToken) is not { } view) return null;
        var definition = catalog.For(view);
        var newer = catalog.All.Where(d => d.Id == definition.Id && d.Version > definition.Version).ToList();
        var state = await session.Events.FetchStreamStateAsync(query.CaseId, cancellationToken);
        return new CaseWorkflowDetails(summary, view, definition, newer, state?.Version ?? view.Version);
    }
}

public enum StepState
{
    Waiting,
    Active,
    Completed,
    Skipped,
}

/// <summary>Everything a step page needs before the user acts: may they act, what still blocks it, where it can be sent back to.</summary>
[Access(Access.Internal)]
public sealed record StepDetailsQuery(Guid CaseId, string StepId) : IQuery<StepDetails?>, ICaseRequest;

public sealed record GuardStatus(string Name, string Description, bool Passed, string? Reason);

/// <param name="Version">The case stream's version when the page was built; send it as ExpectedVersion.</param>
public sealed record StepDetails(
    Guid CaseId,
    long Version,
    WorkflowStep Step,
    StepState State,
    CompletedStep? Completion,
    DateOnly? Due,
    bool Overdue,
    bool MayAct,
    bool CanComplete,
    bool CanSkip,
    bool CanSendBack,
    IReadOnlyList<GuardStatus> Guards,
    IReadOnlyList<StepChoice> Choices,
    IReadOnlyList<WorkflowStep> SendBackTargets,
    string? PageRoute,
    IReadOnlyList<(string TemplateId, LocalizedText Title)> Documents,
    bool LaterWorkExists = false);

public sealed class StepDetailsHandler(IQuerySession session, ICurrentUser user, WorkflowCatalog catalog, TimeProvider clock, IServiceProvider services)
    : IQueryHandler<StepDetailsQuery, StepDetails?>
{
    public async ValueTask<StepDetails?> Handle(StepDetailsQuery query, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<CaseWorkflowView>(query.CaseId, cancellationToken) is not { } view) return null;
        var definition = catalog.For(view);
        if (definition.FindStep(query.StepId) is not { } step) return null;

        var now = clock.GetUtcNow();
        var actor = WorkflowActor.From(user);
        var completion = view.Completed.FirstOrDefault(c => c.StepId == step.Id);
        // A step left open while later work was recorded can be completed or skipped where it stands.
        var laterWork = RecordedWork.LaterWorkExists(definition, view).Contains(step.Id);
        var state = completion is not null ? (completion.Skipped ? StepState.Skipped : StepState.Completed)
            : view.IsActive(step.Id) || laterWork ? StepState.Active : StepState.Waiting;
        var results = state == StepState.Active
            ? await WorkflowGuards.EvaluateAsync(session, services, definition, view, step, now, cancellationToken)
            : new Dictionary<string, GuardResult>();
        var guards = step.Guards.Select(g => results.TryGetValue(g, out var r)
            ? new GuardStatus(g, WorkflowGuards.Get(g).Description, r.Passed, r.Reason)
            : new GuardStatus(g, WorkflowGuards.Get(g).Description, state is StepState.Completed or StepState.Skipped, null)).ToList();
        var mayAct = actor.MayAct(step);
        var sendBackTargets = state == StepState.Active && view.IsActive(step.Id) && actor.IsOfficer
            ? definition.Steps.Where(s => view.IsCompleted(s.Id) && WorkflowRuntime.CanSendBack(definition, step.Id, s.Id)).ToList()
            : [];
        var due = view.DueFor(step.Id);
        // The view's own Version only moves with workflow events; other case events (CaseDetailsChanged) move the stream too.
        var streamVersion = (await session.Events.FetchStreamStateAsync(view.Id, cancellationToken))?.Version ?? view.Version;

        return new StepDetails(
            view.Id, streamVersion, step, state, completion, due,
            state == StepState.Active && due < WorkflowClock.Today(now),
            mayAct,
            state == StepState.Active && mayAct && guards.All(g => g.Passed),
            state == StepState.Active && (step.Optional ? mayAct : actor.IsOfficer),
            sendBackTargets.Count > 0,
            guards, step.Choice, sendBackTargets, WorkflowPages.Find(step.Page)?.UrlFor(view.Id, step.Id),
            step.Documents.Select(d => (d, WorkflowTemplates.Known[d])).ToList(),
            laterWork);
    }
}
