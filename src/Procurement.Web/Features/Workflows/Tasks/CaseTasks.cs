using JasperFx.Events;
using Marten.Services;
using Procurement.Features.Groups;
using Procurement.Features.Users;
using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Runtime;

namespace Procurement.Features.Workflows.Tasks;

/// <summary>Every pending action on one case: the features' tasks (<see cref="ITaskSource"/>) and the workflow steps.</summary>
public sealed class CaseTasks(IEnumerable<ITaskSource> sources, WorkflowCatalog catalog)
{
    public async Task<IReadOnlyList<PendingTask>> FeatureTasksAsync(IQuerySession session, CaseSummary summary, IReadOnlyList<TaskUser> users, DateOnly today, CancellationToken ct)
    {
        if (users.Count == 0) return [];
        var workflow = await session.LoadAsync<CaseWorkflowView>(summary.Id, ct);
        var definition = workflow is null ? null : catalog.Find(workflow.DefinitionId, workflow.DefinitionVersion);
        var context = new TaskContext(session, summary, users, today, workflow, definition);
        var tasks = new List<PendingTask>();
        foreach (var source in sources) tasks.AddRange(await source.PendingAsync(context, ct));
        return tasks;
    }

    /// <summary>The workflow steps the user may act on (the same rule as the step rows of 「自分のタスク」).</summary>
    public IReadOnlyList<TaskItem> Steps(CaseSummary summary, CaseWorkflowView? workflow, TaskUser user, DateOnly today) =>
        workflow is null ? [] : MyTasks.Build([(summary, workflow)], catalog, new WorkflowActor(new Actor(user.Id, user.Name), user.Roles), today);

    /// <summary>The group's active internal users: the people a case's tasks can be for.</summary>
    public static async Task<IReadOnlyList<TaskUser>> UsersOfGroupAsync(IQuerySession session, Guid groupId, CancellationToken ct)
    {
        var group = await session.LoadAsync<GroupView>(groupId, ct);
        if (group is null || group.UserIds.Count == 0) return [];
        var accounts = await session.LoadManyAsync<UserAccount>(ct, group.UserIds);
        return accounts.Where(a => a.IsActive && !a.Roles.Any(Roles.External.Contains))
            .Select(a => new TaskUser(a.Id, a.DisplayName, a.Roles.ToHashSet(StringComparer.Ordinal))).ToList();
    }

    public static TaskUser From(ICurrentUser user) =>
        new(user.Id, user.Actor.Name, Roles.All.Where(user.IsInRole).ToHashSet(StringComparer.Ordinal));
}

/// <summary>「自分のタスク」 beyond the workflow steps: what each feature is waiting for from the signed-in user, across their cases.</summary>
[Access(Access.Internal)]
public sealed record MyWorkQuery : IQuery<IReadOnlyList<MyWorkItem>>;

public sealed record MyWorkItem(PendingTask Task, string CaseTitle, int? DaysLeft, bool Overdue, bool DueSoon);

public sealed class MyWorkHandler(IQuerySession session, CaseAccess access, ICurrentUser user, CaseTasks tasks, TimeProvider clock)
    : IQueryHandler<MyWorkQuery, IReadOnlyList<MyWorkItem>>
{
    public async ValueTask<IReadOnlyList<MyWorkItem>> Handle(MyWorkQuery query, CancellationToken cancellationToken)
    {
        var me = CaseTasks.From(user);
        var today = WorkflowClock.Today(clock);
        var items = new List<MyWorkItem>();
        foreach (var summary in await access.MyCasesAsync(cancellationToken))
        {
            foreach (var task in await tasks.FeatureTasksAsync(session, summary, [me], today, cancellationToken))
            {
                if (task.UserId != me.Id) continue;
                int? daysLeft = task.Due is { } d ? d.DayNumber - today.DayNumber : null;
                items.Add(new MyWorkItem(task, summary.Title, daysLeft, daysLeft < 0, daysLeft is >= 0 and <= 7));
            }
        }
        return items.OrderBy(i => i.Task.Due ?? DateOnly.MaxValue).ThenBy(i => i.CaseTitle, StringComparer.Ordinal).ToList();
    }
}

/// <summary>
/// The navigation's count: one row per (case, user) with the number of that user's pending actions on the case, kept up
/// to date by <see cref="TaskCountListener"/> after every save with events and by the reminder schedule (for what
/// changes with the date alone). The layout reads the user's rows, never the features' data.
/// </summary>
public sealed class TaskCount
{
    public string Id { get; set; } = "";
    public Guid UserId { get; set; }
    public Guid CaseId { get; set; }
    public int Count { get; set; }
    public DateTimeOffset At { get; set; }

    public static string IdFor(Guid caseId, Guid userId) => $"{caseId:N}:{userId:N}";
}

public sealed class TaskCountRefresher(IDocumentStore store, CaseTasks tasks, TimeProvider clock, ILogger<TaskCountRefresher> logger)
{
    public async Task RefreshAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct = default)
    {
        if (caseIds.Count == 0) return;
        var now = clock.GetUtcNow();
        var today = WorkflowClock.Today(now);
        // One session for reading and writing: it runs inside the request that saved, so it adds as little as it can
        // to what that request holds.
        await using var write = store.LightweightSession();
        IQuerySession query = write;
        foreach (var caseId in caseIds)
        {
            var summary = await query.LoadAsync<CaseSummary>(caseId, ct);
            if (summary is null) continue;
            var users = await CaseTasks.UsersOfGroupAsync(query, summary.GroupId, ct);
            var work = await tasks.FeatureTasksAsync(query, summary, users, today, ct);
            var workflow = await query.LoadAsync<CaseWorkflowView>(caseId, ct);
            foreach (var user in users)
            {
                var count = work.Count(t => t.UserId == user.Id) + tasks.Steps(summary, workflow, user, today).Count;
                write.Store(new TaskCount { Id = TaskCount.IdFor(caseId, user.Id), UserId = user.Id, CaseId = caseId, Count = count, At = now });
            }
            var current = users.Select(u => u.Id).ToArray();
            write.DeleteWhere<TaskCount>(c => c.CaseId == caseId && !current.Contains(c.UserId));
        }
        await write.SaveChangesAsync(ct);
        logger.LogDebug("Task counts refreshed for {Cases} case(s)", caseIds.Count);
    }

    public async Task RefreshAllAsync(CancellationToken ct = default)
    {
        await using var query = store.QuerySession();
        var ids = await query.Query<CaseSummary>().Select(c => c.Id).ToListAsync(ct);
        await RefreshAsync(ids.ToList(), ct);
    }
}

/// <summary>Reads the signed-in user's count for the navigation: one indexed query, no feature data.</summary>
public sealed class TaskCountReader(IServiceProvider services, ICurrentUser user)
{
    public async Task<int?> ForCurrentUserAsync(CancellationToken ct = default)
    {
        if (user.Id == Guid.Empty) return null;
        // Resolved only for a signed-in user: the layout of the sign-in page must not build the document store.
        var session = services.GetRequiredService<IQuerySession>();
        var id = user.Id;
        var counts = await session.Query<TaskCount>().Where(c => c.UserId == id).Select(c => c.Count).ToListAsync(ct);
        return counts.Sum();
    }
}

/// <summary>
/// After a save that appended events about cases, recounts those cases' tasks. It runs after the commit, so the count
/// reads what was just saved; a failure is logged and never undoes the user's save (the schedule recounts everything).
/// </summary>
public sealed class TaskCountListener(Func<TaskCountRefresher> refresher, Func<ILogger<TaskCountListener>> logger) : DocumentSessionListenerBase
{
    public override async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var events = commit.GetEvents().Where(e => e.Data is not ITaskCountNeutral).ToList();
        if (events.Count == 0) return;
        var caseIds = new HashSet<Guid>();
        foreach (var e in events)
        {
            if (e.Data.GetType().GetProperty("CaseId")?.GetValue(e.Data) is Guid caseId) caseIds.Add(caseId);
            else if (e.Data is Contracts.ContractDossierOpened opened) caseIds.Add(opened.CaseId);
            else if (e.StreamId != Guid.Empty && e.Data.GetType().Namespace == typeof(Contracts.ContractDossierOpened).Namespace)
            {
                // The dossier's events name their dossier, whose document says which case it belongs to.
                if ((await session.LoadAsync<Contracts.ContractDossier>(e.StreamId, token))?.CaseId is { } dossierCase) caseIds.Add(dossierCase);
            }
            else if (e.Data is CaseOpened || e.Data.GetType().Namespace == typeof(WorkflowStarted).Namespace) caseIds.Add(e.StreamId);
        }
        if (caseIds.Count == 0) return;
        try
        {
            await refresher().RefreshAsync(caseIds, token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger().LogWarning(ex, "Task counts could not be refreshed for {Cases} case(s); the next scheduled run recounts them", caseIds.Count);
        }
    }
}
