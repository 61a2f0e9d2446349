using Procurement.Features.Account;
using Procurement.Features.Groups;
using Procurement.Features.Users;

namespace Procurement.Features.Admin.Users;

[Access(Roles.Admin)]
public sealed class EditModel(IQuerySession session, IMediator mediator, SignInAttempts attempts, ICurrentUser admin, UiText t) : PageModel
{
    public sealed class UserInput
    {
        public Guid? Id { get; set; }
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Password { get; set; } = "";
        public List<string> Roles { get; set; } = [];
        public List<Guid> GroupIds { get; set; } = [];
        public bool IsActive { get; set; } = true;
        public bool Unlock { get; set; }
    }

    [BindProperty] public UserInput Input { get; set; } = new();
    public IReadOnlyList<GroupView> Groups { get; private set; } = [];
    public bool IsLocked { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Groups = await session.Query<GroupView>().OrderBy(g => g.Name).ToListAsync(ct);
        if (id is null) return Page();
        var u = await session.LoadAsync<UserAccount>(id.Value, ct);
        if (u is null) return NotFound();
        IsLocked = await attempts.IsLockedAsync(u.NormalizedUserName, ct);
        Input = new UserInput
        {
            Id = u.Id, UserName = u.UserName, DisplayName = u.DisplayName, Roles = [.. u.Roles], IsActive = u.IsActive,
            GroupIds = Groups.Where(g => g.UserIds.Contains(u.Id)).Select(g => g.Id).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Groups = await session.Query<GroupView>().OrderBy(g => g.Name).ToListAsync(ct);
        var id = Guid.Empty;
        var command = new SaveUserCommand(Input.Id, Input.UserName ?? "", Input.DisplayName ?? "",
            string.IsNullOrEmpty(Input.Password) ? null : Input.Password, Input.Roles ?? [], Input.GroupIds ?? [], Input.IsActive, Input.Unlock);
        if (!(await FormCommand.TryAsync(ModelState, t, async () => id = await mediator.Send(command, ct), FormCommand.Input)).Ok)
        {
            Input.Password = "";
            return Page();
        }
        // Admins editing themselves keep this session: it is signed in again with the new stamp and roles.
        if (id == admin.Id && await session.LoadAsync<UserAccount>(id, ct) is { } self) await UserSessions.SignInAsync(HttpContext, self);
        TempData["Flash"] = t.Format("利用者「{0}」を保存しました。", Input.UserName);
        return Redirect("/Admin/Users");
    }
}
