using Procurement.Features.Workflows.Definitions;

namespace Procurement.Features.Workflows.Runtime;

/// <summary>Who is acting and with which roles; decisions take this instead of the HTTP user so they stay pure.</summary>
public sealed record WorkflowActor(Actor Actor, IReadOnlySet<string> Roles)
{
    public static WorkflowActor From(ICurrentUser user) =>
        new(user.Actor, Infrastructure.Auth.Roles.All.Where(user.IsInRole).ToHashSet(StringComparer.Ordinal));

    /// <summary>An administrator may do whatever the procurement officer may (same rule as the Officer policy).</summary>
    public bool IsOfficer => Roles.Contains(Infrastructure.Auth.Roles.Officer) || Roles.Contains(Infrastructure.Auth.Roles.Admin);

    public bool MayAct(WorkflowStep step) => MayActAs(step.Roles);

    public bool MayActAs(IEnumerable<string> allowed) =>
        allowed.Any(r => Roles.Contains(r) || (r == Infrastructure.Auth.Roles.Officer && IsOfficer));
}
