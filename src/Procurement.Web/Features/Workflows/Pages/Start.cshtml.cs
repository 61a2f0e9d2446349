using Microsoft.AspNetCore.Authorization;
using Procurement.Features.Workflows.Definitions;

namespace Procurement.Features.Workflows.Pages;

/// <summary>An officer starts the case's workflow on a chosen definition and version (the case page carries the same form).</summary>
[Access(Roles.Officer, Roles.Admin, CaseRoute = "id")]
[Authorize(Policy = Policies.Officer)]
public sealed class StartModel(IMediator mediator, WorkflowCatalog catalog, UiText t) : CasePageModel
{
    /// <summary>"definition-id:version", as the select sends it.</summary>
    [BindProperty] public string? Definition { get; set; }
    public IReadOnlyList<WorkflowDefinition> Definitions => catalog.StartChoices;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await mediator.Send(new CaseWorkflowQuery(id), ct) is not null) return Redirect($"/Cases/{id}");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var parts = (Definition ?? "").Split(':', 2);
        var definitionId = parts[0];
        int? version = parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        // A second start (another officer was quicker) is refused by the rule itself, with a message naming the running workflow.
        if (await SendFormAsync(t, nameof(Definition), () => mediator.Send(new StartWorkflowCommand(id, definitionId, version), ct).AsTask(),
            t["手続を開始しました。"], $"/Cases/{id}") is { } sent) return sent;
        if (ModelState.TryGetValue("Definition.DefinitionId", out var entry))
        {
            foreach (var e in entry.Errors) ModelState.AddModelError(nameof(Definition), e.ErrorMessage);
            ModelState.Remove("Definition.DefinitionId");
        }
        return Page();
    }
}
