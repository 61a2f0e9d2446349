namespace Procurement.Features.Evaluation.Scoring;

/// <summary>One vendor's marks as the counting members gave them, turned into rounded points.</summary>
internal sealed class VendorMarks(int memberCount, int itemCount)
{
    /// <summary>Per member: the row shown on the results page (empty for an excluded member).</summary>
    public MemberItemScore[][] Rows { get; } = new MemberItemScore[memberCount][];

    /// <summary>Per member: the total after member-total rounding (0 for an excluded member).</summary>
    public decimal[] Totals { get; } = new decimal[memberCount];

    /// <summary>[member × item]: the mark that counts (consensus over own, △ after its decision); null when not scored.</summary>
    public decimal?[] Effective { get; } = new decimal?[memberCount * itemCount];

    /// <summary>Per item: the sum of the counting members' points.</summary>
    public decimal[] ItemSums { get; } = new decimal[itemCount];

    /// <summary>Per item: a △ is waiting for the committee's decision.</summary>
    public bool[] Undecided { get; } = new bool[itemCount];

    /// <summary>How many members count for the vendor (not excluded by a conflict).</summary>
    public int Counting { get; set; }

    /// <summary>The sum of the counting members' totals.</summary>
    public decimal Sum { get; set; }
}

/// <summary>
/// Stage 1: each counting member's item points for one vendor. The consensus mark replaces the member's own, a △
/// counts as its decision says (× until decided), item rounding applies, then member-total rounding.
/// </summary>
internal static class MemberMarks
{
    public static VendorMarks Score(ScoringGrid grid, int v, Findings findings)
    {
        var input = grid.Input;
        int itemCount = grid.ItemCount, memberCount = grid.MemberCount;
        var rounding = grid.Rounding;
        var marks = new VendorMarks(memberCount, itemCount);

        for (var m = 0; m < memberCount; m++)
        {
            if (grid.IsExcluded(m, v))
            {
                marks.Rows[m] = [];
                continue;
            }
            marks.Counting++;
            var row = new MemberItemScore[itemCount];
            var total = 0m;
            var missing = 0;
            for (var i = 0; i < itemCount; i++)
            {
                var item = grid.Items[i].Item;
                var at = grid.MarkAt[grid.Cell(m, v, i)];
                decimal? own = at == 0 ? null : input.Scores[at - 1].Mark;
                var agreed = grid.Consensus[v * itemCount + i];
                var effective = agreed?.Mark ?? own;
                var points = 0m;
                if (effective is null)
                {
                    missing++;
                }
                else
                {
                    var mark = effective.Value;
                    if (item.Scale == ScaleKind.FitGap && mark == Marks.Partial)
                    {
                        var decision = grid.Decisions[v * itemCount + i];
                        if (decision is null) marks.Undecided[i] = true;
                        mark = decision?.TreatAsFit == true ? Marks.Fit : Marks.NotFit;
                    }
                    points = mark >= 0 && mark < 6 && decimal.IsInteger(mark) && grid.PointTable[i * 6 + (int)mark] is { } cached
                        ? cached
                        : ItemPoints.Rounded(item, mark, rounding.Item);
                    marks.Effective[m * itemCount + i] = mark;
                }
                row[i] = new MemberItemScore(item.Id, own, points, agreed is not null);
                marks.ItemSums[i] += points;
                total += points;
            }
            if (missing > 0)
            {
                findings.Block(EngineText.Of(EngineTexts.MissingScores, input.Members[m].Name, input.Vendors[v].Name, missing.ToString(CultureInfo.InvariantCulture)));
            }
            total = rounding.MemberTotal.Apply(total);
            marks.Totals[m] = total;
            marks.Rows[m] = row;
            marks.Sum += total;
        }
        return marks;
    }
}
