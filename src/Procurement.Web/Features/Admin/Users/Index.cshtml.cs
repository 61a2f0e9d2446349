using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Procurement.Features.Groups;
using Procurement.Features.Users;
using Procurement.Infrastructure.Auth;

namespace Procurement.Features.Admin.Users;

[Access(Roles.Admin)]
public sealed class IndexModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UserAccount> Users { get; private set; } = [];
    public IReadOnlyList<GroupView> Groups { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Users = await session.Query<UserAccount>().OrderBy(u => u.UserName).ToListAsync(ct);
        Groups = await session.Query<GroupView>().OrderBy(g => g.Name).ToListAsync(ct);
        Now = clock.GetUtcNow();
    }
}
