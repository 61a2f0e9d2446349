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
    /// <summary>One page of the case's story, newest first (a long case reads as fast as a new one).</summary>
    public TimelinePage Timeline { get; private set; } = new([], 1, TimelinePaging.DefaultSize, 0);
    public CaseWorkflowPanel Workflow { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        Group = (await session.LoadAsync<GroupView>(Case.GroupId, ct))!;
        Workflow = await CaseWorkflowPanel.LoadAsync(mediator, catalog, id, User.IsInRole(Roles.Officer) || User.IsInRole(Roles.Admin), ct);
        // The contract dossier keeps a stream of its own, but its versions and reviews are part of the case's story: the
        // timeline shows them among the case's records, to whoever may read the drafts.
        Guid[] streams = await contracts.CanReadDraftsAsync(id, ct) ? [id, Contracts.ContractStreams.DossierId(id)] : [id];
        Timeline = await CaseTimeline.LoadAsync(session, streams, TimelinePaging.Page(page), t, new TimelineContext(Workflow.Workflow?.Definition), ct);
        return Page();
    }
}
