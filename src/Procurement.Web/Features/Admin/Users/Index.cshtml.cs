using Procurement.Features.Account;
using Procurement.Features.Groups;
using Procurement.Features.Users;

namespace Procurement.Features.Admin.Users;

[Access(Roles.Admin)]
public sealed class IndexModel(IQuerySession session, SignInAttempts attempts) : PageModel
{
    public IReadOnlyList<UserAccount> Users { get; private set; } = [];
    public IReadOnlyList<GroupView> Groups { get; private set; } = [];
    /// <summary>Names some client is locked out of now (failures are counted per name and client).</summary>
    public IReadOnlySet<string> LockedNames { get; private set; } = new HashSet<string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Users = await session.Query<UserAccount>().OrderBy(u => u.UserName).ToListAsync(ct);
        Groups = await session.Query<GroupView>().OrderBy(g => g.Name).ToListAsync(ct);
        LockedNames = await attempts.LockedNamesAsync(ct);
    }
}
