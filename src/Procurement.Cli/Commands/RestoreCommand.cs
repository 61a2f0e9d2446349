using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Procurement.Infrastructure.Database;

namespace Procurement.Cli.Commands;

/// <summary>
/// Replaces the database's contents with a backup made by `backup`, in one transaction: either the whole backup is
/// restored or nothing changes. Stop the app first; it asks for --yes because what is there now is replaced.
/// </summary>
public sealed class RestoreCommand : ICliCommand
{
    public string Name => "restore";
    public string Summary => "replace the database with a backup made by `backup` (stop the app first)";
    public string Usage => "restore --in <file.dump> --yes";
    public bool NeedsDatabase => true;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args)
    {
        var source = Path.GetFullPath(CliArgs.Required(args, "--in"));
        if (!File.Exists(source))
        {
            await context.Error.WriteLineAsync($"バックアップファイルがありません: {source}");
            return 1;
        }
        if (CliArgs.Option(args, "--yes") != "true")
        {
            await context.Error.WriteLineAsync("復元すると、データベースの現在の内容はバックアップの内容に置き換わります。アプリを停止してから --yes を付けて実行してください。");
            return 2;
        }
        var connection = context.Services.GetRequiredService<DatabaseHandle>().ConnectionString;
        var database = new NpgsqlConnectionStringBuilder(connection).Database ?? "postgres";

        // Checked before anything is touched: a file that is not a pg_dump archive changes nothing.
        var (listed, listError) = await PgTools.RunAsync("pg_restore", connection, ["--list", source]);
        if (listed != 0)
        {
            await context.Error.WriteLineAsync($"`backup` で作成したバックアップファイルではありません: {listError}");
            return 1;
        }
        var (code, error) = await PgTools.RunAsync("pg_restore", connection,
            ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", database, source]);
        if (code != 0)
        {
            await context.Error.WriteLineAsync($"復元に失敗しました。データベースは変更されていません: {error}");
            return 1;
        }
        await context.Out.WriteLineAsync($"restored {source} into {database}");
        return 0;
    }
}
