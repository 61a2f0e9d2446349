namespace Procurement.Features.Users;

/// <summary>
/// A sign-in account. A document, not an event stream: it is security state, not case history. Failed sign-ins
/// are counted apart, per name and client (<see cref="Account.SignInAttempts"/>).
/// </summary>
public sealed class UserAccount
{
    public Guid Id { get; set; }
    public string UserName { get; set; } = "";
    public string NormalizedUserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>Where workflow reminders are e-mailed when SMTP is configured; none means in-app reminders only.</summary>
    public string? Email { get; set; }
    public string PasswordHash { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public bool IsActive { get; set; } = true;
    /// <summary>
    /// Copied into the sign-in cookie and compared on every request; changing it (sign-out, deactivation, a role or
    /// group taken away, a new password) ends every session signed in before. Empty until the first sign-in.
    /// </summary>
    public string SecurityStamp { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    public static string NewSecurityStamp() => Guid.NewGuid().ToString("N");

    /// <summary>A new active account with its password hashed: the one constructor the seed, the first run and the CLI share.</summary>
    public static UserAccount Create(string userName, string displayName, IEnumerable<string> roles, string password,
        Infrastructure.Auth.PasswordService passwords, DateTimeOffset now)
    {
        var account = new UserAccount
        {
            Id = Guid.NewGuid(),
            UserName = userName.Trim(),
            NormalizedUserName = Normalize(userName),
            DisplayName = displayName.Trim(),
            Roles = [.. roles],
            CreatedAt = now,
        };
        account.PasswordHash = passwords.Hash(account, password);
        return account;
    }
}
