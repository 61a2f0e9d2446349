using JasperFx;
using JasperFx.Events;
using Npgsql;

namespace Procurement.Infrastructure.Events;

/// <summary>
/// The one write path of every event stream: load, decide, append, save, and say "changed by another user" the same way.
/// <para>
/// The stream is fetched for exclusive writing: its row is locked until the save, so writers of one stream take turns
/// and each decides on what the writer before it left. Edits of independent parts of a stream (two questions in the
/// Q&amp;A log, two cells of a score sheet) therefore never collide. A form that replaces a whole record carries the
/// version it was loaded at, and its decision refuses with <see cref="RequireUnchangedSince"/> when that record was
/// written after it; nothing is appended then. No retries: under the lock a conflict can only come from a writer that
/// bypasses this path, and then the user gets the stale message with what they typed.
/// </para>
/// </summary>
public static class EventStreamWriter
{
    private static readonly UiText Text = new();

    /// <summary>
    /// Fetches <paramref name="streamId"/> for exclusive writing, runs the pure <paramref name="decide"/> on its state
    /// (null for a new stream), appends what it returns and saves the session. <paramref name="alongside"/> runs just
    /// before the save (documents or other streams that belong to the same decision).
    /// </summary>
    /// <returns>The stream version after the write (unchanged when the decision returned no event).</returns>
    public static async Task<long> WriteAsync<TState>(this IDocumentSession session, Guid streamId, Func<TState?, IReadOnlyCollection<object>> decide,
        CancellationToken ct, Action<IReadOnlyCollection<object>>? alongside = null) where TState : class
    {
        var stream = await session.FetchForExclusiveWritingAsync<TState>(streamId, ct);
        var loaded = stream.CurrentVersion ?? 0; // read before appending: the stream counts appended events in
        IReadOnlyCollection<object> events;
        try
        {
            events = decide(stream.Aggregate);
        }
        catch
        {
            // A refusal ends the transaction too when nothing else is pending (so nothing is written): the request's session
            // reads on for the page that shows the message, and the stream's lock is released now, not when the request
            // ends. With other work pending the transaction is left to the session's disposal, which rolls it back.
            if (!session.PendingChanges.Operations().Any() && session.PendingChanges.Streams().All(s => s.Events.Count == 0)) await session.SaveAsync(ct);
            throw;
        }
        if (events.Count > 0) stream.AppendMany(events);
        alongside?.Invoke(events);
        // Also with nothing to append: the save ends the transaction and releases the locks.
        await session.SaveAsync(ct);
        return loaded + events.Count;
    }

    /// <summary>
    /// The same with a <see cref="Decision"/>: its events are appended, or its refusal becomes the
    /// <see cref="DomainRuleException"/> in the reader's language and nothing is written.
    /// </summary>
    public static Task<long> WriteAsync<TState>(this IDocumentSession session, Guid streamId, Func<TState?, Decision> decide,
        CancellationToken ct, Action<IReadOnlyCollection<object>>? alongside = null) where TState : class =>
        session.WriteAsync<TState>(streamId, state => Accept(decide(state)), ct, alongside);

    /// <summary>A decision's events, or its refusal thrown as the page shows it (for a handler that writes without a stream, too).</summary>
    public static IReadOnlyCollection<object> Accept(Decision decision) =>
        decision.IsRefused ? throw new DomainRuleException(decision.RefusalText(Text)) : decision.Events;

    /// <summary>
    /// The stream and its state, locked until the session is saved (or disposed). A stream that does not exist yet has
    /// no row to lock, so a transaction-scoped advisory lock on its id comes first: two first writers of a new stream
    /// (a member's first autosaves from two tabs) take turns as well.
    /// </summary>
    public static async Task<IEventStream<TState>> FetchForExclusiveWritingAsync<TState>(this IDocumentSession session, Guid streamId, CancellationToken ct)
        where TState : class
    {
        await session.BeginTransactionAsync(ct);
        var bytes = streamId.ToByteArray();
        await using (var command = session.Connection!.CreateCommand())
        {
            // The two-key form: a lock space apart from single-key advisory locks others may take.
            command.CommandText = "select pg_advisory_xact_lock(@high, @low)";
            command.Parameters.Add(new NpgsqlParameter<int>("high", BitConverter.ToInt32(bytes, 0) ^ BitConverter.ToInt32(bytes, 8)));
            command.Parameters.Add(new NpgsqlParameter<int>("low", BitConverter.ToInt32(bytes, 4) ^ BitConverter.ToInt32(bytes, 12)));
            await command.ExecuteNonQueryAsync(ct);
        }
        try
        {
            return await session.Events.FetchForExclusiveWriting<TState>(streamId, ct);
        }
        catch (Exception ex) when (IsConflict(ex))
        {
            throw new StaleVersionException();
        }
    }

    /// <summary>
    /// For a form that replaces a whole record: <paramref name="loadedAt"/> is the version the form was loaded at (null: not
    /// checked, callers without a page), <paramref name="recordWrittenAt"/> the stream version of the record's last write
    /// (0: it does not exist). Written after the form was loaded means someone else saved it in between.
    /// </summary>
    public static void RequireUnchangedSince(long? loadedAt, long recordWrittenAt)
    {
        if (loadedAt is { } loaded && recordWrittenAt > loaded) throw new StaleVersionException();
    }

    /// <summary>
    /// Saves the session; a lost race (a writer outside this path, an append with its own expected version) is the
    /// stale message. The session is not reused after that: the request ends with the message.
    /// </summary>
    public static async Task SaveAsync(this IDocumentSession session, CancellationToken ct)
    {
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (IsConflict(ex))
        {
            throw new StaleVersionException();
        }
    }

    public static bool IsConflict(Exception ex) => ex is ConcurrencyException or EventStreamUnexpectedMaxEventIdException
        or JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
        or JasperFx.Events.StreamLockedException or Marten.Exceptions.StreamLockedException;
}
