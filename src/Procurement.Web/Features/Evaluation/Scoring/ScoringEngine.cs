using System.Globalization;

namespace Procurement.Features.Evaluation.Scoring;

/// <summary>
/// The one computation behind the results page, the 審査結果報告書, the CLI and the benchmark.
/// Pure: same input, same result; no clock, no database. Works on index arrays because a committee of
/// 15 × 12 vendors × 100 items must finish in a few milliseconds while the chair waits on the page.
/// </summary>
public static class ScoringEngine
{
    public static EvaluationResult Compute(EvaluationInput input)
    {
        var settings = input.Settings;
        var rounding = settings.RoundingOrExact;

        var items = new List<(CriteriaItem Item, CriteriaCategory Category)>();
        foreach (var category in input.Criteria)
        {
            foreach (var item in category.Items) items.Add((item, category));
        }
        int itemCount = items.Count, memberCount = input.Members.Count, vendorCount = input.Vendors.Count;

        var itemIndex = IndexOf(items.Select(x => x.Item.Id), "評価項目");
        var memberIndex = IndexOf(input.Members.Select(m => m.Id), "委員");
        var vendorIndex = IndexOf(input.Vendors.Select(v => v.Id), "事業者");

        // Position of each cell's score in input.Scores (+1; 0 = not scored): ints keep the array off the large-object heap.
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
            exclusionReports.Add(new ExclusionReport(x.MemberId, input.Members[m].Name, x.VendorId, input.Vendors[v].Name));
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

        // Marks are mostly small integers (5段階, ○△×, 合否): their rounded points are computed once per item, not per cell.
        var pointTable = new decimal?[itemCount * 6];
        for (var i = 0; i < itemCount; i++)
        {
            if (items[i].Item.Scale == ScaleKind.Number) continue;
            for (var mark = 0; mark < 6; mark++) pointTable[i * 6 + mark] = RoundedItemPoints(items[i].Item, mark, rounding.Item);
        }

        var technicalMax = items.Sum(x => x.Item.MaxPoints);
        var fullMarks = settings.Aggregation == Aggregation.Sum ? technicalMax * memberCount : technicalMax;

        var blockers = new List<EngineText>();
        var disqualifications = new List<Disqualification>();
        var disqualified = new bool[vendorCount];
        var technical = new decimal[vendorCount];
        var counting = new int[vendorCount];
        var memberTotals = new decimal[memberCount * vendorCount];
        var memberItems = new MemberItemScore[vendorCount][][];
        var criteria = new CriterionBreakdown[vendorCount][];
        var categories = new CategoryBreakdown[vendorCount][];

        void Disqualify(int v, DisqualificationKind kind, EngineText reason)
        {
            disqualified[v] = true;
            disqualifications.Add(new Disqualification(input.Vendors[v].Id, input.Vendors[v].Name, kind, reason.ToString()) { ReasonText = reason });
        }

        var itemSums = new decimal[itemCount];
        for (var v = 0; v < vendorCount; v++)
        {
            var vendor = input.Vendors[v];
            Array.Clear(itemSums);
            memberItems[v] = new MemberItemScore[memberCount][];
            var undecided = new bool[itemCount];
            var requiredFailedBy = new int[itemCount];
            Array.Fill(requiredFailedBy, -1);
            var sum = 0m;
            var n = 0;

            for (var m = 0; m < memberCount; m++)
            {
                if (excluded[m * vendorCount + v])
                {
                    memberItems[v][m] = [];
                    continue;
                }
                n++;
                var row = new MemberItemScore[itemCount];
                var total = 0m;
                var missing = 0;
                for (var i = 0; i < itemCount; i++)
                {
                    var item = items[i].Item;
                    var k = ((m * vendorCount) + v) * itemCount + i;
                    decimal? own = markAt[k] == 0 ? null : input.Scores[markAt[k] - 1].Mark;
                    var agreed = consensus[v * itemCount + i];
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
                            var decision = decisions[v * itemCount + i];
                            if (decision is null) undecided[i] = true;
                            mark = decision?.TreatAsFit == true ? Marks.Fit : Marks.NotFit;
                        }
                        points = mark >= 0 && mark < 6 && decimal.IsInteger(mark) && pointTable[i * 6 + (int)mark] is { } cached
                            ? cached
                            : RoundedItemPoints(item, mark, rounding.Item);
                        if (item.Required && mark == 0 && requiredFailedBy[i] < 0) requiredFailedBy[i] = m;
                        if (settings.Floor is { } floor && !item.Required && BelowFloor(floor, item, mark, points))
                        {
                            Disqualify(v, DisqualificationKind.BelowFloor, EngineText.Of(floor.Unit == FloorUnit.Grade ? EngineTexts.BelowFloorGrade : EngineTexts.BelowFloorPoints,
                                input.Members[m].Name, item.Name, Show(points), Show(floor.Threshold)));
                        }
                    }
                    row[i] = new MemberItemScore(item.Id, own, points, agreed is not null);
                    itemSums[i] += points;
                    total += points;
                }
                if (missing > 0) blockers.Add(EngineText.Of(EngineTexts.MissingScores, input.Members[m].Name, vendor.Name, missing.ToString(CultureInfo.InvariantCulture)));
                total = rounding.MemberTotal.Apply(total);
                memberTotals[m * vendorCount + v] = total;
                memberItems[v][m] = row;
                sum += total;
            }

            counting[v] = n;
            if (n == 0)
            {
                blockers.Add(EngineText.Of(EngineTexts.NoCountingMember, vendor.Name));
            }
            else if (settings.Aggregation == Aggregation.Sum)
            {
                // Scaling keeps a vendor with an excluded member comparable: as if every member had scored like the others.
                technical[v] = rounding.Average.Apply(n == memberCount ? sum : sum * memberCount / n);
            }
            else
            {
                technical[v] = rounding.Average.Apply(sum / n);
            }

            for (var i = 0; i < itemCount; i++)
            {
                if (undecided[i]) blockers.Add(EngineText.Of(EngineTexts.PartialFitUndecided, vendor.Name, items[i].Item.Name));
                if (requiredFailedBy[i] >= 0)
                {
                    Disqualify(v, DisqualificationKind.RequiredItemFailed, consensus[v * itemCount + i] is null
                        ? EngineText.Of(EngineTexts.RequiredFailedByMember, items[i].Item.Name, input.Members[requiredFailedBy[i]].Name)
                        : EngineText.Of(EngineTexts.RequiredFailedByConsensus, items[i].Item.Name));
                }
            }

            criteria[v] = BuildCriteria(items, itemSums, n, memberCount, settings.Aggregation, rounding, consensus, decisions, v * itemCount);
            categories[v] = BuildCategories(input.Criteria, items, itemSums, n, memberCount, settings.Aggregation, rounding);

            if (settings.PassLineRatio is { } ratio && n > 0)
            {
                var line = fullMarks * ratio;
                if (technical[v] < line)
                {
                    Disqualify(v, DisqualificationKind.BelowPassLine, EngineText.Of(EngineTexts.BelowPassLine, Show(technical[v]), Show(line), Show(ratio * 100)));
                }
            }
        }

        // Price envelope: read only after the technical part, so the lowest price is taken among vendors still in the running.
        decimal? allocation = null, lowest = null;
        var bids = new decimal?[vendorCount];
        var pricePoints = new decimal?[vendorCount];
        var evaluationValue = new decimal?[vendorCount];
        var totals = (decimal[])technical.Clone();
        var priced = new bool[vendorCount];
        if (settings.PriceMethod == PriceMethod.None)
        {
            Array.Fill(priced, true);
        }
        else
        {
            var reserve = input.Prices?.ReservePrice;
            if (reserve is null) blockers.Add(EngineText.Of(EngineTexts.ReservePriceMissing));
            if (settings.PriceMethod != PriceMethod.Division)
            {
                allocation = settings.PriceAllocation ?? fullMarks * settings.PriceWeight / settings.TechnicalWeight;
            }
            for (var v = 0; v < vendorCount; v++)
            {
                var vendor = input.Vendors[v];
                if (input.Prices?.Bids.TryGetValue(vendor.Id, out var bid) != true)
                {
                    if (!disqualified[v]) blockers.Add(EngineText.Of(EngineTexts.BidMissing, vendor.Name));
                    continue;
                }
                bids[v] = bid;
                if (bid <= 0)
                {
                    Disqualify(v, DisqualificationKind.InvalidBid, EngineText.Of(EngineTexts.InvalidBid, Yen(bid)));
                }
                else if (reserve is { } r && bid > r)
                {
                    Disqualify(v, DisqualificationKind.BidAboveReservePrice, EngineText.Of(EngineTexts.BidAboveReservePrice, Yen(bid), Yen(r)));
                }
                else if (reserve is not null)
                {
                    priced[v] = true;
                }
            }
            for (var v = 0; v < vendorCount; v++)
            {
                if (priced[v] && !disqualified[v] && (lowest is null || bids[v] < lowest)) lowest = bids[v];
            }
            for (var v = 0; v < vendorCount; v++)
            {
                if (!priced[v] || disqualified[v]) continue;
                var bid = bids[v]!.Value;
                switch (settings.PriceMethod)
                {
                    case PriceMethod.Additive:
                        pricePoints[v] = rounding.PricePoints.Apply(allocation!.Value * (1 - bid / input.Prices!.ReservePrice!.Value));
                        totals[v] = technical[v] + pricePoints[v]!.Value;
                        break;
                    case PriceMethod.LowestPriceRatio:
                        pricePoints[v] = rounding.PricePoints.Apply(allocation!.Value * lowest!.Value / bid);
                        totals[v] = technical[v] + pricePoints[v]!.Value;
                        break;
                    case PriceMethod.Division:
                        evaluationValue[v] = rounding.PricePoints.Apply(technical[v] / bid * settings.DivisionMultiplier);
                        totals[v] = evaluationValue[v]!.Value;
                        break;
                }
            }
        }

        var eligible = Enumerable.Range(0, vendorCount).Where(v => !disqualified[v] && priced[v] && counting[v] > 0).ToList();

        // Rank vote: each member orders the vendors they may score by their own total (with the same price part as everyone).
        int[,]? placements = null;
        int?[] ownRank = new int?[memberCount * vendorCount];
        if (settings.Aggregation == Aggregation.RankVote)
        {
            placements = new int[vendorCount, Math.Max(eligible.Count, 1)];
            var candidates = new List<(int V, decimal Score)>(eligible.Count);
            for (var m = 0; m < memberCount; m++)
            {
                candidates.Clear();
                foreach (var v in eligible)
                {
                    if (excluded[m * vendorCount + v]) continue;
                    var own = memberTotals[m * vendorCount + v];
                    var score = settings.PriceMethod switch
                    {
                        PriceMethod.Additive or PriceMethod.LowestPriceRatio => own + pricePoints[v]!.Value,
                        PriceMethod.Division => rounding.PricePoints.Apply(own / bids[v]!.Value * settings.DivisionMultiplier),
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
        }

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
                        for (var j = 0; j < lot.VendorOrder.Count; j++) ranking.Add(Entry(rank + j, vendorIndex[lot.VendorOrder[j]]));
                    }
                    else
                    {
                        ties.Add(Tie(tied.Select(v => input.Vendors[v].Id).ToList(), tieScore, TieResolution.Unresolved, null, EngineText.Of(
                            alsoEqual ? EngineTexts.TieUnresolvedTechnicalAlsoEqual : EngineTexts.TieUnresolvedTechnicalEqual, Names(input, tied))));
                        if (rank == 1) blockers.Add(EngineText.Of(EngineTexts.FirstPlaceTie, Names(input, tied)));
                        foreach (var v in tied) ranking.Add(Entry(rank, v));
                    }
                }
                sub = subEnd;
            }
            position = end;
        }

        var vendors = new List<VendorResult>(vendorCount);
        for (var v = 0; v < vendorCount; v++)
        {
            var rows = new MemberBreakdown[memberCount];
            for (var m = 0; m < memberCount; m++)
            {
                var isExcluded = excluded[m * vendorCount + v];
                rows[m] = new MemberBreakdown(input.Members[m].Id, input.Members[m].Name, isExcluded,
                    isExcluded ? null : memberTotals[m * vendorCount + v], ownRank[m * vendorCount + v], memberItems[v][m]);
            }
            vendors.Add(new VendorResult(input.Vendors[v].Id, input.Vendors[v].Name, disqualified[v], technical[v], bids[v], pricePoints[v],
                evaluationValue[v], totals[v], counting[v], rows, criteria[v], categories[v]));
        }

        var distinctBlockers = blockers.DistinctBy(b => b.ToString()).ToList();
        return new EvaluationResult(distinctBlockers.Count == 0, distinctBlockers.ConvertAll(b => b.ToString()), settings.Aggregation, settings.PriceMethod, fullMarks, allocation, lowest,
            ranking, vendors, disqualifications, ties, exclusionReports) { BlockerTexts = distinctBlockers };

        RankingEntry Entry(int rank, int v) => new(rank, input.Vendors[v].Id, input.Vendors[v].Name, totals[v], technical[v], pricePoints[v],
            placements is null ? null : Enumerable.Range(0, placements.GetLength(1)).Select(r => placements[v, r]).ToList());

        int DistinctTechnicalScores(List<int> g) => g.Select(v => technical[v]).Distinct().Count();
    }

    private static TieReport Tie(IReadOnlyList<string> vendorIds, decimal score, TieResolution resolution, LotRecord? lot, EngineText description) =>
        new(vendorIds, score, resolution, lot, description.ToString()) { DescriptionText = description };

    /// <summary>Rounding up must never lift an item above its 配点.</summary>
    private static decimal RoundedItemPoints(CriteriaItem item, decimal mark, RoundingRule rule) => Math.Min(rule.Apply(ItemPoints(item, mark)), item.MaxPoints);

    /// <summary>配点 × 評価 ÷ 5 for 5段階 (multiplied first so 10 × 3 ÷ 5 stays exact); ○/合 earn the full 配点.</summary>
    public static decimal ItemPoints(CriteriaItem item, decimal mark) => item.Scale switch
    {
        ScaleKind.FiveLevel => item.MaxPoints * mark / 5,
        ScaleKind.Number => mark,
        ScaleKind.FitGap => mark == Marks.Fit ? item.MaxPoints : 0,
        ScaleKind.PassFail => mark == Marks.Pass ? item.MaxPoints : 0,
        _ => 0,
    };

    private static bool BelowFloor(FloorRule floor, CriteriaItem item, decimal mark, decimal points) => floor.Unit switch
    {
        FloorUnit.Grade => item.Scale == ScaleKind.FiveLevel && mark < floor.Threshold,
        _ => item.Scale is ScaleKind.FiveLevel or ScaleKind.Number && points < floor.Threshold,
    };

    private static CriterionBreakdown[] BuildCriteria(List<(CriteriaItem Item, CriteriaCategory Category)> items, decimal[] itemSums, int n, int memberCount,
        Aggregation aggregation, RoundingSettings rounding, ConsensusScore?[] consensus, PartialFitDecision?[] decisions, int offset)
    {
        var result = new CriterionBreakdown[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var (item, category) = items[i];
            var c = consensus[offset + i];
            var d = decisions[offset + i];
            var decision = d is null ? null : EngineText.Of(d.TreatAsFit ? EngineTexts.PartialFitAsFit : EngineTexts.PartialFitAsNotFit, d.Reason);
            result[i] = new CriterionBreakdown(item.Id, item.Name, category.Id, item.MaxPoints, Aggregate(itemSums[i], n, memberCount, aggregation, rounding),
                c?.Mark, c?.Reason, decision?.ToString()) { PartialFitText = decision };
        }
        return result;
    }

    private static CategoryBreakdown[] BuildCategories(IReadOnlyList<CriteriaCategory> categories, List<(CriteriaItem Item, CriteriaCategory Category)> items,
        decimal[] itemSums, int n, int memberCount, Aggregation aggregation, RoundingSettings rounding)
    {
        var result = new CategoryBreakdown[categories.Count];
        var i = 0;
        for (var c = 0; c < categories.Count; c++)
        {
            var sum = 0m;
            var max = 0m;
            for (var j = 0; j < categories[c].Items.Count; j++, i++)
            {
                sum += itemSums[i];
                max += items[i].Item.MaxPoints;
            }
            result[c] = new CategoryBreakdown(categories[c].Id, categories[c].Name, aggregation == Aggregation.Sum ? max * memberCount : max,
                Aggregate(sum, n, memberCount, aggregation, rounding));
        }
        return result;
    }

    private static decimal Aggregate(decimal sum, int n, int memberCount, Aggregation aggregation, RoundingSettings rounding) =>
        n == 0 ? 0 : rounding.Average.Apply(aggregation == Aggregation.Sum ? (n == memberCount ? sum : sum * memberCount / n) : sum / n);

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

    private static string Names(EvaluationInput input, IEnumerable<int> vendors) => string.Join("・", vendors.Select(v => input.Vendors[v].Name));

    private static string Show(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static string Yen(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
