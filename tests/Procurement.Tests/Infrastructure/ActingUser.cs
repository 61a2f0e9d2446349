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
    private readonly ActingServices _services;

    private ActingUser(AppFactory app, ICurrentUser user)
    {
        _app = app;
        _user = user;
        _services = new ActingServices(app.Services, user);
    }

    /// <summary>The app's services as this user: scopes created from it (CreateScope) act as the user too.</summary>
    public IServiceProvider Services => _services;

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

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// <summary>Resolves from one long-lived scope acting as the user, and makes new scopes act as the user.</summary>
    private sealed class ActingServices(IServiceProvider root, ICurrentUser user) : IServiceProvider, IServiceScopeFactory, IAsyncDisposable
    {
        private AsyncServiceScope? _scope;

        public object? GetService(Type serviceType)
        {
            if (serviceType == typeof(IServiceScopeFactory)) return this;
            _scope ??= (AsyncServiceScope)CreateScope();
            return _scope.Value.ServiceProvider.GetService(serviceType);
        }

        public IServiceScope CreateScope()
        {
            var scope = root.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActingUserSlot>().User = user;
            return scope;
        }

        public async ValueTask DisposeAsync()
        {
            if (_scope is { } scope) await scope.DisposeAsync();
        }
    }
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
