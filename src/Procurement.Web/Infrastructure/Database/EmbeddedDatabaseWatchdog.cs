using Npgsql;

namespace Procurement.Infrastructure.Database;

/// <summary>
/// Keeps the embedded server up: when its postmaster is gone (killed, crashed, stopped by hand) the app starts it
/// again, with exponential backoff between failed attempts, and logs each step, so /health returns to 200 by itself.
/// Only for the embedded default this process owns; a configured server is somebody else's to run.
/// </summary>
public sealed class EmbeddedDatabaseWatchdog(DatabaseHandle database, IServiceProvider services, ILogger<EmbeddedDatabaseWatchdog> log) : BackgroundService
{
    internal static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(500);
    internal static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(500);
    internal static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>0.5 s, 1 s, 2 s, … capped at 30 s: a server that cannot start is not hammered, one that can is back quickly.</summary>
    internal static TimeSpan Backoff(int failedAttempts) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, FirstBackoff.TotalMilliseconds * Math.Pow(2, Math.Max(0, failedAttempts - 1))));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (database.EmbeddedIfResolved is not { OwnsServer: true, IsRunning: true } server || server.IsServerAlive()) continue;
            await HealAsync(server, stoppingToken);
        }
    }

    private async Task HealAsync(EmbeddedPostgres server, CancellationToken stoppingToken)
    {
        var down = System.Diagnostics.Stopwatch.StartNew();
        log.LogWarning("Embedded PostgreSQL is not running (postmaster {Pid} is gone); restarting it on port {Port}",
            server.PostmasterProcessId, server.Port);
        // Now and again after the restart: pg_ctl returns a moment after the server accepts connections, and a request
        // in that moment must not pick up a connection to the dead server.
        ClearConnectionPools();
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                if (!await server.RestartAsync(stoppingToken)) return; // running again, or stopped on purpose meanwhile
                ClearConnectionPools();
                log.LogWarning("Embedded PostgreSQL restarted (postmaster {Pid}) after {Attempts} attempt(s), {Seconds:F1} s after it was found down",
                    server.PostmasterProcessId, attempt, down.Elapsed.TotalSeconds);
                return;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // pg_ctl's output and the server log tail: no secrets (the embedded server has no password).
                var wait = Backoff(attempt);
                log.LogError("Restarting embedded PostgreSQL failed (attempt {Attempt}); next attempt in {Delay:F1} s: {Reason}",
                    attempt, wait.TotalSeconds, ex.Message);
                await Task.Delay(wait, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Pooled connections to the dead server are broken; each would fail one request after the restart. Drop them
    /// all, Marten's data source and the plain Npgsql pools (key ring, file store) alike.
    /// </summary>
    private void ClearConnectionPools()
    {
        NpgsqlConnection.ClearAllPools();
        if (services.GetService<IDocumentStore>() is DocumentStore { Storage.Database: Weasel.Postgresql.PostgresqlDatabase db }) db.DataSource.Clear();
    }
}
