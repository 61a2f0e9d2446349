using Procurement.Features.Groups;
using Procurement.Features.Wizards;
using Procurement.Features.Workflows.Tasks;

namespace Procurement.Features;

[Access(Access.Internal, Reason = "the start page lists only the user's own groups and cases (CaseAccess)")]
public sealed class IndexModel(CaseAccess access, WizardDraftStore drafts, ICurrentUser user, IMediator mediator) : PageModel
{
    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];
    public IReadOnlyList<GroupView> Groups { get; private set; } = [];
    public IReadOnlyList<WizardDraft> Drafts { get; private set; } = [];
    /// <summary>The user's pending actions (the same list as 「自分のタスク」), soonest first.</summary>
    public IReadOnlyList<TaskRow> Tasks { get; private set; } = [];

    /// <summary>How many rows the start page shows before pointing to the full list.</summary>
    public const int TaskRowsShown = 8;

    public string GroupName(Guid id) => Groups.FirstOrDefault(g => g.Id == id)?.Name ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Groups = await access.MyGroupsAsync(ct);
        Cases = await access.MyCasesAsync(ct);
        Drafts = await drafts.ForUserAsync(user.Id, ct);
        Tasks = TaskRow.Merge(await mediator.Send(new MyTasksQuery(), ct), await mediator.Send(new MyWorkQuery(), ct), TaskSort.Due);
    }
}
