using Procurement.Features.Account;
using Procurement.Features.Groups;
using Procurement.Features.Users;

namespace Procurement.Features.Admin.Users;

/// <summary>
/// Creates (Id null) or updates an account, its roles and its group memberships. Taking a right away (deactivation,
/// a role or a group removed, a new password) gives the account a new security stamp, which ends its sessions.
/// </summary>
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
        RuleFor(c => c.Password).MinimumLength(PasswordService.MinimumLength)
            .WithMessage(t.Format("パスワードは{0}文字以上にしてください。", PasswordService.MinimumLength))
            .MaximumLength(PasswordService.MaximumLength)
            .WithMessage(t.Format("パスワードは{0}文字以内にしてください。", PasswordService.MaximumLength))
            .When(c => !string.IsNullOrEmpty(c.Password));
        RuleFor(c => c.Roles).NotEmpty().WithMessage(t["役割を1つ以上選択してください。"])
            .Must(r => r.All(Infrastructure.Auth.Roles.All.Contains)).WithMessage(t["不明な役割が含まれています。"]);
    }
}

public static class SaveUserDecision
{
    /// <summary>
    /// The membership changes of the saved account <paramref name="accountId"/> (<paramref name="existing"/>: its account
    /// before, null for a new one), one event in each group's stream. An admin cannot take their own admin right away or
    /// deactivate themselves: nobody might be left to undo it.
    /// </summary>
    public static Decision Decide(UserAccount? existing, SaveUserCommand c, Guid accountId, Guid adminId, IReadOnlyList<GroupView> groups, Actor by, DateTimeOffset at)
    {
        if (c.Id == adminId && (!c.Roles.Contains(Roles.Admin) || !c.IsActive))
            return Decision.Refuse("自分自身の管理者権限を外したり、無効にしたりすることはできません。");
        if (c.Id is not null && existing is null) return Decision.Refuse("利用者が見つかりません。");
        var name = c.DisplayName.Trim();
        var added = groups.Where(g => c.GroupIds.Contains(g.Id) && !g.UserIds.Contains(accountId))
            .Select(g => (object)new UserAddedToGroup(g.Id, accountId, name, by, at));
        var removed = groups.Where(g => !c.GroupIds.Contains(g.Id) && g.UserIds.Contains(accountId))
            .Select(g => (object)new UserRemovedFromGroup(g.Id, accountId, name, by, at));
        return Decision.Append(added.Concat(removed));
    }

    /// <summary>True when the save takes a right away from an existing account, so its open sessions must end.</summary>
    public static bool EndsSessions(UserAccount before, SaveUserCommand c, bool removedFromAGroup) =>
        (before.IsActive && !c.IsActive)
        || !before.Roles.ToHashSet().SetEquals(c.Roles)
        || !string.IsNullOrEmpty(c.Password)
        || removedFromAGroup;
}

public sealed class SaveUserHandler(IDocumentSession session, PasswordService passwords, SignInAttempts attempts, ICurrentUser admin, TimeProvider clock, UiText t)
    : ICommandHandler<SaveUserCommand, Guid>
{
    public async ValueTask<Guid> Handle(SaveUserCommand c, CancellationToken ct)
    {
        var normalized = UserAccount.Normalize(c.UserName);
        // A plain value: Marten cannot translate `??` inside the query.
        var self = c.Id ?? Guid.Empty;
        var clash = await session.Query<UserAccount>().AnyAsync(u => u.NormalizedUserName == normalized && u.Id != self, ct);
        if (clash) throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(c.UserName), t["このユーザー名は既に使われています。"])]);
        var now = clock.GetUtcNow();
        var existing = c.Id is { } id ? await session.LoadAsync<UserAccount>(id, ct) : null;
        var account = existing ?? new UserAccount { Id = Guid.NewGuid(), CreatedAt = now, SecurityStamp = UserAccount.NewSecurityStamp() };
        // Membership lives in each group's stream, so who gave whom access is part of the audit trail.
        var groups = await session.Query<GroupView>().ToListAsync(ct);
        var memberships = EventStreamWriter.Accept(SaveUserDecision.Decide(existing, c, account.Id, admin.Id, groups, admin.Actor, now));

        var previousName = account.NormalizedUserName;
        if (existing is not null && SaveUserDecision.EndsSessions(existing, c, memberships.OfType<UserRemovedFromGroup>().Any()))
            account.SecurityStamp = UserAccount.NewSecurityStamp();
        account.UserName = c.UserName.Trim();
        account.NormalizedUserName = normalized;
        account.DisplayName = c.DisplayName.Trim();
        account.Roles = [.. c.Roles.Distinct()];
        account.IsActive = c.IsActive;
        if (!string.IsNullOrEmpty(c.Password)) account.PasswordHash = passwords.Hash(account, c.Password);
        session.Store(account);
        foreach (var e in memberships.OfType<UserAddedToGroup>()) session.Events.Append(e.GroupId, e);
        foreach (var e in memberships.OfType<UserRemovedFromGroup>()) session.Events.Append(e.GroupId, e);
        await session.SaveChangesAsync(ct);

        if (c.Unlock)
        {
            // Failures are counted per name and client apart from the account; unlocking frees every client.
            await attempts.UnlockAsync(normalized, ct);
            if (previousName.Length > 0 && previousName != normalized) await attempts.UnlockAsync(previousName, ct);
        }
        return account.Id;
    }
}
