namespace Procurement.Features.Workflows;

// Workflow events live in the case stream (stream id = case id). Each records the outcome the
// definition produced at that moment (which steps became active, which were reopened), so replaying
// history never depends on the definition files: a later version can never rewrite a running case.

/// <summary>The case started following definition <paramref name="DefinitionId"/> at <paramref name="Version"/>.</summary>
public sealed record WorkflowStarted(
    Guid CaseId, Guid GroupId, string DefinitionId, int Version, IReadOnlyList<string> Activated,
    Actor By, DateTimeOffset At) : IAuditedEvent;

/// <summary>
/// A step was completed (or skipped); <paramref name="Choice"/> is the branch taken at a choice. With
/// <paramref name="Record"/> the step completed itself because a feature appended the record its definition names
/// (<c>completedBy</c>); <paramref name="By"/> and <paramref name="At"/> are then the record's.
/// </summary>
public sealed record StepCompleted(
    Guid CaseId, string StepId, string? Note, string? Choice, bool Skipped, IReadOnlyList<string> Activated,
    bool WorkflowFinished, Actor By, DateTimeOffset At, RecordRef? Record = null) : IAuditedEvent;

/// <summary>The record behind an automatic completion or reopening: its event type, stream and event id (the audit log's link).</summary>
public sealed record RecordRef(string Event, Guid StreamId, Guid EventId);

/// <summary>
/// A record named in the step's <c>reopenedBy</c> undid its outcome (a new contract draft after approval, a reopened
/// score sheet): the step is open again and the steps it had started, and nothing else had, stop.
/// </summary>
public sealed record StepReopenedByRecord(
    Guid CaseId, string StepId, RecordRef Record, IReadOnlyList<string> Deactivated, Actor By, DateTimeOffset At) : IAuditedEvent;

/// <summary>An officer returned the case from an active step to an earlier completed one, with a written reason.</summary>
public sealed record CaseSentBack(
    Guid CaseId, string FromStep, string ToStep, string Reason, IReadOnlyList<string> Reopened,
    IReadOnlyList<string> Deactivated, Actor By, DateTimeOffset At) : IAuditedEvent;

/// <summary>The case moved to a newer version of its definition; completed steps stay completed under their mapped ids.</summary>
public sealed record CaseMigrated(
    Guid CaseId, string DefinitionId, int FromVersion, int ToVersion, IReadOnlyDictionary<string, string> Mapping,
    string Reason, IReadOnlyList<string> Completed, IReadOnlyList<string> Active, Actor By, DateTimeOffset At) : IAuditedEvent;

/// <summary>A step's due date, set by an officer or derived from a rule ("P30D after step X").</summary>
public sealed record StepDeadlineSet(Guid CaseId, string StepId, DateOnly Due, string? Reason, Actor By, DateTimeOffset At) : IAuditedEvent;

/// <summary>A user was reminded of a step due soon; <paramref name="Mailed"/> says whether an e-mail went out too.</summary>
public sealed record ReminderRecorded(
    Guid CaseId, string StepId, Guid UserId, string UserName, string Role, DateOnly Due, bool Mailed,
    Actor By, DateTimeOffset At) : IAuditedEvent;

/// <summary>
/// A fact a guard can check (e.g. "criteria-frozen"), confirmed or withdrawn by a user. Features that
/// later record the real thing (score sheets, generated documents) replace the guard, not this event.
/// </summary>
public sealed record CaseFactRecorded(Guid CaseId, string Fact, bool Holds, string? Note, Actor By, DateTimeOffset At) : IAuditedEvent;
