using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Procurement.Features.Users;

namespace Procurement.Infrastructure.Auth;

/// <summary>
/// The sign-in cookie carries the account's security stamp, and every request compares it with the account's
/// current one (one primary-key read, no cache): a session ends at its next request once the account is
/// deactivated or its stamp has changed.
/// </summary>
public static class UserSessions
{
    public const string StampClaim = "procurement:stamp";

    public static ClaimsPrincipal PrincipalFor(UserAccount account)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new(ClaimTypes.Name, account.DisplayName),
            new("username", account.UserName),
            new(StampClaim, account.SecurityStamp),
        };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>Signs this browser in (again) with the account as it is now, e.g. after the user changed their own password.</summary>
    public static Task SignInAsync(HttpContext http, UserAccount account) =>
        http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, PrincipalFor(account));

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var stamp = principal?.FindFirstValue(StampClaim);
        if (Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) && !string.IsNullOrEmpty(stamp))
        {
            var session = context.HttpContext.RequestServices.GetRequiredService<IQuerySession>();
            var account = await session.LoadAsync<UserAccount>(id, context.HttpContext.RequestAborted);
            if (account is { IsActive: true } && string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal)) return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
