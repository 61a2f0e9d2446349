using Npgsql;

namespace Procurement.Features.Account;

/// <summary>
/// Sign-in attempts counted per (user name as typed, client address), in a table of their own. Each attempt is
/// counted by one <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c> before the password is checked, so parallel
/// attempts each get their own number and no more than <see cref="MaxFailures"/> passwords are tried per client in a
/// lockout period. Keying on the pair means an attacker locks their own client out of an account, not its owner,
/// and an unknown name is counted and locked exactly like a real one.
/// </summary>
/// <remarks>
/// Scoped: the attempts are read and written on the request's own session. A session of their own, while sessions held
/// their connection for life, let a burst of parallel sign-ins take every connection of the pool while each waited for
/// a second (the burst failed with 500s instead of being counted); one session per request keeps that from coming back.
/// The session is asked for at the first attempt: showing the sign-in page must not build the document store.
/// </remarks>
public sealed class SignInAttempts(IServiceProvider requestServices, SignInAttemptsTable table, TimeProvider clock)
{
    private IQuerySession Session => requestServices.GetRequiredService<IQuerySession>();

    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>No account name is longer; a longer one is still counted, under its first characters.</summary>
    private const int MaxKeyLength = 64;

    private string Table => table.Name;

    private static string Key(string normalizedUserName) =>
        normalizedUserName.Length <= MaxKeyLength ? normalizedUserName : normalizedUserName[..MaxKeyLength];

    /// <summary>Records an attempt and returns its number in the current window; above <see cref="MaxFailures"/> the pair is locked.</summary>
    public async Task<int> CountAsync(string normalizedUserName, string client, CancellationToken ct)
    {
        await table.EnsureAsync(Session, ct);
        var now = clock.GetUtcNow();
        // A window starts over when its lock has ended, or when the last failure is older than a lockout period.
        const string expired = "(a.locked_until IS NOT NULL AND a.locked_until <= @now) OR (a.locked_until IS NULL AND a.last_attempt_at <= @window_start)";
        var sql = $"""
            INSERT INTO {Table} AS a (user_name, client, attempts, last_attempt_at, locked_until)
            VALUES (@name, @client, 1, @now, NULL)
            ON CONFLICT (user_name, client) DO UPDATE SET
                attempts = CASE WHEN {expired} THEN 1 ELSE a.attempts + 1 END,
                locked_until = CASE WHEN {expired} THEN NULL
                                    WHEN a.locked_until IS NOT NULL THEN a.locked_until
                                    WHEN a.attempts + 1 >= @max THEN @locked_until
                                    ELSE NULL END,
                last_attempt_at = @now
            RETURNING attempts
            """;
        var session = Session;
        await using var command = new NpgsqlCommand(sql);
        command.Parameters.AddWithValue("name", Key(normalizedUserName));
        command.Parameters.AddWithValue("client", client);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("window_start", now - LockoutDuration);
        command.Parameters.AddWithValue("locked_until", now + LockoutDuration);
        command.Parameters.AddWithValue("max", MaxFailures);
        int attempt;
        await using (var reader = await session.ExecuteReaderAsync(command, ct))
        {
            await reader.ReadAsync(ct);
            attempt = reader.GetInt32(0);
        }

        // A new window (the first attempt since a success or a lock) is the moment to drop pairs nobody tried for a
        // day: an indexed delete, so the table holds about a day of distinct names and clients.
        if (attempt == 1) await ExecuteAsync(session, $"DELETE FROM {Table} WHERE last_attempt_at < @before AND (locked_until IS NULL OR locked_until < @before)",
            ct, ("before", now - TimeSpan.FromDays(1)));
        return attempt;
    }

    /// <summary>A successful sign-in starts the pair's count over.</summary>
    public async Task ForgetAsync(string normalizedUserName, string client, CancellationToken ct)
    {
        await table.EnsureAsync(Session, ct);
        var session = Session;
        await ExecuteAsync(session, $"DELETE FROM {Table} WHERE user_name = @name AND client = @client", ct,
            ("name", Key(normalizedUserName)), ("client", client));
    }

    /// <summary>The admin's unlock: every client's count for the name starts over.</summary>
    public async Task UnlockAsync(string normalizedUserName, CancellationToken ct)
    {
        await table.EnsureAsync(Session, ct);
        var session = Session;
        await ExecuteAsync(session, $"DELETE FROM {Table} WHERE user_name = @name", ct, ("name", Key(normalizedUserName)));
    }

    /// <summary>The names that some client is locked out of now.</summary>
    public async Task<IReadOnlySet<string>> LockedNamesAsync(CancellationToken ct)
    {
        await table.EnsureAsync(Session, ct);
        var session = Session;
        await using var command = new NpgsqlCommand($"SELECT DISTINCT user_name FROM {Table} WHERE locked_until > @now");
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        return names;
    }

    public async Task<bool> IsLockedAsync(string normalizedUserName, CancellationToken ct) =>
        (await LockedNamesAsync(ct)).Contains(Key(normalizedUserName));

    internal static async Task ExecuteAsync(IQuerySession session, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await session.ExecuteAsync(command, ct);
    }
}

/// <summary>The attempts table of this app's database, created once per app instance at the first attempt.</summary>
public sealed class SignInAttemptsTable(IServiceProvider services)
{
    private readonly Lock _gate = new();
    private Task? _ready;

    private string Schema => services.GetRequiredService<IDocumentStore>().Options.DatabaseSchemaName;

    public string Name => $"{Schema}.sign_in_attempts";

    /// <summary>
    /// Creates the table on the first caller's session; a failed attempt is tried again by the next request. Waiting
    /// callers hold no second connection: the creation runs on the first caller's one.
    /// </summary>
    public Task EnsureAsync(IQuerySession session, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_ready is null || _ready.IsFaulted || _ready.IsCanceled) _ready = CreateAsync(session, Schema, Name);
            return _ready.WaitAsync(ct);
        }
    }

    private static async Task CreateAsync(IQuerySession session, string schema, string name)
    {
        // Another instance on the same database may create it at the same moment: the statements run as one
        // transaction, and its advisory lock makes the second wait for the first.
        await SignInAttempts.ExecuteAsync(session, $"""
            SELECT pg_advisory_xact_lock(hashtext('procurement.sign_in_attempts'));
            CREATE SCHEMA IF NOT EXISTS {schema};
            CREATE TABLE IF NOT EXISTS {name} (
                user_name text NOT NULL,
                client text NOT NULL,
                attempts integer NOT NULL,
                last_attempt_at timestamptz NOT NULL,
                locked_until timestamptz NULL,
                PRIMARY KEY (user_name, client));
            CREATE INDEX IF NOT EXISTS sign_in_attempts_last_attempt_at ON {name} (last_attempt_at);
            """, CancellationToken.None);
    }
}
