using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Procurement.Infrastructure.Database;

namespace Procurement.Cli.Commands;

/// <summary>
/// A full copy of the database (events, read models, stored files) in pg_dump's custom format, for the office's
/// backup routine; `restore` puts it back. Works the same on the embedded cluster and a configured server.
/// </summary>
public sealed class BackupCommand : ICliCommand
{
    public string Name => "backup";
    public string Summary => "write a full backup of the database to a file (pg_dump custom format)";
    public string Usage => "backup --out <file.dump>";
    public bool NeedsDatabase => true;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args)
    {
        var target = Path.GetFullPath(CliArgs.Required(args, "--out"));
        if (!Directory.Exists(Path.GetDirectoryName(target)))
        {
            await context.Error.WriteLineAsync($"バックアップに失敗しました: 保存先のフォルダがありません（{Path.GetDirectoryName(target)}）。");
            return 1;
        }
        var connection = context.Services.GetRequiredService<DatabaseHandle>().ConnectionString;
        var database = new NpgsqlConnectionStringBuilder(connection).Database ?? "postgres";
        // Written beside the target and moved at the end, so a failed run never leaves a truncated backup under the name.
        var partial = target + ".partial";
        var (code, error) = await PgTools.RunAsync("pg_dump", connection, ["--format=custom", "--no-owner", "--no-privileges", "--file", partial, database]);
        if (code != 0)
        {
            if (File.Exists(partial)) File.Delete(partial);
            await context.Error.WriteLineAsync($"バックアップに失敗しました: {error}");
            return 1;
        }
        File.Move(partial, target, overwrite: true);
        var bytes = await File.ReadAllBytesAsync(target);
        await context.Out.WriteLineAsync($"{target}: {bytes.LongLength:N0} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}");
        return 0;
    }
}
