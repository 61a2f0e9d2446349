namespace Procurement.Features.Evaluation.Scoring;

/// <summary>
/// Stage 0 of <see cref="ScoringEngine"/>: the input laid out on index arrays (member × vendor × item), with the
/// conflicts, consensus marks and △ decisions placed on the cells they apply to. Ids become positions once here,
/// so the later stages never hash a string.
/// </summary>
internal sealed class ScoringGrid
{
    public required EvaluationInput Input { get; init; }
    public required List<(CriteriaItem Item, CriteriaCategory Category)> Items { get; init; }
    public required Dictionary<string, int> VendorIndex { get; init; }

    /// <summary>Position of each cell's score in Input.Scores (+1; 0 = not scored): ints keep the array off the large-object heap.</summary>
    public required int[] MarkAt { get; init; }

    /// <summary>[member × vendor]: the member declared a conflict with the vendor, so does not count for it.</summary>
    public required bool[] Excluded { get; init; }

    public required List<ExclusionReport> ExclusionReports { get; init; }

    /// <summary>[vendor × item]: the chair's mark, replacing every member's.</summary>
    public required ConsensusScore?[] Consensus { get; init; }

    /// <summary>[vendor × item]: the committee's decision on a △.</summary>
    public required PartialFitDecision?[] Decisions { get; init; }

    /// <summary>[item × mark 0..5]: rounded points of the small integer marks, computed once per item rather than per cell.</summary>
    public required decimal?[] PointTable { get; init; }

    public EvaluationSettings Settings => Input.Settings;
    public RoundingSettings Rounding => Input.Settings.RoundingOrExact;
    public int ItemCount => Items.Count;
    public int MemberCount => Input.Members.Count;
    public int VendorCount => Input.Vendors.Count;

    /// <summary>技術点満点: the sum of 配点, times the committee for a sum.</summary>
    public decimal FullMarks { get; private init; }

    public int Cell(int m, int v, int i) => ((m * VendorCount) + v) * ItemCount + i;

    public bool IsExcluded(int m, int v) => Excluded[m * VendorCount + v];

    public static ScoringGrid From(EvaluationInput input)
    {
        var items = new List<(CriteriaItem Item, CriteriaCategory Category)>();
        foreach (var category in input.Criteria)
        {
            foreach (var item in category.Items) items.Add((item, category));
        }
        int itemCount = items.Count, memberCount = input.Members.Count, vendorCount = input.Vendors.Count;

        var itemIndex = IndexOf(items.Select(x => x.Item.Id), "評価項目");
        var memberIndex = IndexOf(input.Members.Select(m => m.Id), "委員");
        var vendorIndex = IndexOf(input.Vendors.Select(v => v.Id), "事業者");

        var markAt = new int[memberCount * vendorCount * itemCount];
        string? lastMember = null, lastVendor = null;
        int m0 = 0, v0 = 0, i0 = -1;
        for (var s = 0; s < input.Scores.Count; s++)
        {
            var score = input.Scores[s];
            // Scores usually arrive grouped by member and vendor, items in criteria order: guess before hashing.
            if (!ReferenceEquals(score.MemberId, lastMember)) { m0 = Find(memberIndex, score.MemberId, "委員"); lastMember = score.MemberId; }
            if (!ReferenceEquals(score.VendorId, lastVendor)) { v0 = Find(vendorIndex, score.VendorId, "事業者"); lastVendor = score.VendorId; }
            i0 = i0 + 1 < itemCount && string.Equals(items[i0 + 1].Item.Id, score.ItemId, StringComparison.Ordinal) ? i0 + 1 : Find(itemIndex, score.ItemId, "評価項目");
            markAt[((m0 * vendorCount) + v0) * itemCount + i0] = s + 1;
        }

        var excluded = new bool[memberCount * vendorCount];
        var exclusionReports = new List<ExclusionReport>();
        foreach (var x in input.Exclusions ?? [])
        {
            int m = Find(memberIndex, x.MemberId, "委員"), v = Find(vendorIndex, x.VendorId, "事業者");
            if (excluded[m * vendorCount + v]) continue;
            excluded[m * vendorCount + v] = true;
            var ignored = 0;
            for (var i = 0; i < itemCount; i++)
            {
                if (markAt[((m * vendorCount) + v) * itemCount + i] != 0) ignored++;
            }
            exclusionReports.Add(new ExclusionReport(x.MemberId, input.Members[m].Name, x.VendorId, input.Vendors[v].Name) { IgnoredMarks = ignored });
        }

        var consensus = new ConsensusScore?[vendorCount * itemCount];
        foreach (var c in input.Consensus ?? [])
        {
            consensus[Find(vendorIndex, c.VendorId, "事業者") * itemCount + Find(itemIndex, c.ItemId, "評価項目")] = c;
        }
        var decisions = new PartialFitDecision?[vendorCount * itemCount];
        foreach (var d in input.PartialFitDecisions ?? [])
        {
            decisions[Find(vendorIndex, d.VendorId, "事業者") * itemCount + Find(itemIndex, d.ItemId, "評価項目")] = d;
        }

        var rounding = input.Settings.RoundingOrExact;
        var pointTable = new decimal?[itemCount * 6];
        for (var i = 0; i < itemCount; i++)
        {
            if (items[i].Item.Scale == ScaleKind.Number) continue;
            for (var mark = 0; mark < 6; mark++) pointTable[i * 6 + mark] = ItemPoints.Rounded(items[i].Item, mark, rounding.Item);
        }

        var technicalMax = items.Sum(x => x.Item.MaxPoints);
        return new ScoringGrid
        {
            Input = input,
            Items = items,
            VendorIndex = vendorIndex,
            MarkAt = markAt,
            Excluded = excluded,
            ExclusionReports = exclusionReports,
            Consensus = consensus,
            Decisions = decisions,
            PointTable = pointTable,
            FullMarks = input.Settings.Aggregation == Aggregation.Sum ? technicalMax * memberCount : technicalMax,
        };
    }

    private static Dictionary<string, int> IndexOf(IEnumerable<string> ids, string what)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!index.TryAdd(id, index.Count)) throw new ArgumentException($"{what}ID「{id}」が重複しています");
        }
        return index;
    }

    private static int Find(Dictionary<string, int> index, string id, string what) =>
        index.TryGetValue(id, out var i) ? i : throw new ArgumentException($"{what}ID「{id}」は定義されていません");
}

/// <summary>What the stages find that a person must act on (blockers) or that puts a vendor out of the running.</summary>
internal sealed class Findings(EvaluationInput input)
{
    public List<EngineText> Blockers { get; } = [];
    public List<Disqualification> Disqualifications { get; } = [];
    public bool[] Disqualified { get; } = new bool[input.Vendors.Count];

    public void Block(EngineText text) => Blockers.Add(text);

    public void Disqualify(int v, DisqualificationKind kind, EngineText reason)
    {
        Disqualified[v] = true;
        Disqualifications.Add(new Disqualification(input.Vendors[v].Id, input.Vendors[v].Name, kind, reason.ToString()) { ReasonText = reason });
    }
}

/// <summary>An item's points from a mark.</summary>
public static class ItemPoints
{
    /// <summary>配点 × 評価 ÷ 5 for 5段階 (multiplied first so 10 × 3 ÷ 5 stays exact); ○/合 earn the full 配点.</summary>
    public static decimal Of(CriteriaItem item, decimal mark) => item.Scale switch
    {
        ScaleKind.FiveLevel => item.MaxPoints * mark / 5,
        ScaleKind.Number => mark,
        ScaleKind.FitGap => mark == Marks.Fit ? item.MaxPoints : 0,
        ScaleKind.PassFail => mark == Marks.Pass ? item.MaxPoints : 0,
        _ => 0,
    };

    /// <summary>Rounding up must never lift an item above its 配点.</summary>
    public static decimal Rounded(CriteriaItem item, decimal mark, RoundingRule rule) => Math.Min(rule.Apply(Of(item, mark)), item.MaxPoints);
}
