using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Procurement.Features.Users;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Localization;
using Procurement.Infrastructure.Validation;

namespace Procurement.Features.Account;

public sealed class ChangePasswordModel(IMediator mediator, IQuerySession session, ICurrentUser user, UiText t) : PageModel
{
    public sealed class PasswordInput
    {
        public string CurrentPassword { get; set; } = "";
        public string NewPassword { get; set; } = "";
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty] public PasswordInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await mediator.Send(new ChangeOwnPasswordCommand(Input.CurrentPassword ?? "", Input.NewPassword ?? "", Input.ConfirmPassword ?? ""), ct);
            // The new stamp ended every session of this account; this browser is signed in again with it.
            if (await session.LoadAsync<UserAccount>(user.Id, ct) is { } account) await UserSessions.SignInAsync(HttpContext, account);
            TempData["Flash"] = t["パスワードを変更しました。ほかの端末やブラウザーのログインは終了しました。"];
            return Redirect("/");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors) ModelState.AddModelError($"Input.{e.PropertyName}", e.ErrorMessage);
        }
        catch (DomainRuleException ex)
        {
            ModelState.AddModelError("", t[ex.Message]);
        }
        // Passwords are never sent back to the browser.
        Input = new PasswordInput();
        return Page();
    }
}
