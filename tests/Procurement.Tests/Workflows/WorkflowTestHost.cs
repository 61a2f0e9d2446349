using Marten;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Procurement.Features.Users;
using Procurement.Features.Workflows;
using Procurement.Infrastructure;
using Procurement.Infrastructure.Auth;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Workflows;

/// <summary>
/// The app's real services (Marten, Mediator pipeline with validation, workflows) on a database of
/// the test class's own, with the demo group and accounts, a fake clock and a user the test switches.
/// </summary>
public sealed class WorkflowTestHost : IAsyncDisposable
{
    private WorkflowTestHost(ServiceProvider services, FakeTimeProvider clock, TestUser user)
    {
        Services = services;
        Clock = clock;
        User = user;
    }

    /// <summary>Today for workflow tests: the start of a fiscal year, when a procurement's schedule begins.</summary>
    public static readonly DateTimeOffset Start = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock { get; }
    public TestUser User { get; }
    public Dictionary<string, UserAccount> Accounts { get; } = [];
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public static async Task<WorkflowTestHost> StartAsync(string hint, string? workflowsFolder = null, Action<IServiceCollection>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Procurement"] = await TestDatabase.CreateSeededAsync(hint, Start), // demo data copied, not seeded
            ["Procurement:WorkflowsDirectory"] = workflowsFolder ?? WorkflowFolders.Shipped,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var clock = new FakeTimeProvider(Start);
        var user = new TestUser();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new TestEnvironment());
        services.AddLogging();
        services.AddProcurementCore();
        services.AddWorkflows();
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(clock);
        services.AddScoped<ICurrentUser>(_ => user);
        services.AddScoped<CaseAccess>();
        configure?.Invoke(services);

        var host = new WorkflowTestHost(services.BuildServiceProvider(), clock, user);
        await using var session = host.Store.QuerySession();
        foreach (var account in await session.Query<UserAccount>().ToListAsync()) host.Accounts[account.UserName] = account;
        return host;
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
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    public async Task<T> QueryAsync<T>(IQuery<T> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "procurement-tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
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
