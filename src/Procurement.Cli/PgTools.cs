using System.Diagnostics;
using Npgsql;
using Procurement.Infrastructure.Database;

namespace Procurement.Cli;

/// <summary>
/// pg_dump and pg_restore against the database the app uses (configured or embedded). The password goes to the
/// tool in PGPASSWORD, never on its command line, so it shows neither in the process list nor in any output.
/// </summary>
internal static class PgTools
{
    /// <summary>The newest PostgreSQL on the machine, the same one the embedded cluster runs on; else whatever PATH finds.</summary>
    private static string Find(string tool) =>
        EmbeddedPostgres.FindBinDirectory() is { } bin && File.Exists(Path.Combine(bin, tool)) ? Path.Combine(bin, tool) : tool;

    public static async Task<(int ExitCode, string Error)> RunAsync(string tool, string connectionString, IEnumerable<string> args, CancellationToken ct = default)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var psi = new ProcessStartInfo(Find(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "--host", cs.Host ?? "127.0.0.1", "--port", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", cs.Username ?? "postgres", "--no-password" })
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (!string.IsNullOrEmpty(cs.Password)) psi.Environment["PGPASSWORD"] = cs.Password;
        if (cs.SslMode is SslMode.Require or SslMode.VerifyCA or SslMode.VerifyFull) psi.Environment["PGSSLMODE"] = "require";
        psi.Environment["LC_ALL"] = "C.UTF-8";

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException(tool);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (127, $"{tool} が見つかりません。PostgreSQLのクライアント（postgresql-client）をインストールしてください。");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            await stdout;
            return (process.ExitCode, (await stderr).Trim());
        }
    }
}
