using Procurement.Features.Users;
using Procurement.Infrastructure;

namespace Procurement.Features.Account;

public enum SignInOutcome
{
    Success,
    WrongCredentials,
    LockedOut,
    NowLockedOut,
}

/// <summary>
/// The lockout rule as a pure function of the attempt's number for this (name, client) pair: the sixth attempt
/// within a lockout period is refused whatever the password, the fifth failure says the pair is now locked.
/// Whether the account exists changes nothing but the success.
/// </summary>
public static class SignInDecision
{
    public static SignInOutcome Decide(int attempt, bool accountCanSignIn, bool passwordMatches)
    {
        if (attempt > SignInAttempts.MaxFailures) return SignInOutcome.LockedOut;
        if (accountCanSignIn && passwordMatches) return SignInOutcome.Success;
        return attempt == SignInAttempts.MaxFailures ? SignInOutcome.NowLockedOut : SignInOutcome.WrongCredentials;
    }
}

[Access(Access.Anonymous, Reason = "signing in is how a user gets rights")]
public sealed class SignInModel(SignInAttempts attempts, PasswordService passwords, UiText t, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(UserName)) ModelState.AddModelError(nameof(UserName), t["ユーザー名を入力してください。"]);
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), t["パスワードを入力してください。"]);
        if (!ModelState.IsValid) return Page();

        // From the request's services here, not the constructor: showing the page (GET) must not build the document store.
        var session = HttpContext.RequestServices.GetRequiredService<IDocumentSession>();
        var normalized = UserAccount.Normalize(UserName);
        var client = ClientAddress.Of(HttpContext);
        var account = await session.Query<UserAccount>().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        var usable = account is { IsActive: true } ? account : null;
        // Counted before the password is checked, so parallel attempts cannot all see a count below the limit.
        var attempt = await attempts.CountAsync(normalized, client, ct);
        // The same hashing work for every name, known or not, locked or not: the time taken says nothing.
        var matches = passwords.Verify(usable, Password);
        var outcome = SignInDecision.Decide(attempt, usable is not null, matches);

        switch (outcome)
        {
            case SignInOutcome.Success:
                await attempts.ForgetAsync(normalized, client, ct);
                if (string.IsNullOrEmpty(usable!.SecurityStamp))
                {
                    // Accounts made before sessions carried a stamp get theirs at their first sign-in.
                    usable.SecurityStamp = UserAccount.NewSecurityStamp();
                    session.Store(usable);
                    await session.SaveChangesAsync(ct);
                }
                await UserSessions.SignInAsync(HttpContext, usable);
                logger.LogInformation("User {UserName} signed in", usable.UserName);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInOutcome.LockedOut:
            case SignInOutcome.NowLockedOut:
                logger.LogWarning("Sign-in refused: {UserName} locked for client {Client}", normalized, client);
                ModelState.AddModelError("", t.Format("ログインの失敗が続いたため、アカウントを一時的にロックしました。{0}分後に再度お試しください。", (int)SignInAttempts.LockoutDuration.TotalMinutes));
                break;
            default:
                ModelState.AddModelError("", t["ユーザー名またはパスワードが正しくありません。"]);
                break;
        }
        Password = "";
        return Page();
    }
}
