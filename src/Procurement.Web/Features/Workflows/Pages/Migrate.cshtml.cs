using Microsoft.AspNetCore.Authorization;
using Procurement.Features.Workflows.Definitions;

namespace Procurement.Features.Workflows.Pages;

/// <summary>
/// An officer (or admin) moves a case to a newer version of its definition: every step the case has
/// reached needs a target step (prefilled with the same id where the new version has it) and a reason.
/// An incomplete mapping is refused with the rule's message naming the unmapped steps.
/// </summary>
[Access(Roles.Officer, Roles.Admin, CaseRoute = "id")]
[Authorize(Policy = Policies.Officer)]
public sealed class MigrateModel(IMediator mediator, UiText t) : PageModel
{
    public sealed class MigrateInput
    {
        public long Version { get; set; }
        public int ToVersion { get; set; }
        public Dictionary<string, string?> Mapping { get; set; } = [];
        public string? Reason { get; set; }
    }

    [BindProperty] public MigrateInput Input { get; set; } = new();
    public CaseWorkflowDetails Workflow { get; private set; } = null!;
    public WorkflowDefinition? Target { get; private set; }
    public bool Stale { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? version, CancellationToken ct)
    {
        if (await mediator.Send(new CaseWorkflowQuery(id), ct) is not { } workflow) return NotFound();
        Workflow = workflow;
        Target = (version is { } v ? workflow.NewerVersions.FirstOrDefault(d => d.Version == v) : null) ?? (workflow.NewerVersions.Count > 0 ? workflow.NewerVersions[^1] : null);
        Input = new MigrateInput
        {
            Version = workflow.StreamVersion,
            ToVersion = Target?.Version ?? 0,
            Mapping = Target is null ? [] : workflow.MappingFor(Target).ToDictionary(m => m.From, m => m.SuggestedTo),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await mediator.Send(new CaseWorkflowQuery(id), ct) is not { } workflow) return NotFound();
        Workflow = workflow;
        Target = workflow.NewerVersions.FirstOrDefault(d => d.Version == Input.ToVersion);
        // Unchosen rows stay out of the mapping, so the rule names them as missing.
        var mapping = (Input.Mapping ?? []).Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value!);
        var (ok, stale) = await FormCommand.TryAsync(ModelState, t, "Input",
            () => mediator.Send(new MigrateCaseCommand(id, Input.ToVersion, mapping, Input.Reason ?? "", Input.Version), ct).AsTask());
        if (ok)
        {
            TempData["Flash"] = t.Format("手続を第{0}版へ移行しました。", Input.ToVersion);
            return Redirect($"/Cases/{id}");
        }
        Stale = stale;
        return Page();
    }
}
