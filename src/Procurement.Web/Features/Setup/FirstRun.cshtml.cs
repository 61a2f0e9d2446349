using Procurement.Features.Users;

namespace Procurement.Features.Setup;

/// <summary>
/// Creates the first administrator on a fresh installation. Answers 404 as soon as any account
/// exists, so it can never be used to add an admin behind the real admin's back.
/// </summary>
[Access(Access.Anonymous, Reason = "a fresh installation has nobody to sign in; the page answers 404 once any account exists")]
public sealed class FirstRunModel(IDocumentSession session, PasswordService passwords, TimeProvider clock, UiText t) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await session.Query<UserAccount>().AnyAsync(ct) ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await CreateAdministrator.RunAsync(session, passwords, clock.GetUtcNow(), UserName ?? "", DisplayName ?? "", Password ?? "", onlyAsFirst: true, ct);
        // Any account already there (or another first run was quicker): the page is closed.
        if (outcome.Refusal == CreateAdministrator.AccountsExist) return NotFound();
        if (outcome.Refusal is { } problem)
        {
            ModelState.AddModelError(problem.Contains("パスワード", StringComparison.Ordinal) ? nameof(Password)
                : problem.Contains("氏名", StringComparison.Ordinal) ? nameof(DisplayName) : nameof(UserName), t.Format(problem, UserName ?? ""));
            Password = "";
            return Page();
        }
        TempData["Flash"] = t["管理者アカウントを作成しました。ログインしてください。"];
        return Redirect("/Account/SignIn");
    }
}

/// <summary>Exists once: proof that the first administrator has been created.</summary>
public sealed class FirstAdminMarker
{
    public const string Key = "first-admin";
    public string Id { get; set; } = Key;
    public Guid UserId { get; set; }
}
