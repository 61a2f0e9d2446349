using Procurement.Features.Users;

namespace Procurement.Features.Account;

/// <summary>A signed-in user changes their own password; the new stamp ends their other sessions.</summary>
[Access(Access.Internal, Reason = "every signed-in user may change their own password")]
public sealed record ChangeOwnPasswordCommand(string CurrentPassword, string NewPassword, string ConfirmPassword) : ICommand;

public sealed class ChangeOwnPasswordValidator : AbstractValidator<ChangeOwnPasswordCommand>
{
    public ChangeOwnPasswordValidator(UiText t)
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage(t["現在のパスワードを入力してください。"]);
        RuleFor(c => c.NewPassword).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(t["新しいパスワードを入力してください。"])
            .MinimumLength(PasswordService.MinimumLength).WithMessage(t.Format("パスワードは{0}文字以上にしてください。", PasswordService.MinimumLength))
            .MaximumLength(PasswordService.MaximumLength).WithMessage(t.Format("パスワードは{0}文字以内にしてください。", PasswordService.MaximumLength))
            .NotEqual(c => c.CurrentPassword).WithMessage(t["新しいパスワードは現在のパスワードと違うものにしてください。"]);
        RuleFor(c => c.ConfirmPassword).Equal(c => c.NewPassword).WithMessage(t["確認用のパスワードが新しいパスワードと一致しません。"])
            .When(c => !string.IsNullOrEmpty(c.NewPassword));
    }
}

public static class ChangeOwnPasswordDecision
{
    /// <summary>The new hash and a new stamp: every session signed in with the old password ends.</summary>
    public static void Apply(UserAccount account, string newHash)
    {
        account.PasswordHash = newHash;
        account.SecurityStamp = UserAccount.NewSecurityStamp();
    }
}

public sealed class ChangeOwnPasswordHandler(IDocumentSession session, PasswordService passwords, ICurrentUser user, UiText t)
    : ICommandHandler<ChangeOwnPasswordCommand>
{
    public async ValueTask<Unit> Handle(ChangeOwnPasswordCommand c, CancellationToken ct)
    {
        var account = await session.LoadAsync<UserAccount>(user.Id, ct);
        if (account is not { IsActive: true }) throw new DomainRuleException(t["利用者が見つかりません。"]);
        if (!passwords.Verify(account, c.CurrentPassword))
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(c.CurrentPassword), t["現在のパスワードが正しくありません。"])]);
        ChangeOwnPasswordDecision.Apply(account, passwords.Hash(account, c.NewPassword));
        session.Store(account);
        await session.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
