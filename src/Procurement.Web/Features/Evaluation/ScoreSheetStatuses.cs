using Marten.Events.Aggregation;
using Procurement.Features.Evaluation.ScoreSheets;

namespace Procurement.Features.Evaluation;

/// <summary>
/// A member's sheet as the hub and the results page show it: its status and when it was submitted, without its cells.
/// A few dozen bytes per member, kept beside the sheet by the same events, so showing thirty members' statuses reads
/// thirty small documents instead of every cell of every sheet.
/// </summary>
public sealed class ScoreSheetStatusView
{
    /// <summary>The sheet's stream id (<see cref="EvaluationStreams.ScoreSheet"/>).</summary>
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid MemberId { get; set; }
    public ScoreSheetStatus Status { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? LastSavedAt { get; set; }
    public long Version { get; set; }
}

public sealed class ScoreSheetStatusProjection : SingleStreamProjection<ScoreSheetStatusView, Guid>
{
    private static void Touch(ScoreSheetStatusView view, Guid caseId, Guid memberId)
    {
        view.CaseId = caseId;
        view.MemberId = memberId;
        view.Id = EvaluationStreams.ScoreSheet(caseId, memberId);
    }

    public static void Apply(ScoreDraftSaved e, ScoreSheetStatusView view)
    {
        Touch(view, e.CaseId, e.MemberId);
        view.LastSavedAt = e.At;
    }

    public static void Apply(ScoreNotesSaved e, ScoreSheetStatusView view) => Touch(view, e.CaseId, e.MemberId);

    public static void Apply(ScoreSheetSubmitted e, ScoreSheetStatusView view)
    {
        Touch(view, e.CaseId, e.MemberId);
        view.Status = ScoreSheetStatus.Submitted;
        view.SubmittedAt = e.At;
    }

    public static void Apply(ScoreSheetReopened e, ScoreSheetStatusView view)
    {
        Touch(view, e.CaseId, e.MemberId);
        view.Status = ScoreSheetStatus.Draft;
    }
}

public static class ScoreSheetStatuses
{
    /// <summary>
    /// The statuses of the case's sheets, by member. A sheet written before the status documents existed has none: its
    /// status is read from the sheet itself (the two fields only), so a database from an earlier version shows the same.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, ScoreSheetStatusView>> LoadAsync(IQuerySession session, Guid caseId, IEnumerable<Guid> memberIds, CancellationToken ct)
    {
        var statuses = (await session.Query<ScoreSheetStatusView>().Where(s => s.CaseId == caseId).ToListAsync(ct)).ToDictionary(s => s.MemberId);
        var missing = memberIds.Where(m => !statuses.ContainsKey(m)).Select(m => EvaluationStreams.ScoreSheet(caseId, m)).ToArray();
        if (missing.Length == 0) return statuses;
        var earlier = await session.Query<ScoreSheetView>()
            .Where(s => missing.Contains(s.Id))
            .Select(s => new ScoreSheetStatusView { Id = s.Id, CaseId = s.CaseId, MemberId = s.MemberId, Status = s.Status, SubmittedAt = s.SubmittedAt, LastSavedAt = s.LastSavedAt })
            .ToListAsync(ct);
        foreach (var s in earlier) statuses[s.MemberId] = s;
        return statuses;
    }
}
