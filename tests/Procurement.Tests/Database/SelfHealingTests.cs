using System.Diagnostics;
using System.Globalization;
using System.Net;
using Marten;
using Procurement.Features.Groups;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Database;

/// <summary>The app on its embedded default heals its database: a killed server comes back, and so does /health.</summary>
public sealed class SelfHealingTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "procurement-heal-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>SIGKILL to the postmaster, as an OOM killer or a careless admin would: no shutdown, pid file left behind.</summary>
    internal static void KillPostmaster(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postgres", "pgdata", "postmaster.pid");
        var pid = int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture);
        Process.GetProcessById(pid).Kill();
    }

    [Fact]
    public async Task After_the_embedded_server_is_killed_health_returns_to_200_by_itself_and_the_data_is_there()
    {
        await using var app = AppFactory.Embedded(_dir);
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var before = Guid.NewGuid();
        await app.Store.StartGroupAsync(before, "障害前の協議会");

        KillPostmaster(_dir);
        var down = Stopwatch.StartNew();
        var sawDown = false;
        var status = HttpStatusCode.ServiceUnavailable;
        while (down.Elapsed < TimeSpan.FromSeconds(60))
        {
            status = (await client.GetAsync("/health")).StatusCode;
            if (status == HttpStatusCode.ServiceUnavailable) sawDown = true;
            if (status == HttpStatusCode.OK && sawDown) break;
            await Task.Delay(100);
        }

        Assert.True(sawDown, "the kill was seen");
        Assert.Equal(HttpStatusCode.OK, status);
        var after = Guid.NewGuid();
        await app.Store.StartGroupAsync(after, "復旧後の協議会"); // the first write after the restart already succeeds
        await using var query = app.Store.QuerySession();
        Assert.Equal("障害前の協議会", (await query.LoadAsync<GroupView>(before))!.Name);
        Assert.Equal("復旧後の協議会", (await query.LoadAsync<GroupView>(after))!.Name);
    }
}
