using System.Runtime.CompilerServices;
using Marten.Services;

namespace Procurement.Infrastructure.Database;

/// <summary>
/// The aggregates a request's access checks and handler all read (case, group, evaluation, the member's sheet), loaded
/// once per session instead of once per check. A request has one session (IQuerySession is the request's document
/// session), so "once per session" is "once per request"; the filter, the page, the mediator's access rule and the
/// handler then share what the first of them loaded.
/// <para>
/// A commit forgets what it may have changed (<see cref="SessionDocumentsListener"/>): every entry keyed by a stream the
/// commit appended to (single-stream read models share their stream's id) and every entry of a document type it stored or
/// deleted. Reads after a save in the same request (the autosave's reply) therefore see the save. Only loads that go
/// through here are shared; a plain <c>LoadAsync</c> still reads the database.
/// </para>
/// </summary>
public static class SessionDocuments
{
    private static readonly ConditionalWeakTable<IQuerySession, Dictionary<(Type Type, Guid Id), object?>> Loaded = new();

    /// <summary>The document <paramref name="id"/> as this session first loaded it (null is remembered too).</summary>
    public static Task<T?> LoadOnceAsync<T>(this IQuerySession session, Guid id, CancellationToken ct) where T : class =>
        session.OnceAsync<T?>(id, () => session.LoadAsync<T>(id, ct));

    /// <summary>
    /// A value derived from the stream or document <paramref name="id"/> (e.g. a read model with what older records add
    /// to it), computed once per session and forgotten with that id. <typeparamref name="T"/> names the entry.
    /// </summary>
    public static async Task<T> OnceAsync<T>(this IQuerySession session, Guid id, Func<Task<T>> load)
    {
        var loaded = Loaded.GetOrCreateValue(session);
        var key = (typeof(T), id);
        if (loaded.TryGetValue(key, out var found)) return (T)found!;
        var value = await load();
        loaded[key] = value;
        return value;
    }

    internal static void Forget(IQuerySession session, IChangeSet commit)
    {
        if (!Loaded.TryGetValue(session, out var loaded) || loaded.Count == 0) return;
        var streams = commit.GetStreams().Select(s => s.Id).Concat(commit.GetEvents().Select(e => e.StreamId)).ToHashSet();
        var types = commit.Updated.Concat(commit.Inserted).Select(d => d.GetType())
            .Concat(commit.Deleted.Select(d => d.DocumentType)).ToHashSet();
        foreach (var key in loaded.Keys.Where(k => streams.Contains(k.Id) || types.Contains(k.Type)).ToList())
        {
            loaded.Remove(key);
        }
    }
}

/// <summary>After each commit, forgets the session's shared loads that the commit may have changed.</summary>
public sealed class SessionDocumentsListener : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        SessionDocuments.Forget(session, commit);
        return Task.CompletedTask;
    }
}
