using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Procurement.Infrastructure.Database;

/// <summary>
/// Runs a private PostgreSQL cluster from the machine's own binaries, so the app and the tests
/// need no Docker and no pre-installed server. Used only when no connection string is configured.
/// </summary>
/// <remarks>
/// One process owns the cluster at a time: it holds an exclusive lock on <c>owner.lock</c> in the data folder for as
/// long as it lives (the kernel drops the lock when the process dies, however it dies) and records its process id and
/// the server's port in <c>owner.json</c>. So a second process can tell "a live app owns this server: use it, leave it
/// alone" from "the owner is gone: the server, if any, is an orphan and may be stopped".
/// </remarks>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private readonly string _binDir;
    private readonly bool _asPostgresUser;
    private readonly bool _throwaway;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FileStream? _ownership;
    private string _startOptions = "";
    private (int Pid, long StartTicks) _postmaster;

    public string DataDirectory { get; }
    public string ClusterDirectory => Path.Combine(DataDirectory, "pgdata");
    public string LogFile => Path.Combine(DataDirectory, "postgres.log");
    public string OwnerLockFile => OwnerLockPath(DataDirectory);
    public string OwnerFile => OwnerFilePath(DataDirectory);
    public int Port { get; private set; }
    private string SocketDirectory => Path.Combine(Path.GetTempPath(), "procurement-pg-" + Port.ToString(CultureInfo.InvariantCulture));
    /// <summary>This process started the server and has not stopped it (an attached process never has).</summary>
    public bool IsRunning { get; private set; }
    /// <summary>False when attached to a server a live app owns: then this process neither restarts nor stops it.</summary>
    public bool OwnsServer => _ownership is not null;
    /// <summary>When attached: the process id of the app that owns the server.</summary>
    public int? OwnerProcessId { get; private set; }
    /// <summary>The postmaster's process id while this process runs the server.</summary>
    public int? PostmasterProcessId => IsRunning && _postmaster.Pid > 0 ? _postmaster.Pid : null;

    private EmbeddedPostgres(string binDir, string dataDirectory, bool throwaway)
    {
        _binDir = binDir;
        DataDirectory = Path.GetFullPath(dataDirectory);
        _throwaway = throwaway;
        _asPostgresUser = Environment.UserName == "root";
    }

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Pooling=true;Maximum Pool Size=40;Timeout=30;Command Timeout=60";

    /// <summary>
    /// Creates (first time) and starts the cluster in <paramref name="dataDirectory"/>, as its owner. Refuses when a
    /// live process already owns it (<see cref="EmbeddedPostgresInUseException"/>): two apps on one cluster would stop
    /// each other's server.
    /// </summary>
    /// <param name="throwaway">Tests: durability settings off, because the data dies with the run.</param>
    public static async Task<EmbeddedPostgres> StartAsync(string dataDirectory, int? preferredPort = null,
        bool throwaway = false, string? binDirectory = null, CancellationToken ct = default)
    {
        var pg = new EmbeddedPostgres(RequireBinDirectory(binDirectory), dataDirectory, throwaway);
        pg._ownership = TryTakeOwnership(pg.DataDirectory)
            ?? throw new EmbeddedPostgresInUseException(pg.DataDirectory, ReadOwner(pg.DataDirectory)?.Pid);
        await pg.StartOwnedAsync(preferredPort, ct);
        return pg;
    }

    /// <summary>
    /// For tools (the CLI) beside a running app: when a live process owns the cluster, connects to its server and
    /// never stops it; otherwise becomes the owner, starts the server (after stopping an orphan) and stops it again on
    /// dispose. Waits up to <paramref name="wait"/> for an owner that is still starting or restarting its server.
    /// </summary>
    public static async Task<EmbeddedPostgres> AttachOrStartAsync(string dataDirectory, int? preferredPort = null,
        string? binDirectory = null, TimeSpan? wait = null, CancellationToken ct = default)
    {
        var pg = new EmbeddedPostgres(RequireBinDirectory(binDirectory), dataDirectory, throwaway: false);
        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (TryTakeOwnership(pg.DataDirectory) is { } ownership)
            {
                pg._ownership = ownership;
                await pg.StartOwnedAsync(preferredPort, ct);
                return pg;
            }
            var owner = ReadOwner(pg.DataDirectory);
            if (owner is { } live && IsProcessAlive(live.Pid, live.ProcessStartTicks) && await AcceptsConnectionsAsync(live.Port, ct))
            {
                pg.Port = live.Port;
                pg.OwnerProcessId = live.Pid;
                return pg;
            }
            if (DateTime.UtcNow > deadline) throw new EmbeddedPostgresInUseException(pg.DataDirectory, owner?.Pid);
            await Task.Delay(200, ct);
        }
    }

    private static string RequireBinDirectory(string? binDirectory)
    {
        var bin = binDirectory ?? FindBinDirectory();
        if (bin is null || !File.Exists(Path.Combine(bin, "initdb")) || !File.Exists(Path.Combine(bin, "pg_ctl"))) throw new PostgresMissingException();
        return bin;
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

    private async Task StartOwnedAsync(int? preferredPort, CancellationToken ct)
    {
        try
        {
            await StartCoreAsync(preferredPort, ct);
        }
        catch
        {
            ReleaseOwnership();
            throw;
        }
    }

    private async Task StartCoreAsync(int? preferredPort, CancellationToken ct)
    {
        if (File.Exists(OwnerFile)) File.Delete(OwnerFile); // a dead owner's record; ours follows once the server runs
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
        // remove the other, so a crash never blocks the next start. We hold the owner lock, so whoever
        // started that server is gone: it is an orphan, not a live app's database.
        var status = await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", ClusterDirectory, "status"], asPostgres: true, ct, throwOnError: false);
        if (status.ExitCode == 0)
        {
            await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", ClusterDirectory, "-m", "fast", "-w", "stop"], asPostgres: true, ct, throwOnError: false);
        }
        var pidFile = Path.Combine(ClusterDirectory, "postmaster.pid");
        if (File.Exists(pidFile)) File.Delete(pidFile);

        Port = preferredPort is { } p && p > 0 && IsPortFree(p) ? p : FreePort();
        Directory.CreateDirectory(SocketDirectory);
        if (_asPostgresUser) await RunAsync("chown", ["postgres:postgres", SocketDirectory], asPostgres: false, ct);

        _startOptions = $"-c listen_addresses=127.0.0.1 -p {Port} -k {SocketDirectory} -c max_connections=200";
        if (_throwaway) _startOptions += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await PgCtlStartAsync(ct);
        IsRunning = true;
        WriteOwnerFile();
    }

    private async Task PgCtlStartAsync(CancellationToken ct)
    {
        await RunAsync(Path.Combine(_binDir, "pg_ctl"),
            ["-D", ClusterDirectory, "-l", LogFile, "-w", "-t", "60", "start", "-o", _startOptions], asPostgres: true, ct);
        _postmaster = ReadPostmaster();
    }

    /// <summary>
    /// Whether the server this process started still runs: its postmaster (the same process, not a reused id) is
    /// alive. Cheap enough to ask every second: one read under /proc.
    /// </summary>
    public bool IsServerAlive() => IsRunning && _postmaster.Pid > 0 && IsProcessAlive(_postmaster.Pid, _postmaster.StartTicks);

    /// <summary>
    /// Starts the owned server again after it died (same port, so every connection string stays valid). PostgreSQL's
    /// crash recovery replays the write-ahead log, so every committed transaction is there. Returns false when there
    /// was nothing to do: the server runs, was stopped on purpose, or belongs to another process.
    /// </summary>
    public async Task<bool> RestartAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (!OwnsServer || !IsRunning || IsServerAlive()) return false;
            // The dead postmaster's pid file; pg_ctl would otherwise refuse while the id is reused by another process.
            var pidFile = Path.Combine(ClusterDirectory, "postmaster.pid");
            if (File.Exists(pidFile)) File.Delete(pidFile);
            // Likewise the socket's lock file: PostgreSQL trusts it while the dead postmaster is an unreaped zombie.
            var socketLock = Path.Combine(SocketDirectory, $".s.PGSQL.{Port.ToString(CultureInfo.InvariantCulture)}.lock");
            if (File.Exists(socketLock)) File.Delete(socketLock);
            await PgCtlStartAsync(ct);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (IsRunning)
            {
                IsRunning = false;
                // Ctrl+C also reaches the server through the terminal's process group; "not running" is fine then.
                await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", ClusterDirectory, "-m", "fast", "-w", "stop"], asPostgres: true, CancellationToken.None, throwOnError: false);
            }
            ReleaseOwnership();
        }
        finally
        {
            _gate.Release();
        }
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

    internal static string OwnerLockPath(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), "owner.lock");
    internal static string OwnerFilePath(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), "owner.json");

    /// <summary>
    /// The exclusive lock that makes this process the owner, or null when a live process holds it. On Linux
    /// FileShare.None is an flock(LOCK_EX | LOCK_NB) on the open file, released by the kernel when the process dies;
    /// the file is opened close-on-exec, so the server we start never inherits (and never keeps) the lock.
    /// </summary>
    private static FileStream? TryTakeOwnership(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        try
        {
            return new FileStream(OwnerLockPath(dataDirectory), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private void ReleaseOwnership()
    {
        if (_ownership is null) return;
        try { File.Delete(OwnerFile); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        _ownership.Dispose();
        _ownership = null;
    }

    /// <summary>Tests: what a killed owner leaves behind, a running server and no lock (the kernel drops it with the process).</summary>
    internal void AbandonAsIfCrashed()
    {
        _ownership?.Dispose();
        _ownership = null;
        IsRunning = false;
    }

    internal sealed record Owner(int Pid, long ProcessStartTicks, int Port, DateTimeOffset Since);

    private void WriteOwnerFile()
    {
        var self = Environment.ProcessId;
        var owner = new Owner(self, ProcessStartTicks(self) ?? 0, Port, DateTimeOffset.UtcNow);
        var temp = OwnerFile + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(owner));
        File.Move(temp, OwnerFile, overwrite: true);
    }

    internal static Owner? ReadOwner(string dataDirectory)
    {
        try
        {
            return JsonSerializer.Deserialize<Owner>(File.ReadAllText(OwnerFilePath(dataDirectory)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private (int Pid, long StartTicks) ReadPostmaster()
    {
        try
        {
            var first = File.ReadLines(Path.Combine(ClusterDirectory, "postmaster.pid")).FirstOrDefault();
            if (int.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)) return (pid, ProcessStartTicks(pid) ?? 0);
        }
        catch (IOException) { }
        return (0, 0);
    }

    /// <summary>
    /// A live process with this id that started at <paramref name="startTicks"/> (0: any), so a reused id is not taken
    /// for the process we knew. A zombie counts as dead: a killed server that nobody reaped yet is not serving.
    /// </summary>
    internal static bool IsProcessAlive(int pid, long startTicks)
    {
        var stat = ReadStat(pid);
        if (stat is null) return false;
        var (state, ticks) = stat.Value;
        if (state is 'Z' or 'X' or 'x') return false;
        return startTicks == 0 || ticks == startTicks;
    }

    private static long? ProcessStartTicks(int pid) => ReadStat(pid)?.StartTicks;

    /// <summary>/proc/[pid]/stat: the state (field 3) and the start time in clock ticks since boot (field 22).</summary>
    private static (char State, long StartTicks)? ReadStat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // the name in (...) may hold spaces
            return (rest[0][0], long.Parse(rest[19], CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private static void EnsureTraversableByPostgres(string path)
    {
        // Only a Unix server runs as a separate 'postgres' user that needs to enter the folders.
        if (OperatingSystem.IsWindows()) return;
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

/// <summary>Another live process owns the embedded cluster in this data folder.</summary>
public sealed class EmbeddedPostgresInUseException(string dataDirectory, int? ownerPid) : Exception(
    $"データフォルダ {dataDirectory} の PostgreSQL は別のプロセス（pid {ownerPid?.ToString(CultureInfo.InvariantCulture) ?? "?"}）が使用中です / " +
    $"The embedded PostgreSQL in {dataDirectory} is in use by another running process (pid {ownerPid?.ToString(CultureInfo.InvariantCulture) ?? "?"}). " +
    "Stop that process, or set Procurement:DataDirectory (env Procurement__DataDirectory) to another folder.");

public sealed class PostgresMissingException() : Exception(
    "PostgreSQL のサーバープログラムが見つかりません / PostgreSQL server binaries were not found. " +
    "Install them (as root: apt-get install -y postgresql) or set the connection string " +
    "ConnectionStrings__Procurement=\"Host=...;Database=...;Username=...;Password=...\".");
