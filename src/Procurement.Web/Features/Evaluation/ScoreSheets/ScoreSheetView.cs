using Marten.Events.Aggregation;

namespace Procurement.Features.Evaluation.ScoreSheets;

public enum ScoreSheetStatus
{
    Draft,
    Submitted,
}

public sealed record ScoreCell(Guid VendorId, string ItemId, decimal? Mark, string? Comment);

/// <summary>A member's sheet for one case. Visible to its member; to others only after technical scoring closes.</summary>
public sealed class ScoreSheetView
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid MemberId { get; set; }
    public ScoreSheetStatus Status { get; set; }
    /// <summary>Key: "{vendorId:N}|{itemId}".</summary>
    public Dictionary<string, ScoreCell> Cells { get; set; } = [];
    public DateTimeOffset? LastSavedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public int? SubmittedCriteriaRevision { get; set; }
    public string? LastReopenReason { get; set; }
    /// <summary>The member's private notes, key as <see cref="Cells"/>. Only the member's own reads return them.</summary>
    public Dictionary<string, string> Notes { get; set; } = [];
    public long Version { get; set; }

    public static string Key(Guid vendorId, string itemId) => $"{vendorId:N}|{itemId}";

    public decimal? MarkFor(Guid vendorId, string itemId) => Cells.TryGetValue(Key(vendorId, itemId), out var cell) ? cell.Mark : null;
}

public sealed class ScoreSheetViewProjection : SingleStreamProjection<ScoreSheetView, Guid>
{
    private static void Touch(ScoreSheetView view, Guid caseId, Guid memberId)
    {
        view.CaseId = caseId;
        view.MemberId = memberId;
        view.Id = EvaluationStreams.ScoreSheet(caseId, memberId);
    }

    public static void Apply(ScoreDraftSaved e, ScoreSheetView view)
    {
        Touch(view, e.CaseId, e.MemberId);
        foreach (var change in e.Changes)
        {
            var key = ScoreSheetView.Key(change.VendorId, change.ItemId);
            if (change.Mark is null && string.IsNullOrEmpty(change.Comment)) view.Cells.Remove(key);
            else view.Cells[key] = new ScoreCell(change.VendorId, change.ItemId, change.Mark, change.Comment);
        }
        view.LastSavedAt = e.At;
    }

    public static void Apply(ScoreSheetSubmitted e, ScoreSheetView view)
    {
        Touch(view, e.CaseId, e.MemberId);
        view.Status = ScoreSheetStatus.Submitted;
        view.SubmittedAt = e.At;
        view.SubmittedCriteriaRevision = e.CriteriaRevision;
    }

    public static void Apply(ScoreNotesSaved e, ScoreSheetView view)
    {
        Touch(view, e.CaseId, e.MemberId);
        foreach (var note in e.Notes)
        {
            var key = ScoreSheetView.Key(note.VendorId, note.ItemId);
            if (string.IsNullOrEmpty(note.Text)) view.Notes.Remove(key);
            else view.Notes[key] = note.Text;
        }
    }

    public static void Apply(ScoreSheetReopened e, ScoreSheetView view)
    {
        view.Status = ScoreSheetStatus.Draft;
        view.LastReopenReason = e.Reason;
    }
}
