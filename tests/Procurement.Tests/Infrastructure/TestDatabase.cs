using System.Globalization;
using Procurement.Infrastructure.Database;

namespace Procurement.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster per test process (started on first use, removed at exit);
/// every test class gets a database of its own, so classes never see each other's data.
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static EmbeddedPostgres? _cluster;
    private static int _counter;

    public static async Task<EmbeddedPostgres> ClusterAsync()
    {
        if (_cluster is not null) return _cluster;
        await Gate.WaitAsync();
        try
        {
            if (_cluster is null)
            {
                var dir = Path.Combine(Path.GetTempPath(), "procurement-tests-" + Guid.NewGuid().ToString("N")[..12]);
                _cluster = await EmbeddedPostgres.StartAsync(dir, throwaway: true);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            return _cluster;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A new empty database; returns its connection string.</summary>
    public static async Task<string> CreateAsync(string hint)
    {
        var cluster = await ClusterAsync();
        var safe = new string(hint.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray());
        var name = $"t{Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture)}_{safe}_{Guid.NewGuid().ToString("N")[..6]}";
        await DatabaseBootstrap.EnsureDatabaseAsync(cluster.ConnectionString(), name);
        return cluster.ConnectionString(name);
    }
}
