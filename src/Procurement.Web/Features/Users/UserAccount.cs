namespace Procurement.Features.Users;

/// <summary>
/// A sign-in account. A document, not an event stream: lockout counters change on every failed
/// sign-in and are security state, not case history.
/// </summary>
public sealed class UserAccount
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public Guid Id { get; set; }
    public string UserName { get; set; } = "";
    public string NormalizedUserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>Where workflow reminders are e-mailed when SMTP is configured; none means in-app reminders only.</summary>
    public string? Email { get; set; }
    public string PasswordHash { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public bool IsActive { get; set; } = true;
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
