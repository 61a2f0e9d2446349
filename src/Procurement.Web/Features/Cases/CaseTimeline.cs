using System.Linq.Expressions;
using JasperFx.Events;
using Procurement.Features.Catalog;
using Procurement.Features.Documents;
using Procurement.Features.Evaluation;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Definitions;

namespace Procurement.Features.Cases;

public sealed record TimelineEntry(long Version, DateTimeOffset At, string Who, string What, string? Detail, string? CorrelationId)
{
    /// <summary>The stream the event is stored in (a history of several streams tells them apart by it).</summary>
    public Guid StreamId { get; init; }
}

/// <summary>
/// Which page of a history to read, newest first, 1-based. Out-of-range numbers read as the nearest page, so a link
/// from a shorter history never ends on an error.
/// </summary>
public sealed record TimelinePaging(int Number, int Size = TimelinePaging.DefaultSize)
{
    public const int DefaultSize = 50;

    public static TimelinePaging Page(int? number, int size = DefaultSize) => new(Math.Max(1, number ?? 1), Math.Clamp(size, 1, 500));
}

/// <summary>One page of a history, newest first, and where it stands in the whole (for 前へ/次へ links).</summary>
public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Entries, int Number, int Size, long Total)
{
    public int LastNumber => Total == 0 ? 1 : (int)((Total + Size - 1) / Size);
    public bool HasNewer => Number > 1;
    public bool HasOlder => Number < LastNumber;
}

/// <summary>
/// What some sentences need besides the event itself: the case's workflow definition (steps read by their title) and
/// the names of the evaluation's vendors, members and items.
/// </summary>
public sealed record TimelineContext(WorkflowDefinition? Workflow = null, EvaluationNames? Evaluation = null);

/// <summary>
/// The one place an event becomes a history sentence, for every history that shows events: the case page, the
/// contract dossier, the evaluation's 経過, the workflow panel and the audit log. The histories are read straight from
/// the event streams: the stream is the audit trail, so a history shows exactly what was stored, in order, with who and when.
/// </summary>
public static class CaseTimeline
{
    /// <param name="streamId">The case stream, or another stream of the case (the contract dossier).</param>
    /// <param name="only">The events to show, when not all of them (one workflow step's).</param>
    public static async Task<IReadOnlyList<TimelineEntry>> LoadAsync(
        IQuerySession session, Guid streamId, UiText t, TimelineContext? context = null, Func<object, bool>? only = null, CancellationToken ct = default)
    {
        var events = await session.Events.FetchStreamAsync(streamId, token: ct);
        return events.Where(e => only?.Invoke(e.Data) ?? true).Select(e => Entry(e, t, context)).ToList();
    }

    /// <summary>
    /// One page of the history of one or more streams of a case, newest first (in the order stored). Two statements
    /// whatever the length of the streams, each reading only what the page needs: the streams' versions (a stream's
    /// events are numbered 1…version, so their sum is the count, with no count(*) over the events), then the page read
    /// by version range on the (stream, version) index — exactly the page's records for one stream; for several, each
    /// stream's newest (offset + size), merged in storage order — never a sort of the whole history.
    /// </summary>
    public static async Task<TimelinePage> LoadAsync(
        IQuerySession session, IReadOnlyCollection<Guid> streamIds, TimelinePaging paging, UiText t, TimelineContext? context = null, CancellationToken ct = default)
    {
        var ids = streamIds.Distinct().ToArray();
        if (ids.Length == 0) return new TimelinePage([], 1, paging.Size, 0);
        var versions = await StreamVersionsAsync(session, ids, ct);
        var total = versions.Sum();
        var last = total == 0 ? 1 : (int)((total + paging.Size - 1) / paging.Size);
        var number = Math.Min(paging.Number, last);
        if (total == 0) return new TimelinePage([], number, paging.Size, 0);
        long skip = (long)(number - 1) * paging.Size, newest = skip + paging.Size;

        var e = Expression.Parameter(typeof(IEvent), "e");
        Expression? window = null;
        for (var i = 0; i < ids.Length; i++)
        {
            if (versions[i] == 0) continue;
            // One stream: exactly the page's versions. Several: each stream's newest (skip + size) hold the page.
            var inWindow = Expression.AndAlso(
                Expression.Equal(Expression.Property(e, nameof(IEvent.StreamId)), Expression.Constant(ids[i])),
                Expression.GreaterThan(Expression.Property(e, nameof(IEvent.Version)), Expression.Constant(versions[i] - newest)));
            if (ids.Length == 1)
                inWindow = Expression.AndAlso(inWindow, Expression.LessThanOrEqual(Expression.Property(e, nameof(IEvent.Version)), Expression.Constant(versions[i] - skip)));
            window = window is null ? inWindow : Expression.OrElse(window, inWindow);
        }
        var query = session.Events.QueryAllRawEvents().Where(Expression.Lambda<Func<IEvent, bool>>(window!, e)).OrderByDescending(x => x.Sequence);
        var events = ids.Length == 1
            ? await query.ToListAsync(ct)
            : await query.Skip((int)skip).Take(paging.Size).ToListAsync(ct);
        return new TimelinePage(events.Select(x => Entry(x, t, context)).ToList(), number, paging.Size, total);
    }

    /// <summary>Each stream's version (0 for a stream not started), in the order of <paramref name="ids"/>, in one statement.</summary>
    private static async Task<long[]> StreamVersionsAsync(IQuerySession session, Guid[] ids, CancellationToken ct)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var versions = await session.AdvancedSql.QueryAsync<long>(
            $"select coalesce(s.version, 0) from unnest(?::uuid[]) with ordinality as u(id, n) left join {schema}.mt_streams s on s.id = u.id and s.is_archived = false order by u.n",
            ct, ids);
        return versions.ToArray();
    }

    /// <summary>
    /// Every event of the streams, oldest first, read as the database returns them (for a download written while it is
    /// read, never held whole in memory).
    /// </summary>
    public static async IAsyncEnumerable<TimelineEntry> StreamAsync(
        IQuerySession session, IReadOnlyCollection<Guid> streamIds, UiText t, TimelineContext? context = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var ids = streamIds.ToArray();
        if (ids.Length == 0) yield break;
        var query = session.Events.QueryAllRawEvents().Where(e => ids.Contains(e.StreamId)).OrderBy(e => e.Sequence);
        await foreach (var e in query.ToAsyncEnumerable(ct)) yield return Entry(e, t, context);
    }

    private static TimelineEntry Entry(IEvent e, UiText t, TimelineContext? context)
    {
        var (what, detail) = Describe(e.Data, t, context);
        var (at, who) = e.Data is IAuditedEvent a ? (a.At, a.By.Name) : (e.Timestamp, "");
        return new TimelineEntry(e.Version, at, who, what, detail, e.CorrelationId) { StreamId = e.StreamId };
    }

    private static string Businesses(IEnumerable<string> codes, UiText t) =>
        string.Join(t.Comma, codes.Select(c => BusinessCatalog.Find(c) is { } b ? (UiText.IsEnglish ? b.EnglishName : b.Name) : c));

    private static string Procedure(ProcurementProcedure? p, UiText t) =>
        p is { } v ? $" {t.Slash} {t["調達方式"]}: {t[ProcurementProcedures.DisplayName(v)]}" : "";

    /// <summary>
    /// The sentence (and detail line) of any event: the case's own, the workflow's, the evaluation's, and the events that
    /// describe themselves (<see cref="ITimelineDescribed"/>). A type name is what an undescribed event would show; a
    /// test keeps every event type from reaching it.
    /// </summary>
    public static (string What, string? Detail) Describe(object data, UiText t, TimelineContext? context = null) => data switch
    {
        CaseOpened e => (t["案件を作成しました"],
            $"{e.Title} {t.Slash} {t["対象業務"]}: {Businesses(e.TargetBusinesses, t)} {t.Slash} {e.CloudForm} {t.Slash} {t["稼働予定"]}: {JapaneseDates.Format(e.PlannedGoLive)} {t.Slash} {t["予算上限額"]}: {t.Yen(e.BudgetCeiling)}{Procedure(e.Procedure, t)}"),
        CaseDetailsChanged e => (t["案件情報を変更しました"],
            $"{e.Title} {t.Slash} {t["対象業務"]}: {Businesses(e.TargetBusinesses, t)} {t.Slash} {e.CloudForm} {t.Slash} {t["稼働予定"]}: {JapaneseDates.Format(e.PlannedGoLive)} {t.Slash} {t["予算上限額"]}: {t.Yen(e.BudgetCeiling)}{Procedure(e.Procedure, t)}"),
        // With the evaluation's names given (a reader who may see its history) its own sentences win: they say the amounts.
        _ when context?.Evaluation is { } names && EvaluationHistory.Sentence(data, names) is { } said => (t.Format(said.Template, [.. said.Args]), null),
        ITimelineDescribed d => (d.TimelineTitle(t), d.TimelineDetail(t)),
        _ when WorkflowTimeline.Describe(data, context?.Workflow) is { } sentence => (sentence, null),
        _ when EvaluationHistory.Sentence(data, context?.Evaluation ?? EvaluationNames.None) is { } said => (t.Format(said.Template, [.. said.Args]), null),
        _ => (data.GetType().Name, null),
    };
}

/// <summary>An event that carries its own history sentence (the events of features without a describer of their own).</summary>
public interface ITimelineDescribed
{
    string TimelineTitle(UiText t);
    string? TimelineDetail(UiText t) => null;
}
