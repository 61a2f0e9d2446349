using CsCheck;
using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Tests.Evaluation;

[Trait("Lane", "Fast")]
public sealed class ScoringEnginePropertyTests
{
    private static readonly ScaleKind[] Scales = [ScaleKind.FiveLevel, ScaleKind.FitGap, ScaleKind.Number, ScaleKind.PassFail];
    private static readonly RoundingMode[] Modes = [RoundingMode.None, RoundingMode.Truncate, RoundingMode.HalfUp, RoundingMode.Up];

    /// <summary>A committee of 1–6 members, 2–5 vendors and 1–8 items of mixed scales, every member scoring everything.</summary>
    private static readonly Gen<EvaluationInput> Committees =
        Gen.Select(Gen.Int[1, 6], Gen.Int[2, 5], Gen.Int[1, 8]).SelectMany((members, vendors, itemCount) =>
            Gen.Select(
                Gen.Select(Gen.Int[0, Scales.Length - 1], Gen.Int[0, 4000], Gen.Int[0, 2]).Array[itemCount],
                Gen.Int[0, 1000].Array[members * vendors * itemCount],
                Gen.Select(Gen.Int[0, Modes.Length - 1], Gen.Int[0, 3]))
            .Select((items, raw, round) =>
            {
                // 配点 with up to 2 decimals, so rounding up at fewer decimals could overshoot if the engine did not clamp.
                var criteria = items.Select((x, i) => new CriteriaItem($"i{i}", $"項目{i}", x.Item2 / 100m + 0.01m, Scales[x.Item1], Required: false)).ToList();
                var scores = new List<MemberScore>(raw.Length);
                var k = 0;
                for (var m = 0; m < members; m++)
                for (var v = 0; v < vendors; v++)
                foreach (var item in criteria)
                {
                    scores.Add(new MemberScore($"m{m}", $"v{v}", item.Id, MarkFor(item, raw[k++])));
                }
                var rule = new RoundingRule(Modes[round.Item1], round.Item2);
                return new EvaluationInput([new CriteriaCategory("c", "区分", criteria)],
                    new EvaluationSettings(Rounding: new RoundingSettings(rule, rule, rule, rule)),
                    Enumerable.Range(0, members).Select(m => new CommitteeMemberRef($"m{m}", $"委員{m}")).ToList(),
                    Enumerable.Range(0, vendors).Select(v => new VendorRef($"v{v}", $"事業者{v}")).ToList(),
                    scores,
                    // △ is decided as ○ so no result waits on the committee.
                    PartialFitDecisions: Enumerable.Range(0, vendors).SelectMany(v => criteria.Where(c => c.Scale == ScaleKind.FitGap)
                        .Select(c => new PartialFitDecision($"v{v}", c.Id, true, "代替案を認める", "委員長"))).ToList());
            }));

    private static decimal MarkFor(CriteriaItem item, int raw) => item.Scale switch
    {
        ScaleKind.FiveLevel => raw % 6,
        ScaleKind.FitGap => raw % 3,
        ScaleKind.PassFail => raw % 2,
        _ => decimal.Round(item.MaxPoints * (raw / 1000m), 2, MidpointRounding.ToZero),
    };

    [Fact]
    public void No_item_score_is_above_its_max_points_or_below_zero()
    {
        Committees.Sample(input =>
        {
            var max = input.Criteria.SelectMany(c => c.Items).ToDictionary(i => i.Id, i => i.MaxPoints);
            var result = ScoringEngine.Compute(input);
            foreach (var score in result.Vendors.SelectMany(v => v.Members).SelectMany(m => m.Items))
            {
                Assert.InRange(score.Points, 0m, max[score.ItemId]);
            }
        }, iter: 300);
    }

    [Fact]
    public void Rank_vote_does_not_depend_on_the_order_of_members()
    {
        Committees.SelectMany(input => Gen.Shuffle(input.Members.ToArray()).Select(shuffled => (input, shuffled))).Sample((input, shuffled) =>
        {
            var rankVote = input with { Settings = input.Settings with { Aggregation = Aggregation.RankVote } };

            var original = ScoringEngine.Compute(rankVote);
            var reordered = ScoringEngine.Compute(rankVote with { Members = shuffled, Scores = input.Scores.Reverse().ToList() });

            Assert.Equal(original.Ranking.Select(r => (r.Rank, r.VendorId)), reordered.Ranking.Select(r => (r.Rank, r.VendorId)));
        }, iter: 300);
    }

    [Fact]
    public void Sum_and_average_agree_on_the_ranking_when_every_member_scores_every_item()
    {
        Committees.Sample(input =>
        {
            // Exact arithmetic: an average truncated to whole points can create ties a sum does not have, and that is the rule, not a bug.
            var exact = input.Settings with { Rounding = RoundingSettings.Exact };

            var sum = ScoringEngine.Compute(input with { Settings = exact with { Aggregation = Aggregation.Sum } });
            var average = ScoringEngine.Compute(input with { Settings = exact with { Aggregation = Aggregation.Average } });

            Assert.Equal(sum.Ranking.Select(r => (r.Rank, r.VendorId)), average.Ranking.Select(r => (r.Rank, r.VendorId)));
        }, iter: 300);
    }

    [Fact]
    public void A_sheet_written_from_an_input_reads_back_to_the_same_result()
    {
        Committees.Sample(input =>
        {
            var (read, errors) = Procurement.Features.Evaluation.Sheets.EvaluationSheet.Read(Procurement.Features.Evaluation.Sheets.EvaluationSheet.Write(input, "往復"));

            Assert.Empty(errors);
            var expected = ScoringEngine.Compute(input);
            var actual = ScoringEngine.Compute(read!);
            Assert.Equal(expected.Ranking.Select(r => (r.Rank, r.VendorId, r.Total)), actual.Ranking.Select(r => (r.Rank, r.VendorId, r.Total)));
            Assert.Equal(expected.Vendors.Select(v => v.Technical), actual.Vendors.Select(v => v.Technical));
        }, iter: 100);
    }
}
