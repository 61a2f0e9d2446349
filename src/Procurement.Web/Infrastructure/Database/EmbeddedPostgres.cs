using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Procurement.Infrastructure.Database;

/// <summary>
/// Runs a private PostgreSQL cluster from the machine's own binaries, so the app and the tests
/// need no Docker and no pre-installed server. Used only when no connection string is configured.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private readonly string _binDir;
    private readonly bool _asPostgresUser;
    private readonly bool _throwaway;

    public string DataDirectory { get; }
    public string ClusterDirectory => Path.Combine(DataDirectory, "pgdata");
    public string LogFile => Path.Combine(DataDirectory, "postgres.log");
    public int Port { get; private set; }
    public bool IsRunning { get; private set; }

    private EmbeddedPostgres(string binDir, string dataDirectory, bool throwaway)
    {
        _binDir = binDir;
        DataDirectory = Path.GetFullPath(dataDirectory);
        _throwaway = throwaway;
        _asPostgresUser = Environment.UserName == "root";
    }

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Pooling=true;Maximum Pool Size=40;Timeout=30;Command Timeout=60";

    /// <summary>Creates (first time) and starts the cluster in <paramref name="dataDirectory"/>.</summary>
    /// <param name="throwaway">Tests: durability settings off, because the data dies with the run.</param>
    public static async Task<EmbeddedPostgres> StartAsync(string dataDirectory, int? preferredPort = null,
        bool throwaway = false, string? binDirectory = null, CancellationToken ct = default)
    {
        var bin = binDirectory ?? FindBinDirectory();
        if (bin is null || !File.Exists(Path.Combine(bin, "initdb")) || !File.Exists(Path.Combine(bin, "pg_ctl"))) throw new PostgresMissingException();
        var pg = new EmbeddedPostgres(bin, dataDirectory, throwaway);
        await pg.StartCoreAsync(preferredPort, ct);
        return pg;
    }

    public static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (Directory.Exists(root))
        {
            var best = Directory.GetDirectories(root)
                .Select(d => (dir: d, version: int.TryParse(Path.GetFileName(d), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0))
                .Where(x => File.Exists(Path.Combine(x.dir, "bin", "initdb")) && File.Exists(Path.Combine(x.dir, "bin", "pg_ctl")))
                .OrderByDescending(x => x.version)
                .FirstOrDefault();
            if (best.dir is not null) return Path.Combine(best.dir, "bin");
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"))) return dir;
        }
        return null;
    }

    private async Task StartCoreAsync(int? preferredPort, CancellationToken ct)
    {
        Directory.CreateDirectory(DataDirectory);
        if (_asPostgresUser)
        {
            EnsureTraversableByPostgres(DataDirectory);
            await RunAsync("chown", ["-R", "postgres:postgres", DataDirectory], asPostgres: false, ct);
        }

        if (!File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION")))
        {
            if (Directory.Exists(ClusterDirectory)) Directory.Delete(ClusterDirectory, recursive: true);
            await RunAsync(Path.Combine(_binDir, "initdb"),
                ["-D", ClusterDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                asPostgres: true, ct);
        }

        // A killed app leaves its server running or a stale postmaster.pid behind: stop the one,
        // remove the other, so a crash never blocks the next start.
        var status = await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", ClusterDirectory, "status"], asPostgres: true, ct, throwOnError: false);
        if (status.ExitCode == 0)
        {
            await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", ClusterDirectory, "-m", "fast", "-w", "stop"], asPostgres: true, ct, throwOnError: false);
        }
        var pidFile = Path.Combine(ClusterDirectory, "postmaster.pid");
        if (File.Exists(pidFile)) File.Delete(pidFile);

        Port = preferredPort is { } p && p > 0 && IsPortFree(p) ? p : FreePort();
        var socketDir = Path.Combine(Path.GetTempPath(), "procurement-pg-" + Port.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(socketDir);
        if (_asPostgresUser) await RunAsync("chown", ["postgres:postgres", socketDir], asPostgres: false, ct);

        var options = $"-c listen_addresses=127.0.0.1 -p {Port} -k {socketDir} -c max_connections=200";
        if (_throwaway) options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunAsync(Path.Combine(_binDir, "pg_ctl"),
            ["-D", ClusterDirectory, "-l", LogFile, "-w", "-t", "60", "start", "-o", options], asPostgres: true, ct);
        IsRunning = true;
    }

    public async Task StopAsync()
    {
        if (!IsRunning) return;
        IsRunning = false;
        // Ctrl+C also reaches the server through the terminal's process group; "not running" is fine then.
        await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", ClusterDirectory, "-m", "fast", "-w", "stop"], asPostgres: true, CancellationToken.None, throwOnError: false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_throwaway)
        {
            try { Directory.Delete(DataDirectory, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static void EnsureTraversableByPostgres(string path)
    {
        for (var dir = Path.GetDirectoryName(path); !string.IsNullOrEmpty(dir) && dir != "/"; dir = Path.GetDirectoryName(dir))
        {
            var mode = File.GetUnixFileMode(dir);
            if ((mode & UnixFileMode.OtherExecute) == 0)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL runs as the 'postgres' user and cannot enter '{dir}'. " +
                    "Set Procurement:DataDirectory (env Procurement__DataDirectory) to a folder outside it, e.g. /var/lib/procurement, " +
                    "or configure ConnectionStrings:Procurement.");
            }
        }
    }

    private static bool IsPortFree(int port)
    {
        try
        {
            using var l = new TcpListener(IPAddress.Loopback, port);
            l.Start();
            return true;
        }
        catch (SocketException) { return false; }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string file, string[] args, bool asPostgres, CancellationToken ct, bool throwOnError = true)
    {
        var psi = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && _asPostgresUser)
        {
            psi.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--", file }) psi.ArgumentList.Add(a);
        }
        else
        {
            psi.FileName = file;
        }
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["LC_ALL"] = "C.UTF-8";

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}");
        // pg_ctl start leaves the server holding inherited pipes; read stdout/stderr without waiting for EOF.
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = (await WhenCompleteOrTimeout(stdout) + await WhenCompleteOrTimeout(stderr)).Trim();
        if (throwOnError && process.ExitCode != 0)
        {
            var log = File.Exists(LogFile) ? Tail(LogFile, 15) : "";
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {output}\n{log}");
        }
        return (process.ExitCode, output);
    }

    private static async Task<string> WhenCompleteOrTimeout(Task<string> read)
    {
        var done = await Task.WhenAny(read, Task.Delay(2000));
        return done == read ? await read : "";
    }

    private static string Tail(string path, int lines)
    {
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(fs);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException) { return ""; }
    }
}

public sealed class PostgresMissingException() : Exception(
    "PostgreSQL のサーバープログラムが見つかりません / PostgreSQL server binaries were not found. " +
    "Install them (as root: apt-get install -y postgresql) or set the connection string " +
    "ConnectionStrings__Procurement=\"Host=...;Database=...;Username=...;Password=...\".");
