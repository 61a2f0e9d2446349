using Procurement.Features.Admin.Users;
using Procurement.Features.Groups;
using Procurement.Features.Users;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Admin.Users;

/// <summary>Saving an account decides its group memberships, Given(group events) When(save) Then(membership events | refusal).</summary>
[Trait("Lane", "Fast")]
public sealed class SaveUserMembershipDecisionTests
{
    private static readonly Guid GroupId = Guid.Parse("6a0f3c1e-2b59-4c35-9a7e-00000000f001");
    private static readonly Guid UserId = Guid.Parse("6a0f3c1e-2b59-4c35-9a7e-00000000f002");
    private static readonly Guid AdminId = Guid.Parse("6a0f3c1e-2b59-4c35-9a7e-00000000f003");
    private static readonly Actor By = new(AdminId, "管理者");
    private static readonly DateTimeOffset At = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);
    private static readonly GroupCreated Created = new(GroupId, "南信州町村自治体クラウド協議会", OrganisationForm.Council, [], "高森町", By, At);
    private static readonly UserAccount Clerk = new() { Id = UserId, UserName = "clerk", DisplayName = "職員", Roles = [Roles.Officer], IsActive = true };

    private static SaveUserCommand Save(Guid? id, Guid[] groups, string[]? roles = null, bool active = true) =>
        new(id, "clerk", " 職員 ", null, roles ?? [Roles.Officer], groups, active, Unlock: false);

    private static DecisionSpec<GroupViewProjection, GroupView> Spec(params object[] given) =>
        new DecisionSpec<GroupViewProjection, GroupView>().Given([Created, .. given]);

    [Fact]
    public void Joining_and_leaving_a_group_is_recorded_in_its_stream_and_an_unchanged_membership_records_nothing()
    {
        Spec().When(g => SaveUserDecision.Decide(Clerk, Save(UserId, [GroupId]), UserId, AdminId, [g!], By, At))
            .Then(new UserAddedToGroup(GroupId, UserId, "職員", By, At));
        Spec(new UserAddedToGroup(GroupId, UserId, "職員", By, At))
            .When(g => SaveUserDecision.Decide(Clerk, Save(UserId, [GroupId]), UserId, AdminId, [g!], By, At)).Then();
        Spec(new UserAddedToGroup(GroupId, UserId, "職員", By, At))
            .When(g => SaveUserDecision.Decide(Clerk, Save(UserId, []), UserId, AdminId, [g!], By, At))
            .Then(new UserRemovedFromGroup(GroupId, UserId, "職員", By, At));
    }

    [Fact]
    public void An_admin_cannot_demote_or_deactivate_themselves_and_a_missing_account_is_refused()
    {
        Spec().When(g => SaveUserDecision.Decide(Clerk, Save(AdminId, [], [Roles.Officer]), AdminId, AdminId, [g!], By, At))
            .ThenRefused("自分自身の管理者権限を外したり、無効にしたりすることはできません。");
        Spec().When(g => SaveUserDecision.Decide(Clerk, Save(AdminId, [], [Roles.Admin], active: false), AdminId, AdminId, [g!], By, At))
            .ThenRefused("自分自身の管理者権限を外したり、無効にしたりすることはできません。");
        Spec().When(g => SaveUserDecision.Decide(null, Save(UserId, []), UserId, AdminId, [g!], By, At))
            .ThenRefused("利用者が見つかりません。");
    }
}
