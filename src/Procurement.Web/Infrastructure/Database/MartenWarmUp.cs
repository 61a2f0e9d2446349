using Procurement.Features.Users;

namespace Procurement.Infrastructure.Database;

/// <summary>
/// The sign-in page is served without Marten (the key ring is read with plain SQL), so the document store's code is
/// generated and compiled only when something first asks for it. This does that in the background once the app
/// listens, a moment after its first page had the CPU, so the first sign-in does not wait for it either.
/// </summary>
public sealed class MartenWarmUp(IServiceProvider services, IHostApplicationLifetime lifetime, IHostEnvironment environment, ILogger<MartenWarmUp> logger)
    : BackgroundService
{
    /// <summary>How long the first page gets the machine to itself (2 cores: a compile beside it would slow it down).</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Test hosts start many times and query as their tests need; a warm-up there only takes CPU from the tests.
        if (environment.IsEnvironment("Testing")) return;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        await Task.Delay(Delay, stoppingToken);
        try
        {
            // The sign-in query itself: the store, its generated code for accounts, the table check.
            await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
            await session.Query<UserAccount>().Where(u => u.NormalizedUserName == "").Take(1).ToListAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            // Nothing lost: the first request that needs the store builds it.
            logger.LogInformation("Document store not warmed up: the database did not answer ({Error})", ex.GetType().Name);
        }
    }
}
