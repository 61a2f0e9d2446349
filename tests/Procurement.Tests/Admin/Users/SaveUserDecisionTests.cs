using Procurement.Features.Admin.Users;
using Procurement.Features.Users;
using Procurement.Infrastructure.Auth;

namespace Procurement.Tests.Admin.Users;

public sealed class SaveUserDecisionTests
{
    private static readonly UserAccount Before = new() { UserName = "clerk", DisplayName = "職員", Roles = [Roles.Officer, Roles.Legal], IsActive = true };

    private static SaveUserCommand Save(string[] roles, bool active = true, string? password = null) =>
        new(Guid.NewGuid(), "clerk", "職員（改）", password, roles, [], active, Unlock: false);

    [Fact]
    public void A_new_name_or_the_same_roles_in_another_order_keep_the_sessions() =>
        Assert.False(SaveUserDecision.EndsSessions(Before, Save([Roles.Legal, Roles.Officer]), removedFromAGroup: false));

    [Fact]
    public void Deactivation_ends_them() =>
        Assert.True(SaveUserDecision.EndsSessions(Before, Save([Roles.Officer, Roles.Legal], active: false), removedFromAGroup: false));

    [Fact]
    public void A_changed_role_ends_them() =>
        Assert.True(SaveUserDecision.EndsSessions(Before, Save([Roles.Officer]), removedFromAGroup: false));

    [Fact]
    public void A_new_password_ends_them() =>
        Assert.True(SaveUserDecision.EndsSessions(Before, Save([Roles.Officer, Roles.Legal], password: "new-password-2026"), removedFromAGroup: false));

    [Fact]
    public void A_removed_group_ends_them() =>
        Assert.True(SaveUserDecision.EndsSessions(Before, Save([Roles.Officer, Roles.Legal]), removedFromAGroup: true));
}
