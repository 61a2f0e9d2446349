using System.Security.Claims;

namespace Procurement.Infrastructure.Auth;

public interface ICurrentUser
{
    Guid Id { get; }
    string Name { get; }
    bool IsInRole(string role);
    Actor Actor => new(Id, Name);

    /// <summary>True only for <see cref="SystemUser"/>: background work, which only <see cref="Access.System"/> rules admit.</summary>
    bool IsSystem => false;
}

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public Guid Id => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
    public string Name => Principal.FindFirstValue(ClaimTypes.Name) ?? "";
    public bool IsInRole(string role) => Principal.IsInRole(role);
}

/// <summary>The CLI acts as the system, or as a named user where a command says so.</summary>
public sealed class FixedCurrentUser(Guid id, string name, params string[] roles) : ICurrentUser
{
    public Guid Id => id;
    public string Name => name;
    public bool IsInRole(string role) => roles.Contains(role);
}

/// <summary>The system itself (reminders): no roles, no groups; admitted only by rules that name <see cref="Access.System"/>.</summary>
public sealed class SystemUser : ICurrentUser
{
    public Guid Id => Actor.System.UserId;
    public string Name => Actor.System.Name;
    public bool IsInRole(string role) => false;
    public bool IsSystem => true;
}
