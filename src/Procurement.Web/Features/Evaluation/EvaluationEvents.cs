using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Features.Evaluation;

// The case-level evaluation stream (one per case, id EvaluationStreams.Evaluation(caseId)).
// Members' scores live in their own streams (ScoreSheetEvents.cs) so simultaneous submissions never conflict.

public sealed record EvaluationVendorAdded(Guid CaseId, Guid VendorId, string Name, Actor By, DateTimeOffset At) : IAuditedEvent;

/// <summary>Only before the proposals are opened, and only while no demonstration or bid refers to the vendor.</summary>
public sealed record EvaluationVendorRemoved(Guid CaseId, Guid VendorId, string Name, Actor By, DateTimeOffset At) : IAuditedEvent;

public sealed record CriteriaDefined(Guid CaseId, IReadOnlyList<CriteriaCategory> Categories, EvaluationSettings Settings, Actor By, DateTimeOffset At) : IAuditedEvent;

/// <summary>Opening the proposals freezes the criteria: from now on a change needs a reason and every member's re-confirmation.</summary>
public sealed record ProposalsOpened(Guid CaseId, Actor By, DateTimeOffset At) : IAuditedEvent;

public sealed record FrozenCriteriaChanged(
    Guid CaseId, IReadOnlyList<CriteriaCategory> Categories, EvaluationSettings Settings, int Revision, string Reason, Actor By, DateTimeOffset At) : IAuditedEvent;

public sealed record DemonstrationScenarioDefined(Guid CaseId, IReadOnlyList<CriteriaItem> Items, int Revision, string? Reason, Actor By, DateTimeOffset At) : IAuditedEvent;

public sealed record CriteriaChangeConfirmed(Guid CaseId, Guid MemberId, int Revision, Actor By, DateTimeOffset At) : IAuditedEvent;

/// <summary>Position is the member's 職 for the 委員名簿 (e.g. 総務課長); appointing a seated member again updates it or makes them chair.</summary>
public sealed record CommitteeMemberAppointed(Guid CaseId, Guid MemberId, string Name, bool IsChair, Actor By, DateTimeOffset At, string? Position = null) : IAuditedEvent;

/// <summary>Only before the proposals are opened: afterwards the committee that scores is the committee that was seated.</summary>
public sealed record CommitteeMemberDismissed(Guid CaseId, Guid MemberId, string Name, Actor By, DateTimeOffset At) : IAuditedEvent;

public sealed record ConflictOfInterestDeclared(Guid CaseId, Guid MemberId, IReadOnlyList<Guid> ConflictedVendorIds, string Statement, Actor By, DateTimeOffset At) : IAuditedEvent;

public sealed record TechnicalScoringClosed(Guid CaseId, Actor By, DateTimeOffset At) : IAuditedEvent;

/// <summary>Which estimate figure a 予定価格 was taken from in the estimate comparison (<see cref="Other"/>: the basis says how).</summary>
public enum ReservePriceSource
{
    LowestEstimate,   // 見積最低額
    MedianEstimate,   // 見積中央値
    AverageEstimate,  // 見積平均額
    Other,            // その他（理由に記載）
}

/// <summary>
/// The 予定価格: one record, written by the estimate comparison and by the evaluation's price page alike, on the evaluation
/// stream where price scoring reads it. <see cref="Basis"/> is the reason in words; <see cref="Source"/> the estimate figure
/// it was taken from (null when recorded on the price page). Records written before it was one record read as this too
/// (<see cref="Prices.EarlierReservePrices"/>).
/// </summary>
public sealed record ReservePriceRecorded(Guid CaseId, decimal Amount, string Basis, Actor By, DateTimeOffset At, ReservePriceSource? Source = null)
    : IAuditedEvent, Cases.ITimelineDescribed
{
    // The amount stays out of the timeline: every member of the group reads it, and prices are sealed until technical close.
    public string TimelineTitle(Infrastructure.Localization.UiText t) => t["予定価格を記録しました"];
}

public sealed record BidPriceRecorded(Guid CaseId, Guid VendorId, decimal Amount, Actor By, DateTimeOffset At) : IAuditedEvent;

/// <summary>Mark null clears an earlier consensus.</summary>
public sealed record ConsensusScoreSet(Guid CaseId, Guid VendorId, string ItemId, decimal? Mark, string Reason, Actor By, DateTimeOffset At) : IAuditedEvent;

public sealed record PartialFitDecided(Guid CaseId, Guid VendorId, string ItemId, bool TreatAsFit, string Reason, Actor By, DateTimeOffset At) : IAuditedEvent;

/// <summary>
/// The chair declares the result final (「結果を確定する」). Only this makes a result final: the last consensus decision
/// removes the last blocker but leaves the result provisional until the chair has looked at it and confirmed.
/// </summary>
public sealed record ResultsFinalised(Guid CaseId, Actor By, DateTimeOffset At) : IAuditedEvent;

/// <summary>By is the officer who recorded the lot; DrawnBy is the person who drew it.</summary>
public sealed record LotDrawn(Guid CaseId, IReadOnlyList<Guid> VendorOrder, string DrawnBy, string? Note, Actor By, DateTimeOffset At) : IAuditedEvent;

/// <summary>
/// The selected vendor (受注候補者) declined, or the negotiation with it failed: the next vendor of the final ranking
/// becomes the candidate. The ranking itself is unchanged.
/// </summary>
public sealed record CandidateDeclined(Guid CaseId, Guid VendorId, string VendorName, string Reason, Actor By, DateTimeOffset At) : IAuditedEvent;

public sealed record DemonstrationScheduled(
    Guid CaseId, Guid SlotId, Guid VendorId, DateTimeOffset Start, DateTimeOffset End, string Place, int AttendeeCap, string? Notes, Actor By, DateTimeOffset At) : IAuditedEvent;

public sealed record DemonstrationCancelled(Guid CaseId, Guid SlotId, string Reason, Actor By, DateTimeOffset At) : IAuditedEvent;
