using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Procurement.Features.Users;

namespace Procurement.Features.Account;

[Access(Access.Internal, Roles.Vendor, Reason = "anyone signed in, internal or external, may end their own session")]
public sealed class SignOutModel(IDocumentSession session, ICurrentUser user) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Deleting the cookie is not enough: a copy taken before would still be valid. A new stamp ends every
        // session of this account, this browser's and any other.
        if (await session.LoadAsync<UserAccount>(user.Id, ct) is { } account)
        {
            account.SecurityStamp = UserAccount.NewSecurityStamp();
            session.Store(account);
            await session.SaveChangesAsync(ct);
        }
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/Account/SignIn");
    }
}
