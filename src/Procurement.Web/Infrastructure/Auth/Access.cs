using System.Reflection;

namespace Procurement.Infrastructure.Auth;

/// <summary>
/// Who may send a request (a Mediator command or query) or call a page handler: one declaration on the type
/// (or handler method), checked in one place (<see cref="AuthorisationBehavior{TMessage,TResponse}"/> for
/// requests, <see cref="AccessPageFilter"/> for pages). Names are role names from <see cref="Roles"/> or the
/// audiences of <see cref="Access"/>. A request that carries a case or group id (<see cref="ICaseRequest"/>,
/// <see cref="IGroupRequest"/>) also needs membership of that group; on a page, <see cref="CaseRoute"/> or
/// <see cref="GroupRoute"/> names the route value that holds the id.
/// </summary>
/// <remarks>
/// Rules that depend on the state of the case (only the chair, only the scorer's own sheet, the roles a
/// workflow step names) stay in the handlers: they need the case's data, not only the user.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class AccessAttribute(params string[] allowed) : Attribute
{
    public IReadOnlyList<string> Allowed { get; } = allowed;

    /// <summary>Pages only: the route value with the case id; the user must belong to the case's group (else 404).</summary>
    public string? CaseRoute { get; set; }

    /// <summary>Pages only: the route value with the group id; the user must belong to the group (else 404).</summary>
    public string? GroupRoute { get; set; }

    /// <summary>Roles that act on cases of every group, so membership is not asked of them (administrators migrating workflows).</summary>
    public string[] MembershipWaivedFor { get; set; } = [];

    /// <summary>Why the rule is as open as it is, where it is open (anonymous pages, any signed-in user).</summary>
    public string? Reason { get; set; }
}

/// <summary>Audiences that are not roles.</summary>
public static class Access
{
    /// <summary>Anyone, signed in or not: sign-in, first run, language, error pages.</summary>
    public const string Anonymous = "@anonymous";

    /// <summary>Any signed-in internal user (no external role); membership still applies where the request names a case or group.</summary>
    public const string Internal = "@internal";

    /// <summary>Background work run as <see cref="SystemUser"/> (reminders), never a person.</summary>
    public const string System = "@system";

    /// <summary>The rule of a request or page type, or null when it has none (then it is refused: closed by default).</summary>
    public static AccessAttribute? RuleOf(MemberInfo member) => member.GetCustomAttribute<AccessAttribute>(inherit: false);

    /// <summary>
    /// Whether the user passes the rule's audience (not membership). An external user (a vendor) passes only a rule
    /// that names an external role: internal rules, <see cref="Internal"/> included, never let them in.
    /// </summary>
    public static bool Allows(AccessAttribute rule, ICurrentUser user)
    {
        if (rule.Allowed.Contains(Anonymous)) return true;
        if (user.IsSystem) return rule.Allowed.Contains(System);
        if (user.Id == Guid.Empty) return false;
        var external = Roles.External.Any(user.IsInRole);
        if (external && !rule.Allowed.Any(Roles.External.Contains)) return false;
        if (rule.Allowed.Contains(Internal)) return true;
        return rule.Allowed.Any(user.IsInRole);
    }

    /// <summary>Whether membership of the case's or group's group is asked of this user under this rule.</summary>
    public static bool NeedsMembership(AccessAttribute rule, ICurrentUser user) =>
        !rule.Allowed.Contains(Anonymous) && !user.IsSystem && !rule.MembershipWaivedFor.Any(user.IsInRole);

    /// <summary>The role and membership check for one case or group, the same for requests and pages.</summary>
    public static async Task DemandAsync(AccessAttribute? rule, ICurrentUser user, CaseAccess? access, Guid? caseId, Guid? groupId, CancellationToken ct)
    {
        if (rule is null || !Allows(rule, user)) throw new AccessDeniedException(notFound: false);
        if (!NeedsMembership(rule, user) || (caseId is null && groupId is null)) return;
        if (access is null) throw new AccessDeniedException(notFound: true);
        if (caseId is { } c && await access.FindCaseAsync(c, ct) is null) throw new AccessDeniedException(notFound: true);
        if (groupId is { } g && !await access.IsGroupMemberAsync(g, ct)) throw new AccessDeniedException(notFound: true);
    }
}

/// <summary>A request about one case: the sender must belong to the case's group (checked before the handler).</summary>
public interface ICaseRequest
{
    Guid CaseId { get; }
}

/// <summary>A request about one group: the sender must belong to it (checked before the handler).</summary>
public interface IGroupRequest
{
    Guid GroupId { get; }
}

/// <summary>
/// The one refusal of an access rule. The text is the same whether the role is wrong or the case belongs to
/// another group (or does not exist), so a refusal never tells that a case exists; <see cref="NotFound"/> only
/// chooses the status a page answers with (404 for membership, 403 for the role).
/// </summary>
public sealed class AccessDeniedException(bool notFound) : DomainRuleException(Text)
{
    public const string Text = "この操作を行う権限がありません。";

    public bool NotFound { get; } = notFound;
}
