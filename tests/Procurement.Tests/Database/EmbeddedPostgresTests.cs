using System.Diagnostics;
using Npgsql;
using Procurement.Infrastructure.Database;

namespace Procurement.Tests.Database;

/// <summary>The embedded default: data survives a restart, and a crash does not block the next start.</summary>
public sealed class EmbeddedPostgresTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "procurement-embedded-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
        return Task.CompletedTask;
    }

    private static async Task ExecAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync();
    }

    [Fact]
    public async Task Data_written_before_a_stop_is_there_after_the_next_start()
    {
        var pg = await EmbeddedPostgres.StartAsync(_dir);
        await ExecAsync(pg.ConnectionString(), "create table kept(v text); insert into kept values ('令和8年')");
        await pg.StopAsync();
        NpgsqlConnection.ClearAllPools();

        var again = await EmbeddedPostgres.StartAsync(_dir);
        try
        {
            Assert.Equal("令和8年", await ScalarAsync(again.ConnectionString(), "select v from kept"));
        }
        finally
        {
            await again.StopAsync();
        }
    }

    [Fact]
    public async Task A_killed_server_and_a_stale_pid_file_do_not_block_the_next_start()
    {
        var pg = await EmbeddedPostgres.StartAsync(_dir);
        await ExecAsync(pg.ConnectionString(), "create table kept(v int); insert into kept values (42)");
        var pidFile = Path.Combine(pg.ClusterDirectory, "postmaster.pid");
        var pid = int.Parse(File.ReadLines(pidFile).First(), System.Globalization.CultureInfo.InvariantCulture);
        Process.GetProcessById(pid).Kill(entireProcessTree: false); // SIGKILL: no clean shutdown, pid file left behind
        pg.AbandonAsIfCrashed(); // and its owner died too: the next start is a new owner
        await Task.Delay(500);
        NpgsqlConnection.ClearAllPools();
        Assert.True(File.Exists(pidFile));

        var again = await EmbeddedPostgres.StartAsync(_dir);
        try
        {
            Assert.Equal(42, await ScalarAsync(again.ConnectionString(), "select v from kept"));
        }
        finally
        {
            await again.StopAsync();
        }
    }

    [Fact]
    public async Task Missing_binaries_give_one_clear_message_with_the_fix()
    {
        var ex = await Assert.ThrowsAsync<PostgresMissingException>(() => EmbeddedPostgres.StartAsync(_dir, binDirectory: "/nonexistent/bin"));

        Assert.Contains("apt-get install -y postgresql", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Procurement", ex.Message, StringComparison.Ordinal);
    }
}
