namespace Procurement.Features.Evaluation.Scoring;

/// <summary>
/// Stage 3: a vendor's 技術点 from its counting members (sum, scaled to the whole committee when some are excluded,
/// or average; rank votes are placed later, on these same totals), average rounding, and the per-item and per-category breakdown.
/// </summary>
internal static class TechnicalAggregation
{
    public static decimal Technical(ScoringGrid grid, int v, VendorMarks marks, Findings findings)
    {
        var n = marks.Counting;
        var memberCount = grid.MemberCount;
        decimal technical = 0;
        if (n == 0)
        {
            findings.Block(EngineText.Of(EngineTexts.NoCountingMember, grid.Input.Vendors[v].Name));
        }
        else if (grid.Settings.Aggregation == Aggregation.Sum)
        {
            // Scaling keeps a vendor with an excluded member comparable: as if every member had scored like the others.
            technical = grid.Rounding.Average.Apply(n == memberCount ? marks.Sum : marks.Sum * memberCount / n);
        }
        else
        {
            technical = grid.Rounding.Average.Apply(marks.Sum / n);
        }

        for (var i = 0; i < grid.ItemCount; i++)
        {
            if (marks.Undecided[i]) findings.Block(EngineText.Of(EngineTexts.PartialFitUndecided, grid.Input.Vendors[v].Name, grid.Items[i].Item.Name));
        }
        return technical;
    }

    public static CriterionBreakdown[] Criteria(ScoringGrid grid, int v, VendorMarks marks)
    {
        var items = grid.Items;
        var offset = v * grid.ItemCount;
        var result = new CriterionBreakdown[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var (item, category) = items[i];
            var c = grid.Consensus[offset + i];
            var d = grid.Decisions[offset + i];
            var decision = d is null ? null : EngineText.Of(d.TreatAsFit ? EngineTexts.PartialFitAsFit : EngineTexts.PartialFitAsNotFit, d.Reason);
            result[i] = new CriterionBreakdown(item.Id, item.Name, category.Id, item.MaxPoints, Aggregate(grid, marks.ItemSums[i], marks.Counting),
                c?.Mark, c?.Reason, decision?.ToString()) { PartialFitText = decision };
        }
        return result;
    }

    public static CategoryBreakdown[] Categories(ScoringGrid grid, VendorMarks marks)
    {
        var categories = grid.Input.Criteria;
        var result = new CategoryBreakdown[categories.Count];
        var i = 0;
        for (var c = 0; c < categories.Count; c++)
        {
            var sum = 0m;
            var max = 0m;
            for (var j = 0; j < categories[c].Items.Count; j++, i++)
            {
                sum += marks.ItemSums[i];
                max += grid.Items[i].Item.MaxPoints;
            }
            result[c] = new CategoryBreakdown(categories[c].Id, categories[c].Name, grid.Settings.Aggregation == Aggregation.Sum ? max * grid.MemberCount : max,
                Aggregate(grid, sum, marks.Counting));
        }
        return result;
    }

    private static decimal Aggregate(ScoringGrid grid, decimal sum, int n)
    {
        var memberCount = grid.MemberCount;
        return n == 0 ? 0 : grid.Rounding.Average.Apply(grid.Settings.Aggregation == Aggregation.Sum ? (n == memberCount ? sum : sum * memberCount / n) : sum / n);
    }
}
