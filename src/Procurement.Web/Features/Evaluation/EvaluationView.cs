using Marten.Events.Aggregation;
using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Features.Evaluation;

public sealed record EvaluatedVendor(Guid VendorId, string Name);

public sealed record CommitteeSeat(Guid MemberId, string Name, DateTimeOffset AppointedAt, string? Position = null);

public sealed record ConflictDeclaration(Guid MemberId, List<Guid> ConflictedVendorIds, string Statement, DateTimeOffset DeclaredAt);

public sealed record CriteriaChange(int Revision, string Reason, string By, DateTimeOffset At);

public sealed record ConsensusEntry(Guid VendorId, string ItemId, decimal Mark, string Reason, string By, DateTimeOffset At);

public sealed record PartialFitEntry(Guid VendorId, string ItemId, bool TreatAsFit, string Reason, string By, DateTimeOffset At);

public sealed record LotEntry(List<Guid> VendorOrder, string DrawnBy, string? Note, string RecordedBy, DateTimeOffset At);

public sealed record DeclineEntry(Guid VendorId, string VendorName, string Reason, string By, DateTimeOffset At);

public sealed record DemonstrationSlot(Guid SlotId, Guid VendorId, DateTimeOffset Start, DateTimeOffset End, string Place, int AttendeeCap, string? Notes);

/// <summary>
/// The case's evaluation: the state every evaluation decision is made on, and the source of the pages.
/// It holds the price envelope too — <see cref="EvaluationQueries"/> decides who may read which part.
/// </summary>
public sealed class EvaluationView
{
    public const string DemonstrationCategoryId = "DEMO";

    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public List<CriteriaCategory> Criteria { get; set; } = [];
    public EvaluationSettings Settings { get; set; } = new();
    public List<CriteriaItem> DemonstrationScenario { get; set; } = [];
    public int CriteriaRevision { get; set; }
    public bool CriteriaFrozen { get; set; }
    public DateTimeOffset? ProposalsOpenedAt { get; set; }
    public List<CriteriaChange> CriteriaChanges { get; set; } = [];
    /// <summary>Members who have not yet re-confirmed the latest change of frozen criteria.</summary>
    public List<Guid> PendingReconfirmation { get; set; } = [];
    public List<EvaluatedVendor> Vendors { get; set; } = [];
    public List<CommitteeSeat> Members { get; set; } = [];
    public Guid? ChairId { get; set; }
    public List<ConflictDeclaration> Declarations { get; set; } = [];
    public bool TechnicalClosed { get; set; }
    public DateTimeOffset? TechnicalClosedAt { get; set; }
    public decimal? ReservePrice { get; set; }
    public string? ReservePriceBasis { get; set; }
    public ReservePriceSource? ReservePriceSource { get; set; }
    public string? ReservePriceRecordedBy { get; set; }
    public DateTimeOffset? ReservePriceRecordedAt { get; set; }
    public Dictionary<Guid, decimal> Bids { get; set; } = [];
    public List<ConsensusEntry> Consensus { get; set; } = [];
    public List<PartialFitEntry> PartialFitDecisions { get; set; } = [];
    public List<LotEntry> Lots { get; set; } = [];
    public List<DemonstrationSlot> Demonstrations { get; set; } = [];
    /// <summary>Candidates who declined, in order: each moved the selection to the next of the ranking.</summary>
    public List<DeclineEntry> Declines { get; set; } = [];
    /// <summary>When the chair finalised the result (null: provisional, whatever the engine says).</summary>
    public DateTimeOffset? ResultsFinalisedAt { get; set; }
    public string? ResultsFinalisedBy { get; set; }
    public long Version { get; set; }

    /// <summary>The criteria members score: the officer's categories plus the demonstration scenario as one more category.</summary>
    public IReadOnlyList<CriteriaCategory> ScoredCriteria => DemonstrationScenario.Count == 0
        ? Criteria
        : [.. Criteria, new CriteriaCategory(DemonstrationCategoryId, "デモンストレーション", DemonstrationScenario)];

    public bool IsMember(Guid userId) => Members.Any(m => m.MemberId == userId);

    public ConflictDeclaration? DeclarationOf(Guid memberId) => Declarations.FirstOrDefault(d => d.MemberId == memberId);

    public bool IsConflicted(Guid memberId, Guid vendorId) => DeclarationOf(memberId)?.ConflictedVendorIds.Contains(vendorId) == true;

    /// <summary>
    /// 受注候補者: the first of a final ranking who has not declined. None while the result is provisional, or when
    /// every ranked vendor has declined.
    /// </summary>
    public RankingEntry? Candidate(EvaluationResult result) =>
        result.IsFinal ? result.Ranking.FirstOrDefault(e => Declines.All(d => d.VendorId.ToString("N") != e.VendorId)) : null;
}

public sealed class EvaluationViewProjection : SingleStreamProjection<EvaluationView, Guid>
{
    private static void Touch(EvaluationView view, Guid caseId)
    {
        view.CaseId = caseId;
        view.Id = EvaluationStreams.Evaluation(caseId);
    }

    public static void Apply(EvaluationVendorAdded e, EvaluationView view)
    {
        Touch(view, e.CaseId);
        view.Vendors.RemoveAll(v => v.VendorId == e.VendorId);
        view.Vendors.Add(new EvaluatedVendor(e.VendorId, e.Name));
    }

    public static void Apply(EvaluationVendorRemoved e, EvaluationView view)
    {
        view.Vendors.RemoveAll(v => v.VendorId == e.VendorId);
        foreach (var d in view.Declarations) d.ConflictedVendorIds.Remove(e.VendorId);
    }

    public static void Apply(CriteriaDefined e, EvaluationView view)
    {
        Touch(view, e.CaseId);
        view.Criteria = [.. e.Categories];
        view.Settings = e.Settings;
        view.CriteriaRevision++;
    }

    public static void Apply(ProposalsOpened e, EvaluationView view)
    {
        Touch(view, e.CaseId);
        view.CriteriaFrozen = true;
        view.ProposalsOpenedAt = e.At;
    }

    public static void Apply(FrozenCriteriaChanged e, EvaluationView view)
    {
        Touch(view, e.CaseId);
        view.Criteria = [.. e.Categories];
        view.Settings = e.Settings;
        view.CriteriaRevision = e.Revision;
        view.CriteriaChanges.Add(new CriteriaChange(e.Revision, e.Reason, e.By.Name, e.At));
        view.PendingReconfirmation = view.Members.Select(m => m.MemberId).ToList();
    }

    public static void Apply(DemonstrationScenarioDefined e, EvaluationView view)
    {
        Touch(view, e.CaseId);
        view.DemonstrationScenario = [.. e.Items];
        view.CriteriaRevision = e.Revision;
        if (e.Reason is not null)
        {
            view.CriteriaChanges.Add(new CriteriaChange(e.Revision, e.Reason, e.By.Name, e.At));
            view.PendingReconfirmation = view.Members.Select(m => m.MemberId).ToList();
        }
    }

    public static void Apply(CriteriaChangeConfirmed e, EvaluationView view) => view.PendingReconfirmation.Remove(e.MemberId);

    public static void Apply(CommitteeMemberAppointed e, EvaluationView view)
    {
        Touch(view, e.CaseId);
        var index = view.Members.FindIndex(m => m.MemberId == e.MemberId);
        if (index < 0) view.Members.Add(new CommitteeSeat(e.MemberId, e.Name, e.At, e.Position));
        else view.Members[index] = view.Members[index] with { Position = e.Position };
        if (e.IsChair) view.ChairId = e.MemberId;
    }

    public static void Apply(CommitteeMemberDismissed e, EvaluationView view)
    {
        view.Members.RemoveAll(m => m.MemberId == e.MemberId);
        view.Declarations.RemoveAll(d => d.MemberId == e.MemberId);
        view.PendingReconfirmation.Remove(e.MemberId);
        if (view.ChairId == e.MemberId) view.ChairId = null;
    }

    public static void Apply(ConflictOfInterestDeclared e, EvaluationView view)
    {
        view.Declarations.RemoveAll(d => d.MemberId == e.MemberId);
        view.Declarations.Add(new ConflictDeclaration(e.MemberId, [.. e.ConflictedVendorIds], e.Statement, e.At));
    }

    public static void Apply(TechnicalScoringClosed e, EvaluationView view)
    {
        view.TechnicalClosed = true;
        view.TechnicalClosedAt = e.At;
    }

    public static void Apply(ReservePriceRecorded e, EvaluationView view)
    {
        Touch(view, e.CaseId);
        view.ReservePrice = e.Amount;
        view.ReservePriceBasis = e.Basis;
        view.ReservePriceSource = e.Source;
        view.ReservePriceRecordedBy = e.By.Name;
        view.ReservePriceRecordedAt = e.At;
    }

    public static void Apply(BidPriceRecorded e, EvaluationView view)
    {
        Touch(view, e.CaseId);
        view.Bids[e.VendorId] = e.Amount;
    }

    public static void Apply(ConsensusScoreSet e, EvaluationView view)
    {
        view.Consensus.RemoveAll(c => c.VendorId == e.VendorId && c.ItemId == e.ItemId);
        if (e.Mark is { } mark) view.Consensus.Add(new ConsensusEntry(e.VendorId, e.ItemId, mark, e.Reason, e.By.Name, e.At));
    }

    public static void Apply(PartialFitDecided e, EvaluationView view)
    {
        view.PartialFitDecisions.RemoveAll(c => c.VendorId == e.VendorId && c.ItemId == e.ItemId);
        view.PartialFitDecisions.Add(new PartialFitEntry(e.VendorId, e.ItemId, e.TreatAsFit, e.Reason, e.By.Name, e.At));
    }

    public static void Apply(LotDrawn e, EvaluationView view) =>
        view.Lots.Add(new LotEntry([.. e.VendorOrder], e.DrawnBy, e.Note, e.By.Name, e.At));

    public static void Apply(DemonstrationScheduled e, EvaluationView view)
    {
        Touch(view, e.CaseId);
        view.Demonstrations.RemoveAll(s => s.SlotId == e.SlotId);
        view.Demonstrations.Add(new DemonstrationSlot(e.SlotId, e.VendorId, e.Start, e.End, e.Place, e.AttendeeCap, e.Notes));
        view.Demonstrations.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    public static void Apply(CandidateDeclined e, EvaluationView view) =>
        view.Declines.Add(new DeclineEntry(e.VendorId, e.VendorName, e.Reason, e.By.Name, e.At));

    public static void Apply(ResultsFinalised e, EvaluationView view)
    {
        view.ResultsFinalisedAt = e.At;
        view.ResultsFinalisedBy = e.By.Name;
    }

    public static void Apply(DemonstrationCancelled e, EvaluationView view) => view.Demonstrations.RemoveAll(s => s.SlotId == e.SlotId);
}
