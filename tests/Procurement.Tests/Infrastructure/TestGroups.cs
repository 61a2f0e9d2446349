using Marten;
using Procurement.Features.Groups;
using Procurement.Infrastructure.Events;

namespace Procurement.Tests.Infrastructure;

public static class TestGroups
{
    /// <summary>
    /// One small group written straight to the store: a write whose presence a reliability test can check afterwards
    /// (after a killed server, beside a CLI backup) without going through pages.
    /// </summary>
    public static async Task StartGroupAsync(this IDocumentStore store, Guid id, string name)
    {
        await using var session = store.LightweightSession();
        session.Events.StartStream<GroupView>(id, new GroupCreated(id, name, OrganisationForm.Council,
            [new MemberMunicipality("甲町", 1000, new DateOnly(2025, 9, 30))], "甲町", Actor.System, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }
}
