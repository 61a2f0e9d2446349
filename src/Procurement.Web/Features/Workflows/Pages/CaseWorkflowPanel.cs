using Mediator;
using Procurement.Features.Workflows.Definitions;

namespace Procurement.Features.Workflows.Pages;

/// <summary>
/// What the case page shows about the workflow (partial _CaseWorkflow): the active steps with who may
/// act, due date and guard status; or, before the workflow starts, the definitions an officer can start.
/// </summary>
public sealed record CaseWorkflowPanel(
    Guid CaseId, CaseWorkflowDetails? Workflow, IReadOnlyList<StepDetails> ActiveSteps, IReadOnlyList<WorkflowDefinition> Definitions, bool IsOfficer)
{
    public static async Task<CaseWorkflowPanel> LoadAsync(IMediator mediator, WorkflowCatalog catalog, Guid caseId, bool isOfficer, CancellationToken ct)
    {
        var workflow = await mediator.Send(new CaseWorkflowQuery(caseId), ct);
        var steps = new List<StepDetails>();
        foreach (var active in workflow?.Workflow.Active ?? [])
        {
            if (await mediator.Send(new StepDetailsQuery(caseId, active.StepId), ct) is { } details) steps.Add(details);
        }
        return new CaseWorkflowPanel(caseId, workflow, steps, catalog.All, isOfficer);
    }
}
