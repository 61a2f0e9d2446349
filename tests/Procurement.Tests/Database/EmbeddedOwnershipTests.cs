using Npgsql;
using Procurement.Infrastructure.Database;

namespace Procurement.Tests.Database;

/// <summary>
/// One owner per embedded cluster: a tool beside a live app uses the app's server and leaves it running; a server
/// whose owner is gone is an orphan the next owner may stop; a tool stops only the server it started itself.
/// </summary>
public sealed class EmbeddedOwnershipTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "procurement-owner-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }

    private static async Task<object?> ScalarAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { Pooling = false }.ToString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync();
    }

    [Fact]
    public async Task A_tool_beside_a_live_owner_uses_its_server_and_leaves_it_running_and_a_second_owner_is_refused()
    {
        await using var app = await EmbeddedPostgres.StartAsync(_dir, preferredPort: 0);
        await ScalarAsync(app.ConnectionString(), "create table kept(v int); insert into kept values (7)");
        var owner = EmbeddedPostgres.ReadOwner(_dir);
        Assert.Equal(Environment.ProcessId, owner!.Pid);
        Assert.Equal(app.Port, owner.Port);

        await using (var tool = await EmbeddedPostgres.AttachOrStartAsync(_dir, preferredPort: 0))
        {
            Assert.False(tool.OwnsServer);
            Assert.Equal(app.Port, tool.Port);
            Assert.Equal(7, await ScalarAsync(tool.ConnectionString(), "select v from kept"));
        }

        var second = await Assert.ThrowsAsync<EmbeddedPostgresInUseException>(() => EmbeddedPostgres.StartAsync(_dir, preferredPort: 0));
        Assert.Contains("Procurement__DataDirectory", second.Message, StringComparison.Ordinal);

        Assert.True(app.IsServerAlive(), "the app's server survives the tool and the refused second owner");
        Assert.Equal(7, await ScalarAsync(app.ConnectionString(), "select v from kept"));
    }

    [Fact]
    public async Task A_server_whose_owner_is_gone_is_replaced_by_the_next_owner_and_a_tool_stops_only_the_server_it_started()
    {
        var crashed = await EmbeddedPostgres.StartAsync(_dir, preferredPort: 0);
        await ScalarAsync(crashed.ConnectionString(), "create table kept(v int); insert into kept values (42)");
        var orphan = crashed.PostmasterProcessId!.Value;
        crashed.AbandonAsIfCrashed();

        var tool = await EmbeddedPostgres.AttachOrStartAsync(_dir, preferredPort: 0);
        Assert.True(tool.OwnsServer, "no live owner: the tool becomes the owner");
        Assert.False(EmbeddedPostgres.IsProcessAlive(orphan, 0), "the orphaned server was stopped");
        Assert.Equal(42, await ScalarAsync(tool.ConnectionString(), "select v from kept"));
        var started = tool.PostmasterProcessId!.Value;

        await tool.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        Assert.False(EmbeddedPostgres.IsProcessAlive(started, 0), "the tool stops the server it started");
        Assert.False(File.Exists(Path.Combine(tool.ClusterDirectory, "postmaster.pid")));
        Assert.Null(EmbeddedPostgres.ReadOwner(_dir));
    }

    [Fact]
    public async Task A_killed_server_of_a_live_owner_is_restarted_on_the_same_port_with_its_data()
    {
        await using var app = await EmbeddedPostgres.StartAsync(_dir, preferredPort: 0);
        await ScalarAsync(app.ConnectionString(), "create table kept(v int); insert into kept values (5)");
        var port = app.Port;
        System.Diagnostics.Process.GetProcessById(app.PostmasterProcessId!.Value).Kill();
        for (var i = 0; i < 50 && app.IsServerAlive(); i++) await Task.Delay(100);
        Assert.False(app.IsServerAlive());

        // The old backends leave on their own once the postmaster is gone; until then a start may be refused.
        var restarted = false;
        for (var attempt = 0; attempt < 20 && !restarted; attempt++)
        {
            try { restarted = await app.RestartAsync(); }
            catch (InvalidOperationException) { await Task.Delay(500); }
        }

        Assert.True(restarted);
        Assert.True(app.IsServerAlive());
        Assert.Equal(port, app.Port);
        NpgsqlConnection.ClearAllPools();
        Assert.Equal(5, await ScalarAsync(app.ConnectionString(), "select v from kept"));
        Assert.False(await app.RestartAsync(), "nothing to do while it runs");
    }

    [Fact]
    public void Restart_attempts_back_off_exponentially_up_to_thirty_seconds()
    {
        Assert.Equal([0.5, 1, 2, 4, 8, 16, 30, 30], Enumerable.Range(1, 8).Select(a => EmbeddedDatabaseWatchdog.Backoff(a).TotalSeconds));
    }
}
