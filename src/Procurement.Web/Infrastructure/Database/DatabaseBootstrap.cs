using Npgsql;

namespace Procurement.Infrastructure.Database;

/// <summary>
/// Decides where the data lives: a configured connection string always wins; otherwise the app
/// runs its own cluster under the data folder (the embedded default).
/// </summary>
public static class DatabaseBootstrap
{
    public const string ConnectionStringName = "Procurement";
    public const string DatabaseName = "procurement";

    public sealed record Result(string ConnectionString, EmbeddedPostgres? Embedded);

    public static string? ConfiguredConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } cs ? cs : null;

    public static string DataDirectory(IConfiguration configuration, string contentRoot)
    {
        if (configuration["Procurement:DataDirectory"] is { Length: > 0 } dir) return Path.GetFullPath(dir, contentRoot);
        var root = RepositoryPaths.FindRoot(contentRoot) ?? contentRoot;
        var inRepo = Path.Combine(root, ".data");
        // As root the server runs as 'postgres', which cannot enter a checkout under /root:
        // then keep the data in a per-checkout folder under /var/lib instead of failing.
        if (Environment.UserName == "root" && !TraversableByOthers(root))
        {
            var id = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(root)))[..12].ToLowerInvariant();
            return Path.Combine("/var/lib/procurement", id);
        }
        return inRepo;
    }

    private static bool TraversableByOthers(string path)
    {
        // Windows has no Unix modes and no 'postgres' user to worry about.
        if (OperatingSystem.IsWindows()) return true;
        for (var d = Path.GetFullPath(path); !string.IsNullOrEmpty(d) && d != "/"; d = Path.GetDirectoryName(d))
        {
            if ((File.GetUnixFileMode(d) & UnixFileMode.OtherExecute) == 0) return false;
        }
        return true;
    }

    /// <param name="besideRunningApp">
    /// A tool (the CLI): use the server of a live app on the same data folder instead of refusing, and own (start, and
    /// later stop) a server only when no live process does.
    /// </param>
    public static async Task<Result> ResolveAsync(IConfiguration configuration, string contentRoot, bool besideRunningApp = false, CancellationToken ct = default)
    {
        if (ConfiguredConnectionString(configuration) is { } configured) return new(configured, null);

        var port = int.TryParse(configuration["Procurement:Port"], out var p) ? p : 55432;
        var binDirectory = configuration["Procurement:PostgresBinDirectory"] is { Length: > 0 } bin ? bin : null;
        var dataDirectory = Path.Combine(DataDirectory(configuration, contentRoot), "postgres");
        var embedded = besideRunningApp
            ? await EmbeddedPostgres.AttachOrStartAsync(dataDirectory, port, binDirectory, ct: ct)
            : await EmbeddedPostgres.StartAsync(dataDirectory, port, binDirectory: binDirectory, ct: ct);
        await EnsureDatabaseAsync(embedded.ConnectionString(), DatabaseName, ct);
        return new(embedded.ConnectionString(DatabaseName), embedded);
    }

    public static async Task EnsureDatabaseAsync(string adminConnectionString, string database, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(adminConnectionString);
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @n", conn);
        exists.Parameters.AddWithValue("n", database);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "", StringComparison.Ordinal)}\"", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The configuration as it takes effect, with passwords masked: for the CLI and the start-up banner.</summary>
    public static string Describe(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(b.Password)) b.Password = "********";
        return b.ToString();
    }
}

/// <summary>Finds workflows/ and document-templates/ whether run from the repo, bin/ or a test folder.</summary>
public static class RepositoryPaths
{
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Procurement.sln"))) return dir.FullName;
        }
        return null;
    }

    public static string Resolve(IConfiguration configuration, string key, string folder, string contentRoot)
    {
        if (configuration[key] is { Length: > 0 } configured) return Path.GetFullPath(configured, contentRoot);
        var root = FindRoot(contentRoot) ?? FindRoot(AppContext.BaseDirectory);
        if (root is not null) return Path.Combine(root, folder);
        return Path.Combine(AppContext.BaseDirectory, folder);
    }
}
