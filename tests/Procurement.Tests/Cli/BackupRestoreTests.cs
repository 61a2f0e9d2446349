using Microsoft.Extensions.Configuration;
using Npgsql;
using Procurement.Cli;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Cli;

/// <summary>`backup` and `restore` on a real database: the restore brings back exactly what was backed up, in one go.</summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private string _connection = "";
    private IConfiguration _config = null!;
    private readonly string _folder = Directory.CreateTempSubdirectory("procurement-backup").FullName;

    public async Task InitializeAsync()
    {
        _connection = await TestDatabase.CreateAsync(nameof(BackupRestoreTests));
        _config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Procurement"] = _connection }).Build();
        await SqlAsync("create table notes (id int primary key, text text not null); insert into notes values (1, '令和8年度 調達開始')");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private async Task SqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<string>> NotesAsync()
    {
        await using var connection = new NpgsqlConnection(_connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select text from notes order by id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var notes = new List<string>();
        while (await reader.ReadAsync()) notes.Add(reader.GetString(0));
        return notes;
    }

    private async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync(args, _config, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_restore_brings_back_what_was_backed_up_and_refuses_without_yes_or_with_a_foreign_file()
    {
        var file = Path.Combine(_folder, "procurement.dump");
        var backup = await RunAsync("backup", "--out", file);
        Assert.True(backup.Code == 0, backup.Error);
        Assert.Matches(@"procurement\.dump: [\d,]+ bytes, sha256 [0-9a-f]{64}", backup.Out);
        Assert.False(File.Exists(file + ".partial"));

        await SqlAsync("insert into notes values (2, '誤って登録した記録'); update notes set text = '書き換え' where id = 1");

        var withoutYes = await RunAsync("restore", "--in", file);
        Assert.Equal(2, withoutYes.Code);
        Assert.Contains("--yes", withoutYes.Error, StringComparison.Ordinal);

        var foreign = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(foreign, "これはバックアップではありません");
        var refused = await RunAsync("restore", "--in", foreign, "--yes");
        Assert.Equal(1, refused.Code);
        Assert.Contains("バックアップファイルではありません", refused.Error, StringComparison.Ordinal);
        Assert.Equal(["書き換え", "誤って登録した記録"], await NotesAsync()); // nothing touched

        var restored = await RunAsync("restore", "--in", file, "--yes");
        Assert.True(restored.Code == 0, restored.Error);
        Assert.Equal(["令和8年度 調達開始"], await NotesAsync());
    }

    [Fact]
    public async Task A_backup_to_a_folder_that_does_not_exist_fails_and_leaves_nothing_behind()
    {
        var file = Path.Combine(_folder, "missing", "procurement.dump");

        var backup = await RunAsync("backup", "--out", file);

        Assert.Equal(1, backup.Code);
        Assert.Contains("バックアップに失敗しました", backup.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
        Assert.False(File.Exists(file + ".partial"));
    }
}
