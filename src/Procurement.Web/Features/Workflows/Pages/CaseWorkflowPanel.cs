using Procurement.Features.Workflows.Definitions;

namespace Procurement.Features.Workflows.Pages;

/// <summary>
/// What the case page shows about the workflow (partial _CaseWorkflow): the current steps (active, with no recorded
/// work after them) with who may act, due date and guard status; apart from them, steps still open although later work
/// was recorded (out of order); or, before the workflow starts, the definitions an officer can start.
/// </summary>
public sealed record CaseWorkflowPanel(
    Guid CaseId, CaseWorkflowDetails? Workflow, IReadOnlyList<StepDetails> ActiveSteps, IReadOnlyList<WorkflowDefinition> Definitions, bool IsOfficer,
    IReadOnlyList<StepDetails>? OpenEarlier = null)
{
    public IReadOnlyList<StepDetails> Flagged => OpenEarlier ?? [];

    public static async Task<CaseWorkflowPanel> LoadAsync(IMediator mediator, WorkflowCatalog catalog, Guid caseId, bool isOfficer, CancellationToken ct)
    {
        var workflow = await mediator.Send(new CaseWorkflowQuery(caseId), ct);
        var current = new List<StepDetails>();
        var flagged = new List<StepDetails>();
        if (workflow is not null)
        {
            foreach (var stepId in Runtime.RecordedWork.Current(workflow.Definition, workflow.Workflow))
            {
                if (await mediator.Send(new StepDetailsQuery(caseId, stepId), ct) is { } details) current.Add(details);
            }
            foreach (var stepId in Runtime.RecordedWork.LaterWorkExists(workflow.Definition, workflow.Workflow))
            {
                if (await mediator.Send(new StepDetailsQuery(caseId, stepId), ct) is { } details) flagged.Add(details);
            }
        }
        return new CaseWorkflowPanel(caseId, workflow, current, catalog.StartChoices, isOfficer, flagged);
    }
}
