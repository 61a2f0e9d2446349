using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Diagrams;

namespace Procurement.Features.Workflows.Pages;

/// <summary>A workflow definition as a diagram with its step list; every signed-in user may read the definitions.</summary>
[Access(Access.Internal, Reason = "workflow definitions are the same for every group and hold no case data")]
public sealed class DefinitionModel(IMediator mediator, WorkflowCatalog catalog) : PageModel
{
    public WorkflowDefinition Definition { get; private set; } = null!;
    public IReadOnlyList<WorkflowDefinition> Versions { get; private set; } = [];
    public DiagramResult Diagram { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, int version, CancellationToken ct)
    {
        if (catalog.Find(id, version) is not { } definition) return NotFound();
        Definition = definition;
        Versions = catalog.All.Where(d => d.Id == id).ToList();
        Diagram = await mediator.Send(new DefinitionDiagramQuery(id, version, UiText.IsEnglish ? "en" : "ja"), ct) ?? new DiagramResult(null, null);
        return Page();
    }
}
