using System.Collections.Concurrent;
using System.Globalization;
using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Features.Evaluation;

/// <summary>
/// The result of a closed evaluation, kept per case with the stream versions it was computed from and reused while
/// they are unchanged: computing it reads every cell of every member's sheet (24 vendors × 30 members × 200 items is
/// 144,000 cells), while its key is one small statement over <c>mt_streams</c>. Any event on the evaluation stream or on
/// a member's sheet stream moves a version, so the next reader computes afresh; the key also holds each stream's last
/// write time (a database rebuilt with the same ids and versions cannot match) and the 予定価格 the view was given from
/// the case's earlier record. Being keyed by what is stored, it is correct with several app instances on one database:
/// each keeps its own copy and recomputes once after a change. Results are immutable records, shared between readers.
/// </summary>
public static class EvaluationResultCache
{
    // A few cases are open at once; beyond this the oldest entries go (one entry is the result of one case).
    private const int Capacity = 32;

    private static readonly ConcurrentDictionary<Guid, Entry> Entries = new();
    private static long _clock;

    private sealed record Entry(string Key, EvaluationResult Result, long Used);

    /// <summary>The case's result as <see cref="EvaluationResults.Compute"/> gives it, computed only when a stream changed.</summary>
    public static async Task<EvaluationResult> GetAsync(IQuerySession session, EvaluationView view, CancellationToken ct)
    {
        var key = await KeyAsync(session, view, ct);
        if (Entries.TryGetValue(view.CaseId, out var hit) && hit.Key == key)
        {
            Entries.TryUpdate(view.CaseId, hit with { Used = Interlocked.Increment(ref _clock) }, hit);
            return hit.Result;
        }
        var sheets = await session.Query<ScoreSheetView>().Where(s => s.CaseId == view.CaseId).ToListAsync(ct);
        var result = EvaluationResults.Compute(view, sheets);
        Entries[view.CaseId] = new Entry(key, result, Interlocked.Increment(ref _clock));
        if (Entries.Count > Capacity)
            foreach (var stale in Entries.OrderBy(e => e.Value.Used).Take(Entries.Count - Capacity).ToList()) Entries.TryRemove(stale);
        return result;
    }

    /// <summary>
    /// One statement: the database, then the evaluation stream's and every seated member's sheet stream's version and
    /// last write, in id order (two databases of one process, as in the tests, may hold a case of the same id). A sheet of someone not seated does not count in the result, so it is not in the key either.
    /// </summary>
    private static async Task<string> KeyAsync(IQuerySession session, EvaluationView view, CancellationToken ct)
    {
        var ids = view.Members.Select(m => EvaluationStreams.ScoreSheet(view.CaseId, m.MemberId)).Append(EvaluationStreams.Evaluation(view.CaseId)).ToArray();
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var streams = await session.QueryAsync<string>(
            $"select current_database() || '/{schema}/' || coalesce(string_agg(id::text || ':' || version::text || ':' || (extract(epoch from timestamp) * 1000000)::bigint::text, ',' order by id), '') from {schema}.mt_streams where id = any(?)",
            ct, ids);
        return string.Join('|', streams.Count > 0 ? streams[0] : "", view.Version.ToString(CultureInfo.InvariantCulture),
            view.ReservePrice?.ToString(CultureInfo.InvariantCulture) ?? "-", view.ResultsFinalisedAt?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "-");
    }
}
