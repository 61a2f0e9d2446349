using Procurement.Infrastructure.Database;
using Procurement.Features.Groups;

namespace Procurement.Infrastructure.Auth;

/// <summary>
/// Case membership: a user sees a case only if they belong to its group. Pages answer 404 for
/// everything else, so a user of another group cannot even learn that a case exists.
/// The case and its group are read once per request (<see cref="Database.SessionDocuments"/>): the page filter, the
/// mediator's access rule and the queries all ask.
/// </summary>
public sealed class CaseAccess(IQuerySession session, ICurrentUser user)
{
    public async Task<CaseSummary?> FindCaseAsync(Guid caseId, CancellationToken ct = default)
    {
        var summary = await session.LoadOnceAsync<CaseSummary>(caseId, ct);
        if (summary is null) return null;
        return await IsGroupMemberAsync(summary.GroupId, ct) ? summary : null;
    }

    public async Task<bool> IsGroupMemberAsync(Guid groupId, CancellationToken ct = default)
    {
        var group = await session.LoadOnceAsync<GroupView>(groupId, ct);
        return group is not null && group.UserIds.Contains(user.Id);
    }

    public async Task<IReadOnlyList<GroupView>> MyGroupsAsync(CancellationToken ct = default)
    {
        var id = user.Id;
        return await session.Query<GroupView>().Where(g => g.UserIds.Contains(id)).OrderBy(g => g.Name).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<CaseSummary>> MyCasesAsync(CancellationToken ct = default)
    {
        var groupIds = (await MyGroupsAsync(ct)).Select(g => g.Id).ToArray();
        if (groupIds.Length == 0) return [];
        return await session.Query<CaseSummary>().Where(c => groupIds.Contains(c.GroupId)).OrderByDescending(c => c.OpenedAt).ToListAsync(ct);
    }
}
