using Procurement.Features.Workflows.Tasks;

namespace Procurement.Features.Workflows.Pages;

/// <summary>「自分のタスク」: the steps waiting for the signed-in user across their cases, sortable by due date, case or phase.</summary>
[Access(Access.Internal, Reason = "the task list shows only cases of the user's own groups (CaseAccess)")]
public sealed class TasksModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<TaskItem> Tasks { get; private set; } = [];
    /// <summary>The steps and every feature's pending actions in one list.</summary>
    public IReadOnlyList<TaskRow> Rows { get; private set; } = [];
    public TaskSort Sort { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? sort, CancellationToken ct)
    {
        Sort = Enum.TryParse<TaskSort>(sort, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : TaskSort.Due;
        Tasks = await mediator.Send(new MyTasksQuery(Sort), ct);
        Rows = TaskRow.Merge(Tasks, await mediator.Send(new MyWorkQuery(), ct), Sort);
        return Page();
    }
}
