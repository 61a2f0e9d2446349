using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Procurement.Features.Users;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Localization;

namespace Procurement.Features.Account;

public enum SignInOutcome
{
    Success,
    WrongCredentials,
    LockedOut,
    NowLockedOut,
}

/// <summary>The lockout rule as a pure function: counts failures, locks after the fifth, resets on success.</summary>
public static class SignInDecision
{
    public static SignInOutcome Decide(UserAccount? account, bool passwordMatches, DateTimeOffset now)
    {
        if (account is null || !account.IsActive) return SignInOutcome.WrongCredentials;
        if (account.IsLockedOut(now)) return SignInOutcome.LockedOut;
        if (passwordMatches) return SignInOutcome.Success;
        return account.FailedSignIns + 1 >= UserAccount.MaxFailedSignIns ? SignInOutcome.NowLockedOut : SignInOutcome.WrongCredentials;
    }

    public static void Apply(UserAccount account, SignInOutcome outcome, DateTimeOffset now)
    {
        switch (outcome)
        {
            case SignInOutcome.Success:
                account.FailedSignIns = 0;
                account.LockedUntil = null;
                break;
            case SignInOutcome.WrongCredentials:
                account.FailedSignIns++;
                break;
            case SignInOutcome.NowLockedOut:
                account.FailedSignIns = 0;
                account.LockedUntil = now + UserAccount.LockoutDuration;
                break;
        }
    }
}

[Access(Access.Anonymous, Reason = "signing in is how a user gets rights")]
public sealed class SignInModel(IDocumentSession session, PasswordService passwords, TimeProvider clock, UiText t, ILogger<SignInModel> logger) : PageModel
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

        var normalized = UserAccount.Normalize(UserName);
        var account = await session.Query<UserAccount>().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        var now = clock.GetUtcNow();
        // Verify even when locked, so timing does not reveal the state; the decision ignores it then.
        var matches = account is not null && passwords.Verify(account, Password);
        var outcome = SignInDecision.Decide(account, matches, now);

        if (account is not null && outcome != SignInOutcome.LockedOut)
        {
            SignInDecision.Apply(account, outcome, now);
            session.Store(account);
            await session.SaveChangesAsync(ct);
        }

        switch (outcome)
        {
            case SignInOutcome.Success:
                var claims = new List<Claim>
                {
                    new(ClaimTypes.NameIdentifier, account!.Id.ToString()),
                    new(ClaimTypes.Name, account.DisplayName),
                    new("username", account.UserName),
                };
                claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                    new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
                logger.LogInformation("User {UserName} signed in", account.UserName);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInOutcome.LockedOut:
            case SignInOutcome.NowLockedOut:
                logger.LogWarning("Sign-in refused: account {UserName} locked", normalized);
                ModelState.AddModelError("", t.Format("ログインの失敗が続いたため、アカウントを一時的にロックしました。{0}分後に再度お試しください。", (int)UserAccount.LockoutDuration.TotalMinutes));
                break;
            default:
                ModelState.AddModelError("", t["ユーザー名またはパスワードが正しくありません。"]);
                break;
        }
        Password = "";
        return Page();
    }
}
