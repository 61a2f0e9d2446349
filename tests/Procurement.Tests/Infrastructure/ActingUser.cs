using Marten;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Procurement.Features.Users;
using Procurement.Infrastructure.Auth;

namespace Procurement.Tests.Infrastructure;

/// <summary>
/// The app's use cases called through the mediator as one user, below the pages: handlers check role and case
/// membership themselves, so tests of them need a real user of the demo group rather than a signed-in client.
/// Runs in the app's own container (no second host): the user is set on the scope of each call.
/// </summary>
public sealed class ActingUser : IAsyncDisposable
{
    private readonly AppFactory _app;
    private readonly ICurrentUser _user;

    private ActingUser(AppFactory app, ICurrentUser user)
    {
        _app = app;
        _user = user;
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>The demo user <paramref name="userName"/>, with their own roles unless <paramref name="roles"/> says otherwise.</summary>
    public static async Task<ActingUser> StartAsync(AppFactory app, string userName, params string[] roles)
    {
        UserAccount account;
        await using (var session = app.Store.QuerySession())
        {
            account = await session.Query<UserAccount>().SingleAsync(u => u.UserName == userName);
        }
        return new ActingUser(app, new FixedCurrentUser(account.Id, account.DisplayName, roles.Length > 0 ? roles : [.. account.Roles]));
    }

    public async Task<T> Send<T>(Func<IMediator, ValueTask<T>> send)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingUserSlot>().User = _user;
        return await send(scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>The user a test acts as in one service scope; outside such a scope the app's own (HTTP) user applies.</summary>
public sealed class ActingUserSlot
{
    public ICurrentUser? User { get; set; }

    /// <summary>Wraps the app's ICurrentUser registration so a scope with a slot set answers with the slot's user.</summary>
    public static void Register(IServiceCollection services)
    {
        var app = services.LastOrDefault(d => d.ServiceType == typeof(ICurrentUser));
        services.AddScoped<ActingUserSlot>();
        services.RemoveAll<ICurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<ActingUserSlot>().User ?? app switch
        {
            null => throw new InvalidOperationException("no user: act as one through ActingUser"),
            { ImplementationFactory: { } factory } => (ICurrentUser)factory(sp),
            { ImplementationInstance: ICurrentUser instance } => instance,
            _ => (ICurrentUser)ActivatorUtilities.CreateInstance(sp, app.ImplementationType!),
        });
    }
}
