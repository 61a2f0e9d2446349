namespace Procurement.Features.Evaluation.Scoring;

/// <summary>
/// Stage 5 (rank vote only): each member orders the vendors they may score by their own total, with the same price
/// part as everyone; equal own totals share a place.
/// </summary>
internal sealed class RankVotes
{
    /// <summary>[vendor, place − 1]: how many members placed the vendor there.</summary>
    public required int[,] Placements { get; init; }

    /// <summary>[member × vendor]: the place the member gave the vendor.</summary>
    public required int?[] OwnRank { get; init; }

    public static RankVotes? Place(ScoringGrid grid, IReadOnlyList<int> eligible, decimal[] memberTotals, PricedVendors prices)
    {
        int memberCount = grid.MemberCount, vendorCount = grid.VendorCount;
        var ownRank = new int?[memberCount * vendorCount];
        if (grid.Settings.Aggregation != Aggregation.RankVote) return null;

        var placements = new int[vendorCount, Math.Max(eligible.Count, 1)];
        var candidates = new List<(int V, decimal Score)>(eligible.Count);
        for (var m = 0; m < memberCount; m++)
        {
            candidates.Clear();
            foreach (var v in eligible)
            {
                if (grid.IsExcluded(m, v)) continue;
                var own = memberTotals[m * vendorCount + v];
                var score = grid.Settings.PriceMethod switch
                {
                    PriceMethod.Additive or PriceMethod.LowestPriceRatio => own + prices.Points[v]!.Value,
                    PriceMethod.Division => PricePoints.DivisionValue(grid, own, prices.Bids[v]!.Value),
                    _ => own,
                };
                candidates.Add((v, score));
            }
            candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
            for (var j = 0; j < candidates.Count; j++)
            {
                // Equal own totals share a place (1, 1, 3), so a member's tie never favours either vendor.
                var place = j > 0 && candidates[j].Score == candidates[j - 1].Score ? ownRank[m * vendorCount + candidates[j - 1].V]!.Value : j + 1;
                ownRank[m * vendorCount + candidates[j].V] = place;
                placements[candidates[j].V, place - 1]++;
            }
        }
        return new RankVotes { Placements = placements, OwnRank = ownRank };
    }
}

/// <summary>
/// Stage 6: the ranking. By total (sum/average) or by the share of first, then second, … places (rank vote); ties go
/// to the higher 技術点, then to a lot naming exactly the tied vendors. A tie for first without a lot blocks the result.
/// </summary>
internal static class Ranking
{
    public static (List<RankingEntry> Ranking, List<TieReport> Ties) Order(ScoringGrid grid, IReadOnlyList<int> eligible, decimal[] technical, int[] counting,
        PricedVendors prices, RankVotes? votes, Findings findings)
    {
        var input = grid.Input;
        var totals = prices.Totals;
        var placements = votes?.Placements;

        int Primary(int a, int b)
        {
            if (placements is null) return totals[b].CompareTo(totals[a]);
            // Shares, not raw counts: a vendor a conflicted member could not rank is not penalised for the missing vote.
            for (var r = 0; r < placements.GetLength(1); r++)
            {
                var lhs = (long)placements[a, r] * counting[b];
                var rhs = (long)placements[b, r] * counting[a];
                if (lhs != rhs) return rhs.CompareTo(lhs);
            }
            return 0;
        }

        var ordered = eligible.OrderBy(v => v, Comparer<int>.Create(Primary)).ThenBy(v => v).ToList();
        var ranking = new List<RankingEntry>(ordered.Count);
        var ties = new List<TieReport>();
        var position = 0;
        while (position < ordered.Count)
        {
            var end = position + 1;
            while (end < ordered.Count && Primary(ordered[position], ordered[end]) == 0) end++;
            var group = ordered.GetRange(position, end - position);
            var tieScore = placements is null ? totals[group[0]] : technical[group[0]];
            if (group.Count > 1)
            {
                group = [.. group.OrderByDescending(v => technical[v]).ThenBy(v => v)];
                if (DistinctTechnicalScores(group) > 1)
                {
                    ties.Add(Tie(group.Select(v => input.Vendors[v].Id).ToList(), tieScore, TieResolution.TechnicalScore, null,
                        EngineText.Of(placements is null ? EngineTexts.TieBrokenByTechnicalScore : EngineTexts.RankTieBrokenByTechnicalScore, Names(input, group))));
                }
            }
            var sub = 0;
            while (sub < group.Count)
            {
                var subEnd = sub + 1;
                while (subEnd < group.Count && technical[group[subEnd]] == technical[group[sub]]) subEnd++;
                var tied = group.GetRange(sub, subEnd - sub);
                var rank = position + sub + 1;
                if (tied.Count == 1)
                {
                    ranking.Add(Entry(rank, tied[0]));
                }
                else
                {
                    var ids = tied.Select(v => input.Vendors[v].Id).ToHashSet();
                    var lot = (input.Lots ?? []).LastOrDefault(l => l.VendorOrder.Count == ids.Count && ids.SetEquals(l.VendorOrder));
                    var alsoEqual = DistinctTechnicalScores(group) == 1;
                    if (lot is not null)
                    {
                        ties.Add(Tie([.. lot.VendorOrder], tieScore, TieResolution.Lot, lot, EngineText.Of(
                            alsoEqual ? EngineTexts.TieBrokenByLotTechnicalAlsoEqual : EngineTexts.TieBrokenByLotTechnicalEqual, Names(input, tied), lot.DrawnBy)));
                        for (var j = 0; j < lot.VendorOrder.Count; j++) ranking.Add(Entry(rank + j, grid.VendorIndex[lot.VendorOrder[j]]));
                    }
                    else
                    {
                        ties.Add(Tie(tied.Select(v => input.Vendors[v].Id).ToList(), tieScore, TieResolution.Unresolved, null, EngineText.Of(
                            alsoEqual ? EngineTexts.TieUnresolvedTechnicalAlsoEqual : EngineTexts.TieUnresolvedTechnicalEqual, Names(input, tied))));
                        if (rank == 1) findings.Block(EngineText.Of(EngineTexts.FirstPlaceTie, Names(input, tied)));
                        foreach (var v in tied) ranking.Add(Entry(rank, v));
                    }
                }
                sub = subEnd;
            }
            position = end;
        }
        return (ranking, ties);

        RankingEntry Entry(int rank, int v) => new(rank, input.Vendors[v].Id, input.Vendors[v].Name, totals[v], technical[v], prices.Points[v],
            placements is null ? null : Enumerable.Range(0, placements.GetLength(1)).Select(r => placements[v, r]).ToList());

        int DistinctTechnicalScores(List<int> g) => g.Select(v => technical[v]).Distinct().Count();
    }

    private static TieReport Tie(IReadOnlyList<string> vendorIds, decimal score, TieResolution resolution, LotRecord? lot, EngineText description) =>
        new(vendorIds, score, resolution, lot, description.ToString()) { DescriptionText = description };

    private static string Names(EvaluationInput input, IEnumerable<int> vendors) => string.Join("・", vendors.Select(v => input.Vendors[v].Name));
}
