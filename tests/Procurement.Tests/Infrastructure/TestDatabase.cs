using System.Collections.Concurrent;
using System.Globalization;
using Marten;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Procurement.Features.Demo;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Database;

namespace Procurement.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster per test process (started on first use, removed at exit);
/// every test class gets a database of its own, so classes never see each other's data.
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly SemaphoreSlim CloneGate = new(1, 1);
    private static readonly ConcurrentDictionary<DateTimeOffset, Lazy<Task<string>>> Templates = new();
    private static EmbeddedPostgres? _cluster;
    private static int _counter;

    public static async Task<EmbeddedPostgres> ClusterAsync()
    {
        if (_cluster is not null) return _cluster;
        await Gate.WaitAsync();
        try
        {
            if (_cluster is null)
            {
                RemoveOrphanedClusters();
                var dir = Path.Combine(Path.GetTempPath(), "procurement-tests-" + Guid.NewGuid().ToString("N")[..12]);
                _cluster = await EmbeddedPostgres.StartAsync(dir, throwaway: true);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            return _cluster;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Removes the clusters of earlier test processes that did not get to remove their own (a run stopped with Ctrl+C or
    /// killed by a timeout exits without its exit handlers): each holds hundreds of megabytes, and a developer's machine
    /// filled its disk with them. A cluster whose postmaster still runs belongs to a live test process and is kept, as is
    /// one made in the last minutes (another process may be initialising it right now).
    /// </summary>
    private static void RemoveOrphanedClusters()
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), "procurement-tests-*"))
        {
            try
            {
                if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(dir) < TimeSpan.FromMinutes(5)) continue;
                var pidFile = Path.Combine(dir, "pgdata", "postmaster.pid");
                if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
                    && Directory.Exists($"/proc/{pid}"))
                {
                    continue;
                }
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // In use or not ours: left for a later run.
            }
        }
    }

    /// <summary>A new empty database; returns its connection string.</summary>
    public static async Task<string> CreateAsync(string hint)
    {
        var cluster = await ClusterAsync();
        var name = NewName(hint);
        await DatabaseBootstrap.EnsureDatabaseAsync(cluster.ConnectionString(), name);
        return cluster.ConnectionString(name);
    }

    /// <summary>
    /// A new database with the full schema and the demo data as <see cref="DemoData.SeedAsync"/> writes it at
    /// <paramref name="seededAt"/>. Seeding costs seconds (schema DDL, password hashing), so it runs once per process
    /// into a template database that every call copies; the copy also carries a snapshot <see cref="ResetAsync"/> restores.
    /// </summary>
    public static async Task<string> CreateSeededAsync(string hint, DateTimeOffset seededAt)
    {
        var cluster = await ClusterAsync();
        var template = await Templates.GetOrAdd(seededAt, at => new Lazy<Task<string>>(() => CreateTemplateAsync(at))).Value;
        var name = NewName(hint);
        await CloneGate.WaitAsync(); // a template may be copied by one session at a time
        try
        {
            await ExecuteAsync(cluster.ConnectionString(), $"create database \"{name}\" template \"{template}\"");
        }
        finally
        {
            CloneGate.Release();
        }
        return cluster.ConnectionString(name);
    }

    /// <summary>
    /// Puts a database made by <see cref="CreateSeededAsync"/> back to the demo data, in place: an app that shares it
    /// between tests keeps its connections and schema, and each test starts from the same data as a fresh database.
    /// </summary>
    public static Task ResetAsync(string connectionString) => ExecuteAsync(connectionString, "select test_seed.reset()");

    private static string NewName(string hint)
    {
        var safe = new string(hint.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray());
        return $"t{Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture)}_{safe}_{Guid.NewGuid().ToString("N")[..6]}";
    }

    private static async Task<string> CreateTemplateAsync(DateTimeOffset seededAt)
    {
        var cluster = await ClusterAsync();
        var name = NewName("template");
        await DatabaseBootstrap.EnsureDatabaseAsync(cluster.ConnectionString(), name);
        var connectionString = new NpgsqlConnectionStringBuilder(cluster.ConnectionString(name)) { Pooling = false }.ConnectionString;
        using (var store = DocumentStore.For(opts => MartenSetup.Configure(opts, connectionString)))
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await DemoData.SeedAsync(store, new FakeTimeProvider(seededAt), new PasswordService());
        }
        await ExecuteAsync(connectionString, SnapshotSql);
        return name;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Copies every table of the app's schema into test_seed and defines test_seed.reset(): empty every app table
    /// (including ones created after the snapshot), refill the snapshotted ones, rewind the sequences. The data-protection
    /// key ring survives, as it would across a real app's life, so cookies an app issued stay readable.
    /// </summary>
    private const string SnapshotSql = """
        create schema test_seed;
        create table test_seed._sequences (name text primary key, last_value bigint not null, is_called boolean not null);
        do $$
        declare r record;
        begin
          for r in select tablename from pg_tables where schemaname = 'procurement' loop
            execute format('create table test_seed.%I as table procurement.%I', r.tablename, r.tablename);
          end loop;
          for r in select sequencename from pg_sequences where schemaname = 'procurement' loop
            execute format('insert into test_seed._sequences select %L, last_value, is_called from procurement.%I', r.sequencename, r.sequencename);
          end loop;
        end $$;
        create function test_seed.reset() returns void language plpgsql as $$
        declare r record; tables text;
        begin
          perform set_config('session_replication_role', 'replica', true); -- refill in any order, foreign keys or not
          select string_agg(format('procurement.%I', tablename), ', ') into tables
            from pg_tables where schemaname = 'procurement' and tablename not like '%dataprotectionkey%';
          if tables is not null then execute 'truncate ' || tables; end if;
          for r in select s.table_name from information_schema.tables s
                   join pg_tables p on p.schemaname = 'procurement' and p.tablename = s.table_name
                   where s.table_schema = 'test_seed' and s.table_name <> '_sequences' and s.table_name not like '%dataprotectionkey%' loop
            execute format('insert into procurement.%I overriding system value select * from test_seed.%I', r.table_name, r.table_name);
          end loop;
          for r in select * from test_seed._sequences loop
            perform setval(format('procurement.%I', r.name), r.last_value, r.is_called);
          end loop;
        end $$;
        """;
}
