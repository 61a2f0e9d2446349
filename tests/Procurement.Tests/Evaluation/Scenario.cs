using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Tests.Evaluation;

/// <summary>Small hand-checkable committees: members m1.., vendors A.., items given by the test.</summary>
internal sealed class Scenario
{
    public List<CriteriaCategory> Criteria { get; } = [];
    public List<CommitteeMemberRef> Members { get; } = [];
    public List<VendorRef> Vendors { get; } = [];
    public List<MemberScore> Scores { get; } = [];
    public List<ConflictExclusion> Exclusions { get; } = [];
    public List<ConsensusScore> Consensus { get; } = [];
    public List<PartialFitDecision> Decisions { get; } = [];
    public List<LotRecord> Lots { get; } = [];
    public Dictionary<string, decimal> Bids { get; } = [];
    public decimal? ReservePrice { get; set; }
    public EvaluationSettings Settings { get; set; } = new();

    public Scenario(int members, params string[] vendors)
    {
        for (var m = 1; m <= members; m++) Members.Add(new($"m{m}", $"委員{m}"));
        foreach (var v in vendors) Vendors.Add(new(v, $"{v}社"));
    }

    public static CriteriaItem Item(string id, string name, decimal max, ScaleKind scale, bool Required = false) => new(id, name, max, scale, Required);

    public Scenario Category(string id, params CriteriaItem[] items)
    {
        Criteria.Add(new CriteriaCategory(id, $"区分{id}", items));
        return this;
    }

    /// <summary>One mark per member (in member order) for a vendor's item.</summary>
    public Scenario Marks(string vendor, string item, params decimal[] perMember)
    {
        for (var m = 0; m < perMember.Length; m++) Scores.Add(new($"m{m + 1}", vendor, item, perMember[m]));
        return this;
    }

    public EvaluationResult Compute() => ScoringEngine.Compute(Input());

    public EvaluationInput Input() => new(Criteria, Settings, Members, Vendors, Scores, Exclusions, Consensus, Decisions,
        ReservePrice is null && Bids.Count == 0 ? null : new PriceEnvelope(ReservePrice, Bids), Lots);
}

internal static class ResultExtensions
{
    public static VendorResult Vendor(this EvaluationResult result, string id) => result.Vendors.Single(v => v.VendorId == id);

    public static string[] Order(this EvaluationResult result) => result.Ranking.Select(r => r.VendorId).ToArray();
}
