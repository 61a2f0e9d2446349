using Procurement.Features.Setup;

namespace Procurement.Features.Users;

/// <summary>
/// The one way an administrator account comes into being outside the admin page: the first-run page of a fresh
/// installation and the CLI's <c>users create-admin</c> both call it, so the rules, the hash and the race guard are
/// the same whichever door was used.
/// </summary>
public static class CreateAdministrator
{
    public const string NameTaken = "ユーザー名「{0}」は既に使われています。";
    public const string AccountsExist = "アカウントが既に存在するため、初期管理者は作成できません。";

    /// <summary>The created account, or the refusal (a UI text key; <see cref="NameTaken"/> takes the name as {0}).</summary>
    public sealed record Outcome(UserAccount? Account, string? Refusal);

    /// <param name="onlyAsFirst">
    /// The first-run page: refused once any account exists, and a fixed marker document lets only one of two
    /// simultaneous first runs commit. The CLI creates an administrator beside existing accounts.
    /// </param>
    public static async Task<Outcome> RunAsync(IDocumentSession session, PasswordService passwords, DateTimeOffset now,
        string userName, string displayName, string password, bool onlyAsFirst, CancellationToken ct = default)
    {
        if (NewUserRules.Check(userName, displayName, password) is { } problem) return new(null, problem);
        var normalized = UserAccount.Normalize(userName);
        if (onlyAsFirst && await session.Query<UserAccount>().AnyAsync(ct)) return new(null, AccountsExist);
        if (await session.Query<UserAccount>().AnyAsync(u => u.NormalizedUserName == normalized, ct)) return new(null, NameTaken);

        var account = UserAccount.Create(userName, displayName, [Roles.Admin], password, passwords, now);
        session.Insert(account);
        if (onlyAsFirst) session.Insert(new FirstAdminMarker { Id = FirstAdminMarker.Key, UserId = account.Id });
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            return new(null, AccountsExist);
        }
        return new(account, null);
    }
}
