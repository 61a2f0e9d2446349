using Marten;
using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Procurement.Features.Users;
using Procurement.Infrastructure.Auth;

namespace Procurement.Tests.Infrastructure;

/// <summary>
/// The app's use cases called through the mediator as one user, below the pages: handlers check role and case
/// membership themselves, so tests of them need a real user of the demo group rather than a signed-in client.
/// </summary>
public sealed class ActingUser : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private ActingUser(WebApplicationFactory<Program> factory) => _factory = factory;

    public IServiceProvider Services => _factory.Services;

    /// <summary>The demo user <paramref name="userName"/>, with their own roles unless <paramref name="roles"/> says otherwise.</summary>
    public static async Task<ActingUser> StartAsync(AppFactory app, string userName, params string[] roles)
    {
        UserAccount account;
        await using (var session = app.Store.QuerySession())
        {
            account = await session.Query<UserAccount>().SingleAsync(u => u.UserName == userName);
        }
        var user = new FixedCurrentUser(account.Id, account.DisplayName, roles.Length > 0 ? roles : [.. account.Roles]);
        return new ActingUser(app.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.RemoveAll<ICurrentUser>();
            s.AddScoped<ICurrentUser>(_ => user);
        })));
    }

    public async Task<T> Send<T>(Func<IMediator, ValueTask<T>> send)
    {
        using var scope = _factory.Services.CreateScope();
        return await send(scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
