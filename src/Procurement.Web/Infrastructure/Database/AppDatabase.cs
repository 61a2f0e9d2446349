using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Procurement.Infrastructure.Database;

/// <summary>
/// The app's own connections outside Marten's sessions, from one small pool: the health probe and the cluster-wide locks.
/// <para>
/// Several app instances may share one configured database (docs/deployment.md). Work that must happen once for all
/// of them (a reminder round, the PDF of one .docx, creating the first data-protection key) takes a named PostgreSQL
/// advisory lock here. The lock is session-level on a connection held for the work, so it is released when the work
/// ends, and by PostgreSQL itself when the instance dies mid-way. Names map to the one-key (bigint) lock space; the
/// event streams' write path uses the two-key space, so the two never block each other.
/// </para>
/// </summary>
public sealed class AppDatabase(DatabaseHandle database) : IAsyncDisposable
{
    private readonly Lazy<NpgsqlDataSource> _source = new(() => NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            // A probe must answer quickly when the database is gone; a handful of connections covers probes and locks.
            Timeout = 3,
            MaxPoolSize = 8,
            ApplicationName = "procurement (probe and locks)",
        }.ToString()));

    /// <summary>An open pooled connection (the health probe: a new unpooled connection per probe cost a TCP and auth round each).</summary>
    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken ct) => _source.Value.OpenConnectionAsync(ct);

    /// <summary>Drops the idle connections (they die with a database restart); the next open makes a new one.</summary>
    public void ClearPool()
    {
        if (_source.IsValueCreated) _source.Value.Clear();
    }

    /// <summary>The lock <paramref name="name"/> if no instance holds it now, else null (the caller skips the work: another instance does it).</summary>
    public async Task<IAsyncDisposable?> TryLockAsync(string name, CancellationToken ct)
    {
        var connection = await OpenAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand("select pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", KeyOf(name));
            if (await command.ExecuteScalarAsync(ct) is true) return new Held(connection, KeyOf(name));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>The lock <paramref name="name"/>, waiting while another instance holds it (as long as <paramref name="ct"/> allows).</summary>
    public async Task<IAsyncDisposable> LockAsync(string name, CancellationToken ct)
    {
        var connection = await OpenAsync(ct);
        try
        {
            // No command timeout: the holder may be converting a long document; cancellation ends the wait instead.
            await using var command = new NpgsqlCommand("select pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("key", KeyOf(name));
            await command.ExecuteNonQueryAsync(ct);
            return new Held(connection, KeyOf(name));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The first 64 bits of the name's SHA-256: stable across instances and versions of the app.</summary>
    public static long KeyOf(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("procurement:" + name)), 0);

    public async ValueTask DisposeAsync()
    {
        if (_source.IsValueCreated) await _source.Value.DisposeAsync();
    }

    private sealed class Held(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("select pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // The connection is gone, and with it the lock: nothing is left to release.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
