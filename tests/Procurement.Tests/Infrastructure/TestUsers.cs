using Marten;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Features.Groups;
using Procurement.Features.Users;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Events;

namespace Procurement.Tests.Infrastructure;

public static class TestUsers
{
    public const string Password = "other-pass-2026";

    /// <summary>A second group with its own officer: the outsider every membership test needs.</summary>
    public static async Task<(Guid GroupId, string UserName)> CreateOtherGroupWithOfficerAsync(this AppFactory app, string userName = "outsider")
    {
        using var scope = app.Services.CreateScope();
        var passwords = scope.ServiceProvider.GetRequiredService<PasswordService>();
        await using var session = app.Store.LightweightSession();
        var user = new UserAccount
        {
            Id = Guid.NewGuid(), UserName = userName, NormalizedUserName = UserAccount.Normalize(userName),
            DisplayName = "他団体 職員", Roles = [Roles.Officer], CreatedAt = app.Clock.GetUtcNow(),
        };
        user.PasswordHash = passwords.Hash(user, Password);
        session.Store(user);
        var groupId = Guid.NewGuid();
        session.Events.StartStream<GroupView>(groupId,
            new GroupCreated(groupId, "別グループ協議会", OrganisationForm.Council, [new MemberMunicipality("別町", 9000, new DateOnly(2025, 9, 30))], "別町", Actor.System, app.Clock.GetUtcNow()),
            new UserAddedToGroup(groupId, user.Id, user.DisplayName, Actor.System, app.Clock.GetUtcNow()));
        await session.SaveChangesAsync();
        return (groupId, userName);
    }
}
