using Procurement.Features.Groups;
using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Pages;

namespace Procurement.Features.Cases;

/// <summary>The case page: its header and its timeline. Members of the case's group only; everyone else gets 404.</summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class DetailModel(IQuerySession session, UiText t, IMediator mediator, WorkflowCatalog catalog,
    Contracts.ContractAccess contracts) : CasePageModel
{
    public GroupView Group { get; private set; } = null!;
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];
    public CaseWorkflowPanel Workflow { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Group = (await session.LoadAsync<GroupView>(Case.GroupId, ct))!;
        Workflow = await CaseWorkflowPanel.LoadAsync(mediator, catalog, id, User.IsInRole(Roles.Officer) || User.IsInRole(Roles.Admin), ct);
        var timeline = await CaseTimeline.LoadAsync(session, id, t, new TimelineContext(Workflow.Workflow?.Definition), ct: ct);
        // The contract dossier keeps a stream of its own, but its versions and reviews are part of the case's story: the
        // timeline shows them beside the workflow step they complete, to whoever may read the drafts.
        if (await contracts.CanReadDraftsAsync(id, ct))
        {
            var dossier = await CaseTimeline.LoadAsync(session, Contracts.ContractStreams.DossierId(id), t, ct: ct);
            timeline = [.. timeline.Concat(dossier).OrderBy(e => e.At)];
        }
        Timeline = timeline;
        return Page();
    }
}
