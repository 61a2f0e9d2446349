using FluentValidation;
using Marten;
using Mediator;
using Procurement.Features.Groups;
using Procurement.Features.Users;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Localization;
using Procurement.Infrastructure.Validation;

namespace Procurement.Features.Admin.Users;

/// <summary>Creates (Id null) or updates an account, its roles and its group memberships.</summary>
[Access(Infrastructure.Auth.Roles.Admin)]
public sealed record SaveUserCommand(
    Guid? Id, string UserName, string DisplayName, string? Password, IReadOnlyList<string> Roles,
    IReadOnlyList<Guid> GroupIds, bool IsActive, bool Unlock) : ICommand<Guid>;

public sealed class SaveUserValidator : AbstractValidator<SaveUserCommand>
{
    public SaveUserValidator(UiText t)
    {
        RuleFor(c => c.UserName).NotEmpty().WithMessage(t["ユーザー名を入力してください。"])
            .MaximumLength(50).Matches("^[A-Za-z0-9._-]+$").WithMessage(t["ユーザー名は半角英数字と . _ - で50文字以内にしてください。"]);
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage(t["氏名を入力してください。"])
            .MaximumLength(NewUserRules.MaxLength).WithMessage(t["氏名は100文字以内で入力してください。"]);
        RuleFor(c => c.Password).NotEmpty().WithMessage(t["パスワードを入力してください。"]).When(c => c.Id is null);
        RuleFor(c => c.Password).MinimumLength(PasswordService.MinimumLength).MaximumLength(200)
            .WithMessage(t.Format("パスワードは{0}文字以上にしてください。", PasswordService.MinimumLength))
            .When(c => !string.IsNullOrEmpty(c.Password));
        RuleFor(c => c.Roles).NotEmpty().WithMessage(t["役割を1つ以上選択してください。"])
            .Must(r => r.All(Infrastructure.Auth.Roles.All.Contains)).WithMessage(t["不明な役割が含まれています。"]);
    }
}

public sealed class SaveUserHandler(IDocumentSession session, PasswordService passwords, ICurrentUser admin, TimeProvider clock, UiText t)
    : ICommandHandler<SaveUserCommand, Guid>
{
    public async ValueTask<Guid> Handle(SaveUserCommand c, CancellationToken ct)
    {
        var normalized = UserAccount.Normalize(c.UserName);
        var clash = await session.Query<UserAccount>().AnyAsync(u => u.NormalizedUserName == normalized && u.Id != (c.Id ?? Guid.Empty), ct);
        if (clash) throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(c.UserName), t["このユーザー名は既に使われています。"])]);
        if (c.Id == admin.Id && (!c.Roles.Contains(Roles.Admin) || !c.IsActive))
            throw new DomainRuleException(t["自分自身の管理者権限を外したり、無効にしたりすることはできません。"]);

        var now = clock.GetUtcNow();
        var account = c.Id is { } id
            ? await session.LoadAsync<UserAccount>(id, ct) ?? throw new DomainRuleException(t["利用者が見つかりません。"])
            : new UserAccount { Id = Guid.NewGuid(), CreatedAt = now };
        account.UserName = c.UserName.Trim();
        account.NormalizedUserName = normalized;
        account.DisplayName = c.DisplayName.Trim();
        account.Roles = [.. c.Roles.Distinct()];
        account.IsActive = c.IsActive;
        if (!string.IsNullOrEmpty(c.Password)) account.PasswordHash = passwords.Hash(account, c.Password);
        if (c.Unlock)
        {
            account.LockedUntil = null;
            account.FailedSignIns = 0;
        }
        session.Store(account);

        // Membership lives in each group's stream, so who gave whom access is part of the audit trail.
        var groups = await session.Query<GroupView>().ToListAsync(ct);
        foreach (var g in groups)
        {
            var member = g.UserIds.Contains(account.Id);
            var wanted = c.GroupIds.Contains(g.Id);
            if (wanted && !member) session.Events.Append(g.Id, new UserAddedToGroup(g.Id, account.Id, account.DisplayName, admin.Actor, now));
            if (!wanted && member) session.Events.Append(g.Id, new UserRemovedFromGroup(g.Id, account.Id, account.DisplayName, admin.Actor, now));
        }
        await session.SaveChangesAsync(ct);
        return account.Id;
    }
}
