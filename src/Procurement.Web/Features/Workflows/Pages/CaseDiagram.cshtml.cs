using Procurement.Features.Workflows.Diagrams;

namespace Procurement.Features.Workflows.Pages;

/// <summary>The case's workflow as a diagram: completed steps marked, current ones highlighted. Printable.</summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class CaseDiagramModel(IMediator mediator) : PageModel
{
    public CaseWorkflowDetails Workflow { get; private set; } = null!;
    public DiagramResult Diagram { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await mediator.Send(new CaseWorkflowQuery(id), ct) is not { } workflow) return NotFound();
        Workflow = workflow;
        Diagram = await mediator.Send(new CaseDiagramQuery(id, UiText.IsEnglish ? "en" : "ja"), ct) ?? new DiagramResult(null, null);
        return Page();
    }
}
