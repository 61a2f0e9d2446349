namespace Procurement.Features.Evaluation.Scoring;

/// <summary>
/// The one computation behind the results page, the 審査結果報告書, the CLI and the benchmark.
/// Pure: same input, same result; no clock, no database. Works on index arrays because a committee of
/// 15 × 12 vendors × 100 items must finish in a few milliseconds while the chair waits on the page.
/// The stages, in the order docs/evaluation-sheet.md gives them: <see cref="ScoringGrid"/> (ids to positions,
/// conflicts, consensus, △ decisions), <see cref="MemberMarks"/>, <see cref="Qualification"/> (floor, 必須, pass line),
/// <see cref="TechnicalAggregation"/>, <see cref="PricePoints"/>, <see cref="RankVotes"/> and <see cref="Ranking"/>.
/// </summary>
public static class ScoringEngine
{
    public static EvaluationResult Compute(EvaluationInput input)
    {
        var grid = ScoringGrid.From(input);
        var findings = new Findings(input);
        int memberCount = grid.MemberCount, vendorCount = grid.VendorCount;

        var technical = new decimal[vendorCount];
        var counting = new int[vendorCount];
        var memberTotals = new decimal[memberCount * vendorCount];
        var marks = new VendorMarks[vendorCount];
        for (var v = 0; v < vendorCount; v++)
        {
            marks[v] = MemberMarks.Score(grid, v, findings);
            Qualification.CheckFloorsAndRequired(grid, v, marks[v], findings);
            technical[v] = TechnicalAggregation.Technical(grid, v, marks[v], findings);
            counting[v] = marks[v].Counting;
            for (var m = 0; m < memberCount; m++) memberTotals[m * vendorCount + v] = marks[v].Totals[m];
            Qualification.CheckPassLine(grid, v, technical[v], counting[v], findings);
        }

        var prices = PricePoints.Apply(grid, technical, findings);
        var eligible = Enumerable.Range(0, vendorCount).Where(v => !findings.Disqualified[v] && prices.Priced[v] && counting[v] > 0).ToList();
        var votes = RankVotes.Place(grid, eligible, memberTotals, prices);
        var (ranking, ties) = Ranking.Order(grid, eligible, technical, counting, prices, votes, findings);

        var vendors = new List<VendorResult>(vendorCount);
        for (var v = 0; v < vendorCount; v++)
        {
            var rows = new MemberBreakdown[memberCount];
            for (var m = 0; m < memberCount; m++)
            {
                var isExcluded = grid.IsExcluded(m, v);
                rows[m] = new MemberBreakdown(input.Members[m].Id, input.Members[m].Name, isExcluded,
                    isExcluded ? null : marks[v].Totals[m], votes?.OwnRank[m * vendorCount + v], marks[v].Rows[m]);
            }
            vendors.Add(new VendorResult(input.Vendors[v].Id, input.Vendors[v].Name, findings.Disqualified[v], technical[v], prices.Bids[v], prices.Points[v],
                prices.EvaluationValue[v], prices.Totals[v], counting[v], rows,
                TechnicalAggregation.Criteria(grid, v, marks[v]), TechnicalAggregation.Categories(grid, marks[v])));
        }

        var blockers = findings.Blockers.DistinctBy(b => b.ToString()).ToList();
        var notices = grid.ExclusionReports.Where(x => x.IgnoredMarks > 0)
            .Select(x => EngineText.Of(EngineTexts.IgnoredConflictMarks, x.MemberName, x.VendorName, x.IgnoredMarks.ToString(CultureInfo.InvariantCulture))).ToList();
        return new EvaluationResult(blockers.Count == 0, blockers.ConvertAll(b => b.ToString()), input.Settings.Aggregation, input.Settings.PriceMethod,
            grid.FullMarks, prices.Allocation, prices.Lowest, ranking, vendors, findings.Disqualifications, ties, grid.ExclusionReports)
        {
            BlockerTexts = blockers,
            NoticeTexts = notices,
            Notices = notices.ConvertAll(n => n.ToString()),
            Rounding = grid.Rounding,
        };
    }
}
