namespace Procurement.Features.Evaluation.Scoring;

/// <summary>
/// What the engine computes. <see cref="IsFinal"/> is false while something still needs a person
/// (an undecided △, a missing score or price, a tie for first place without a lot): <see cref="Blockers"/> says what,
/// and the ranking is provisional (an undecided △ counts as ×, a missing score as 0, a vendor without a price is left out).
/// </summary>
public sealed record EvaluationResult(
    bool IsFinal,
    IReadOnlyList<string> Blockers,
    Aggregation Aggregation,
    PriceMethod PriceMethod,
    decimal TechnicalFullMarks,
    decimal? PriceAllocation,
    decimal? LowestValidBid,
    IReadOnlyList<RankingEntry> Ranking,
    IReadOnlyList<VendorResult> Vendors,
    IReadOnlyList<Disqualification> Disqualifications,
    IReadOnlyList<TieReport> Ties,
    IReadOnlyList<ExclusionReport> Exclusions)
{
    /// <summary><see cref="Blockers"/> as template and arguments, for pages that show them in the reader's language.</summary>
    public IReadOnlyList<EngineText> BlockerTexts { get; init; } = [];

    /// <summary>What the computation left out and why (marks of a member for a vendor they declared a conflict with); nothing to act on.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary><see cref="Notices"/> as template and arguments.</summary>
    public IReadOnlyList<EngineText> NoticeTexts { get; init; } = [];

    /// <summary>The rounding the figures were computed with, so pages show each stage with its own decimals.</summary>
    public RoundingSettings Rounding { get; init; } = RoundingSettings.Exact;
}

/// <summary>One line of the ranking; vendors whose tie could not be broken share a rank.</summary>
public sealed record RankingEntry(int Rank, string VendorId, string VendorName, decimal Total, decimal Technical, decimal? PricePoints, IReadOnlyList<int>? PlacementCounts);

public sealed record VendorResult(
    string VendorId,
    string VendorName,
    bool Disqualified,
    decimal Technical,
    decimal? Bid,
    decimal? PricePoints,
    decimal? EvaluationValue,
    decimal Total,
    int CountingMembers,
    IReadOnlyList<MemberBreakdown> Members,
    IReadOnlyList<CriterionBreakdown> Criteria,
    IReadOnlyList<CategoryBreakdown> Categories);

/// <summary>A member's scores for one vendor. Excluded members keep their row (marked) so the exclusion is visible.</summary>
public sealed record MemberBreakdown(string MemberId, string MemberName, bool Excluded, decimal? Total, int? OwnRank, IReadOnlyList<MemberItemScore> Items);

/// <summary>Mark as the member gave it; Points after a consensus or △ decision and item rounding.</summary>
public readonly record struct MemberItemScore(string ItemId, decimal? Mark, decimal Points, bool ConsensusApplied);

public sealed record CriterionBreakdown(string ItemId, string ItemName, string CategoryId, decimal MaxPoints, decimal Average, decimal? ConsensusMark, string? ConsensusReason, string? PartialFitDecision)
{
    public EngineText? PartialFitText { get; init; }
}

public sealed record CategoryBreakdown(string CategoryId, string CategoryName, decimal MaxPoints, decimal Average);

public enum DisqualificationKind
{
    RequiredItemFailed,
    BelowFloor,
    BelowPassLine,
    BidAboveReservePrice,
    InvalidBid,
}

public sealed record Disqualification(string VendorId, string VendorName, DisqualificationKind Kind, string Reason)
{
    public EngineText? ReasonText { get; init; }
}

public enum TieResolution
{
    TechnicalScore,
    Lot,
    Unresolved,
}

public sealed record TieReport(IReadOnlyList<string> VendorIds, decimal Score, TieResolution Resolution, LotRecord? Lot, string Description)
{
    public EngineText? DescriptionText { get; init; }
}

public sealed record ExclusionReport(string MemberId, string MemberName, string VendorId, string VendorName)
{
    /// <summary>How many marks the member had given the vendor anyway: they are kept on the sheet but not counted.</summary>
    public int IgnoredMarks { get; init; }
}
