namespace Procurement.Features.Evaluation.Scoring;

/// <summary>How a member answers an item.</summary>
public enum ScaleKind
{
    /// <summary>5段階: 5 非常に優れている … 1 非常に劣っている, 0 記載なし; points = 配点 × 評価 ÷ 5.</summary>
    FiveLevel,
    /// <summary>機能適合 ○ / △ / ×; △ (an alternative) counts only once the committee decides it as ○ or ×.</summary>
    FitGap,
    /// <summary>Points entered directly, 0..配点.</summary>
    Number,
    /// <summary>合 / 否 (typical for 必須 items): 合 earns the full 配点.</summary>
    PassFail,
}

/// <param name="Anchors">5段階 only: the text for each grade, indexed by grade (0..5); null uses <see cref="Marks.FiveLevelAnchors"/>.</param>
public sealed record CriteriaItem(string Id, string Name, decimal MaxPoints, ScaleKind Scale, bool Required = false, IReadOnlyList<string>? Anchors = null);

public sealed record CriteriaCategory(string Id, string Name, IReadOnlyList<CriteriaItem> Items);

public enum Aggregation
{
    /// <summary>Sum of member totals; a vendor with excluded members gets the sum scaled by all ÷ counting members.</summary>
    Sum,
    /// <summary>Average of the counting members' totals.</summary>
    Average,
    /// <summary>Each member ranks the vendors by their own totals; most 1st places wins, then 2nd places, and so on.</summary>
    RankVote,
}

public enum PriceMethod
{
    /// <summary>Technical evaluation only (no price envelope).</summary>
    None,
    /// <summary>加算方式: 価格点 = 配分 × (1 − 入札価格 ÷ 予定価格).</summary>
    Additive,
    /// <summary>価格点 = 配分 × 最低価格 ÷ 入札価格 (lowest among the valid bids of vendors still in the running).</summary>
    LowestPriceRatio,
    /// <summary>除算方式: 評価値 = 技術点 ÷ 入札価格 × multiplier (highest wins).</summary>
    Division,
}

public enum RoundingMode
{
    None,
    /// <summary>切捨て.</summary>
    Truncate,
    /// <summary>四捨五入.</summary>
    HalfUp,
    /// <summary>切上げ.</summary>
    Up,
}

public sealed record RoundingRule(RoundingMode Mode, int Decimals = 0)
{
    public static readonly RoundingRule Exact = new(RoundingMode.None);

    public decimal Apply(decimal value) => Mode switch
    {
        RoundingMode.None => value,
        RoundingMode.Truncate => decimal.Round(value, Decimals, MidpointRounding.ToZero),
        RoundingMode.HalfUp => decimal.Round(value, Decimals, MidpointRounding.AwayFromZero),
        RoundingMode.Up => decimal.Round(value, Decimals, MidpointRounding.ToPositiveInfinity),
        _ => value,
    };
}

/// <summary>Rounding at each stage: every municipality publishes its own, so it is data.</summary>
public sealed record RoundingSettings(RoundingRule Item, RoundingRule MemberTotal, RoundingRule Average, RoundingRule PricePoints)
{
    public static readonly RoundingSettings Exact = new(RoundingRule.Exact, RoundingRule.Exact, RoundingRule.Exact, RoundingRule.Exact);
}

public enum FloorUnit
{
    /// <summary>The item's points after item rounding (e.g. "any item below 2 points").</summary>
    Points,
    /// <summary>The 5段階 grade itself (only 5段階 items are checked).</summary>
    Grade,
}

/// <summary>Disqualify a vendor when any counting member gives any scored item less than the threshold.</summary>
public sealed record FloorRule(decimal Threshold, FloorUnit Unit = FloorUnit.Points);

public sealed record EvaluationSettings(
    Aggregation Aggregation = Aggregation.Average,
    PriceMethod PriceMethod = PriceMethod.None,
    decimal TechnicalWeight = 1,
    decimal PriceWeight = 1,
    decimal? PriceAllocation = null,
    decimal DivisionMultiplier = 1,
    decimal? PassLineRatio = null,
    FloorRule? Floor = null,
    RoundingSettings? Rounding = null)
{
    public RoundingSettings RoundingOrExact => Rounding ?? RoundingSettings.Exact;
}

public sealed record CommitteeMemberRef(string Id, string Name);

public sealed record VendorRef(string Id, string Name);

/// <summary>One member's mark for one item of one vendor, in the item's scale (see <see cref="Marks"/>).</summary>
public sealed record MemberScore(string MemberId, string VendorId, string ItemId, decimal Mark);

/// <summary>A member declared a conflict with a vendor: their scores do not count for it.</summary>
public sealed record ConflictExclusion(string MemberId, string VendorId);

/// <summary>The chair's score for one item of one vendor; it replaces every member's mark for that item.</summary>
public sealed record ConsensusScore(string VendorId, string ItemId, decimal Mark, string Reason, string By);

/// <summary>The committee's decision on a △ answer: the alternative is accepted as ○ or rejected as ×.</summary>
public sealed record PartialFitDecision(string VendorId, string ItemId, bool TreatAsFit, string Reason, string By);

public sealed record PriceEnvelope(decimal? ReservePrice, IReadOnlyDictionary<string, decimal> Bids);

/// <summary>くじ: the order drawn among tied vendors (first wins), and who drew it.</summary>
public sealed record LotRecord(IReadOnlyList<string> VendorOrder, string DrawnBy, DateTimeOffset? At = null, string? Note = null);

public sealed record EvaluationInput(
    IReadOnlyList<CriteriaCategory> Criteria,
    EvaluationSettings Settings,
    IReadOnlyList<CommitteeMemberRef> Members,
    IReadOnlyList<VendorRef> Vendors,
    IReadOnlyList<MemberScore> Scores,
    IReadOnlyList<ConflictExclusion>? Exclusions = null,
    IReadOnlyList<ConsensusScore>? Consensus = null,
    IReadOnlyList<PartialFitDecision>? PartialFitDecisions = null,
    PriceEnvelope? Prices = null,
    IReadOnlyList<LotRecord>? Lots = null);
