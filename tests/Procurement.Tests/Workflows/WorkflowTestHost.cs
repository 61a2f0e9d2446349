using Marten;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Procurement.Features.Users;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Tasks;
using Procurement.Infrastructure.Auth;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Workflows;

/// <summary>
/// The app's real services (Marten, Mediator pipeline with validation, workflows) with the demo group and accounts, a
/// fake clock starting on <see cref="Start"/> and a user the test switches: a thin layer over <see cref="AppFactory"/>
/// (the app's container, no HTTP). The background reminder run is off: tests call the reminders themselves.
/// A test class shares one through <see cref="SharedWorkflowApp"/>, or starts its own with <see cref="StartAsync"/>.
/// </summary>
public sealed class WorkflowTestHost : IAsyncDisposable
{
    private readonly AppFactory _app;
    private readonly bool _ownsApp;

    private WorkflowTestHost(AppFactory app, bool ownsApp)
    {
        _app = app;
        _ownsApp = ownsApp;
    }

    /// <summary>Today for workflow tests: the start of a fiscal year, when a procurement's schedule begins.</summary>
    public static readonly DateTimeOffset Start = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    public IServiceProvider Services => _app.Services;
    public FakeTimeProvider Clock => _app.Clock;
    public TestUser User { get; } = new();
    public Dictionary<string, UserAccount> Accounts { get; } = [];
    public IDocumentStore Store => _app.Store;

    /// <summary>An app of its own (disposed with the host), on <paramref name="workflowsFolder"/> (default: the shipped one).</summary>
    public static async Task<WorkflowTestHost> StartAsync(string hint, string? workflowsFolder = null, Action<IServiceCollection>? configure = null)
    {
        var app = await AppFactory.StartAsync(hint, Settings(workflowsFolder), start: Start, configure: services =>
        {
            WithoutBackgroundReminders(services);
            configure?.Invoke(services);
        });
        return await OnAsync(app, ownsApp: true);
    }

    /// <summary>The host over an app started on <see cref="Start"/> with <see cref="WithoutBackgroundReminders"/>.</summary>
    public static async Task<WorkflowTestHost> OnAsync(AppFactory app, bool ownsApp = false)
    {
        var host = new WorkflowTestHost(app, ownsApp);
        await using var session = host.Store.QuerySession();
        foreach (var account in await session.Query<UserAccount>().ToListAsync()) host.Accounts[account.UserName] = account;
        return host;
    }

    public static Dictionary<string, string> Settings(string? workflowsFolder) => new()
    {
        ["Procurement:WorkflowsDirectory"] = workflowsFolder ?? WorkflowFolders.Shipped,
    };

    /// <summary>The app's periodic reminder run would fire on the fake clock as a test moves it; these tests run it explicitly.</summary>
    public static void WithoutBackgroundReminders(IServiceCollection services)
    {
        foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ReminderSchedule)).ToList())
        {
            services.Remove(hosted);
        }
    }

    /// <summary>Acts as the demo account <paramref name="userName"/> from now on.</summary>
    public WorkflowTestHost As(string userName)
    {
        var account = Accounts[userName];
        User.Set(account.Id, account.DisplayName, account.Roles);
        return this;
    }

    public async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    public async Task<T> QueryAsync<T>(IQuery<T> query)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    private AsyncServiceScope Scope()
    {
        var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingUserSlot>().User = User;
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsApp) await _app.DisposeAsync();
    }
}

/// <summary>One workflow app per test class, reset before each test (see <see cref="SharedApp"/>).</summary>
public class SharedWorkflowApp : SharedApp
{
    protected override DateTimeOffset Start => WorkflowTestHost.Start;

    protected override IReadOnlyDictionary<string, string>? Settings => WorkflowTestHost.Settings(WorkflowsFolder);

    /// <summary>The workflow definitions folder (default: the shipped one); a subclass sets another.</summary>
    protected virtual string? WorkflowsFolder => null;

    protected override void ConfigureServices(IServiceCollection services) => WorkflowTestHost.WithoutBackgroundReminders(services);

    public async Task<WorkflowTestHost> WorkflowAsync() => await WorkflowTestHost.OnAsync(await FreshAsync());
}

public sealed class TestUser : ICurrentUser
{
    private string[] _roles = [];

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    public void Set(Guid id, string name, IEnumerable<string> roles)
    {
        Id = id;
        Name = name;
        _roles = roles.ToArray();
    }

    public bool IsInRole(string role) => _roles.Contains(role);
}

public static class WorkflowFolders
{
    /// <summary>The checkout's workflows/ folder (the one the app ships).</summary>
    public static string Shipped { get; } = Procurement.Features.Workflows.Definitions.WorkflowDefinitionLoader.FindFolder(null, AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("workflows/ not found above the test binaries");

    private static readonly System.Collections.Concurrent.ConcurrentBag<string> Copies = CleanUpAtExit();

    private static System.Collections.Concurrent.ConcurrentBag<string> CleanUpAtExit()
    {
        var copies = new System.Collections.Concurrent.ConcurrentBag<string>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var folder in copies) Directory.Delete(folder, recursive: true);
        };
        return copies;
    }

    /// <summary>A temporary copy of the shipped folder, plus extra files, for version and breakage tests (removed at exit).</summary>
    public static string CopyWith(params (string FileName, string Json)[] extra)
    {
        var folder = Path.Combine(Path.GetTempPath(), "procurement-workflows-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        Copies.Add(folder);
        foreach (var file in Directory.GetFiles(Shipped, "*.json")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        foreach (var (name, json) in extra) File.WriteAllText(Path.Combine(folder, name), json);
        return folder;
    }
}
