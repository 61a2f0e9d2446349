using System.Net;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Procurement.Cli;
using Procurement.Features.Groups;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Cli;

/// <summary>
/// The CLI beside an app running on its embedded cluster: it uses the app's server and leaves it up, so the app keeps
/// answering, and the backup it takes restores.
/// </summary>
public sealed class CliBesideRunningAppTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "procurement-cli-app-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }

    private static async Task<(int Code, string Error)> CliAsync(IConfiguration config, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync(args, config, output, error);
        return (code, error.ToString());
    }

    [Fact]
    public async Task A_backup_beside_the_running_app_keeps_its_health_at_200_and_the_backup_restores()
    {
        await using var app = AppFactory.Embedded(_dir);
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var before = Guid.NewGuid();
        await app.Store.StartGroupAsync(before, "バックアップ前の協議会");

        var beside = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Procurement:DataDirectory"] = _dir, ["Procurement:Port"] = "0",
        }).Build();
        var file = Path.Combine(_dir, "beside.dump");
        var backup = await CliAsync(beside, "backup", "--out", file);
        Assert.True(backup.Code == 0, backup.Error);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var after = Guid.NewGuid();
        await app.Store.StartGroupAsync(after, "バックアップ後の協議会"); // the app still writes, on the same server

        var target = await TestDatabase.CreateAsync(nameof(CliBesideRunningAppTests));
        var elsewhere = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Procurement"] = target }).Build();
        var restore = await CliAsync(elsewhere, "restore", "--in", file, "--yes");
        Assert.True(restore.Code == 0, restore.Error);
        await using var conn = new NpgsqlConnection(target);
        await conn.OpenAsync();
        await using var names = new NpgsqlCommand("select string_agg(data->>'Name', ',') from procurement.mt_doc_groupview", conn);
        Assert.Equal("バックアップ前の協議会", await names.ExecuteScalarAsync());

        await using var query = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.NotNull(await query.LoadAsync<GroupView>(after));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
