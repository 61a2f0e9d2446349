using Procurement.Features.Users;
using Procurement.Infrastructure;

namespace Procurement.Features.Account;

[Access(Access.Internal, Reason = "every signed-in user may change their own password")]
public sealed class ChangePasswordModel(IMediator mediator, IValidator<ChangeOwnPasswordCommand> validator, SignInAttempts attempts,
    IQuerySession session, ICurrentUser user, UiText t) : PageModel
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
        var command = new ChangeOwnPasswordCommand(Input.CurrentPassword ?? "", Input.NewPassword ?? "", Input.ConfirmPassword ?? "");
        var account = await session.LoadAsync<UserAccount>(user.Id, ct);
        var form = await validator.ValidateAsync(command, ct);
        if (account is null)
        {
            ModelState.AddModelError("", t["利用者が見つかりません。"]);
            return Refused([]);
        }
        if (!form.IsValid) return Refused(form.Errors);

        // Guessing the current password from an open session counts like guessing at sign-in, for this name and client.
        var client = ClientAddress.Of(HttpContext);
        if (await attempts.CountAsync(account.NormalizedUserName, client, ct) > SignInAttempts.MaxFailures)
        {
            ModelState.AddModelError("", t.Format("ログインの失敗が続いたため、アカウントを一時的にロックしました。{0}分後に再度お試しください。", (int)SignInAttempts.LockoutDuration.TotalMinutes));
            return Refused([]);
        }
        if (!(await FormCommand.TryAsync(ModelState, t, () => mediator.Send(command, ct).AsTask(), FormCommand.Input)).Ok) return Refused([]);
        await attempts.ForgetAsync(account.NormalizedUserName, client, ct);
        // The new stamp ended every session of this account; this browser is signed in again with it.
        if (await session.LoadAsync<UserAccount>(user.Id, ct) is { } changed) await UserSessions.SignInAsync(HttpContext, changed);
        TempData["Flash"] = t["パスワードを変更しました。ほかの端末やブラウザーのログインは終了しました。"];
        return Redirect("/");
    }

    private PageResult Refused(IEnumerable<FluentValidation.Results.ValidationFailure> errors)
    {
        foreach (var e in errors) ModelState.AddModelError($"Input.{e.PropertyName}", e.ErrorMessage);
        // Passwords are never sent back to the browser.
        Input = new PasswordInput();
        return Page();
    }
}
