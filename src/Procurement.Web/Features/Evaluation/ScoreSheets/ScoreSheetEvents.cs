namespace Procurement.Features.Evaluation.ScoreSheets;

// One stream per member per case (EvaluationStreams.ScoreSheet(caseId, memberId)): every change of a score is
// an event with who and when, and members writing at the same moment never touch each other's stream.

/// <summary>A changed cell: Mark null clears it.</summary>
public sealed record ScoreChange(Guid VendorId, string ItemId, decimal? Mark, string? Comment);

/// <summary>
/// Source: 画面 (autosave from the page) or Excel (import). The member's scoring task stays until the sheet is submitted,
/// whatever the draft holds, so a draft save changes no task count.
/// </summary>
public sealed record ScoreDraftSaved(Guid CaseId, Guid MemberId, IReadOnlyList<ScoreChange> Changes, string Source, Actor By, DateTimeOffset At)
    : IAuditedEvent, Workflows.Tasks.ITaskCountNeutral;

public sealed record ScoreSheetSubmitted(Guid CaseId, Guid MemberId, int CriteriaRevision, Actor By, DateTimeOffset At) : IAuditedEvent;

/// <summary>By is the chair; the member's sheet becomes a draft again.</summary>
public sealed record ScoreSheetReopened(Guid CaseId, Guid MemberId, string Reason, Actor By, DateTimeOffset At) : IAuditedEvent;

/// <summary>A member's private note on one item for one vendor; Text null removes it.</summary>
public sealed record ScoreNote(Guid VendorId, string ItemId, string? Text);

/// <summary>
/// The member's private notes (only their author reads them: not in the results, the score history or other members'
/// views). Kept in the sheet's stream so they travel with the sheet and its history.
/// </summary>
public sealed record ScoreNotesSaved(Guid CaseId, Guid MemberId, IReadOnlyList<ScoreNote> Notes, Actor By, DateTimeOffset At)
    : IAuditedEvent, Workflows.Tasks.ITaskCountNeutral;
