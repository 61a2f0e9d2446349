using Procurement.Features.Evaluation.Scoring;

using static Procurement.Tests.Evaluation.Scenario;

namespace Procurement.Tests.Evaluation;

/// <summary>Every expected value below is worked out by hand in the comment next to it.</summary>
[Trait("Lane", "Fast")]
public sealed class ScoringEngineTests
{
    private static readonly RoundingRule Truncate0 = new(RoundingMode.Truncate, 0);
    private static readonly RoundingRule Truncate2 = new(RoundingMode.Truncate, 2);
    private static readonly RoundingRule Truncate3 = new(RoundingMode.Truncate, 3);
    private static readonly RoundingRule HalfUp0 = new(RoundingMode.HalfUp, 0);

    private static RoundingSettings Only(RoundingRule? item = null, RoundingRule? member = null, RoundingRule? average = null, RoundingRule? price = null) =>
        new(item ?? RoundingRule.Exact, member ?? RoundingRule.Exact, average ?? RoundingRule.Exact, price ?? RoundingRule.Exact);

    [Fact]
    public void Five_level_item_score_is_max_points_times_grade_over_five()
    {
        var s = new Scenario(1, "A").Category("1", Item("1-1", "業務適合性", 10, ScaleKind.FiveLevel), Item("1-2", "操作性", 7, ScaleKind.FiveLevel));
        s.Marks("A", "1-1", 3).Marks("A", "1-2", 3);

        var a = s.Compute().Vendor("A");

        Assert.Equal(6m, a.Members[0].Items[0].Points);   // 10 × 3 ÷ 5 = 6
        Assert.Equal(4.2m, a.Members[0].Items[1].Points); // 7 × 3 ÷ 5 = 4.2
        Assert.Equal(10.2m, a.Technical);                 // 6 + 4.2
    }

    [Fact]
    public void Item_rounding_truncates_or_rounds_each_item_before_the_member_total()
    {
        var s = new Scenario(1, "A").Category("1", Item("1-1", "a", 7, ScaleKind.FiveLevel), Item("1-2", "b", 7, ScaleKind.FiveLevel));
        s.Marks("A", "1-1", 3).Marks("A", "1-2", 4);

        s.Settings = new(Rounding: Only(item: Truncate0));
        // 7×3÷5 = 4.2 → 4; 7×4÷5 = 5.6 → 5; total 9 (exact would be 9.8)
        Assert.Equal(9m, s.Compute().Vendor("A").Technical);

        s.Settings = new(Rounding: Only(item: HalfUp0));
        // 4.2 → 4; 5.6 → 6; total 10
        Assert.Equal(10m, s.Compute().Vendor("A").Technical);
    }

    [Fact]
    public void Member_total_rounding_applies_to_the_sum_of_unrounded_items()
    {
        var s = new Scenario(2, "A").Category("1", Item("1-1", "a", 7, ScaleKind.FiveLevel), Item("1-2", "b", 7, ScaleKind.FiveLevel));
        s.Marks("A", "1-1", 3, 3).Marks("A", "1-2", 4, 3);
        s.Settings = new(Aggregation.Sum, Rounding: Only(member: Truncate0));

        var a = s.Compute().Vendor("A");

        Assert.Equal(9m, a.Members[0].Total);  // 4.2 + 5.6 = 9.8 → 9
        Assert.Equal(8m, a.Members[1].Total);  // 4.2 + 4.2 = 8.4 → 8
        Assert.Equal(17m, a.Technical);        // sum 9 + 8
    }

    [Fact]
    public void Average_is_truncated_at_the_third_decimal()
    {
        var s = new Scenario(3, "A").Category("1", Item("1-1", "a", 20, ScaleKind.Number));
        s.Marks("A", "1-1", 10, 10, 11);
        s.Settings = new(Aggregation.Average, Rounding: Only(average: Truncate3));

        // (10 + 10 + 11) ÷ 3 = 10.3333… → 10.333
        Assert.Equal(10.333m, s.Compute().Vendor("A").Technical);

        s.Settings = new(Aggregation.Average, Rounding: Only(average: new RoundingRule(RoundingMode.Up, 1)));
        // 10.3333… rounded up at 1 decimal → 10.4
        Assert.Equal(10.4m, s.Compute().Vendor("A").Technical);
    }

    [Fact]
    public void Additive_method_price_points_are_allocation_times_one_minus_bid_over_reserve()
    {
        // Technical full marks 100 (average), ratio 技術:価格 = 2:1 → 価格点配分 = 100 × 1 ÷ 2 = 50.
        var s = new Scenario(1, "A", "B").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 70).Marks("B", "1-1", 72);
        s.Settings = new(Aggregation.Average, PriceMethod.Additive, TechnicalWeight: 2, PriceWeight: 1);
        s.ReservePrice = 100_000_000;
        s.Bids["A"] = 80_000_000;
        s.Bids["B"] = 90_000_000;

        var r = s.Compute();

        Assert.Equal(50m, r.PriceAllocation);
        Assert.Equal(10m, r.Vendor("A").PricePoints); // 50 × (1 − 80,000,000 ÷ 100,000,000) = 50 × 0.2 = 10
        Assert.Equal(5m, r.Vendor("B").PricePoints);  // 50 × (1 − 0.9) = 5
        Assert.Equal(80m, r.Vendor("A").Total);       // 70 + 10
        Assert.Equal(77m, r.Vendor("B").Total);       // 72 + 5
        Assert.Equal(["A", "B"], r.Order());
        Assert.True(r.IsFinal);
    }

    [Fact]
    public void Price_points_rounding_is_applied_to_the_price_stage()
    {
        var s = new Scenario(1, "A").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 60);
        s.Settings = new(Aggregation.Average, PriceMethod.Additive, TechnicalWeight: 2, PriceWeight: 1, Rounding: Only(price: Truncate2));
        s.ReservePrice = 100_000_000;
        s.Bids["A"] = 83_333_333;

        // 50 × (1 − 0.83333333) = 50 × 0.16666667 = 8.3333335 → 8.33
        Assert.Equal(8.33m, s.Compute().Vendor("A").PricePoints);

        s.Settings = s.Settings with { Rounding = Only(price: HalfUp0) };
        Assert.Equal(8m, s.Compute().Vendor("A").PricePoints); // 8.33… → 8
    }

    [Fact]
    public void Lowest_price_ratio_gives_full_allocation_to_the_lowest_valid_bid()
    {
        var s = new Scenario(1, "A", "B", "C").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 60).Marks("B", "1-1", 70).Marks("C", "1-1", 90);
        s.Settings = new(Aggregation.Average, PriceMethod.LowestPriceRatio, PriceAllocation: 50);
        s.ReservePrice = 100_000_000;
        s.Bids["A"] = 80_000_000;
        s.Bids["B"] = 100_000_000;
        s.Bids["C"] = 70_000_000;

        var r = s.Compute();

        Assert.Equal(70_000_000m, r.LowestValidBid);
        Assert.Equal(43.75m, r.Vendor("A").PricePoints); // 50 × 70,000,000 ÷ 80,000,000 = 43.75
        Assert.Equal(35m, r.Vendor("B").PricePoints);    // 50 × 70,000,000 ÷ 100,000,000 = 35
        Assert.Equal(50m, r.Vendor("C").PricePoints);    // 50 × 1
        // totals: C 90 + 50 = 140; B 70 + 35 = 105; A 60 + 43.75 = 103.75
        Assert.Equal(["C", "B", "A"], r.Order());
    }

    [Fact]
    public void Division_method_ranks_by_technical_points_per_yen()
    {
        var s = new Scenario(1, "A", "B").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 70).Marks("B", "1-1", 80);
        s.Settings = new(Aggregation.Average, PriceMethod.Division, DivisionMultiplier: 100_000_000);
        s.ReservePrice = 100_000_000;
        s.Bids["A"] = 80_000_000;
        s.Bids["B"] = 100_000_000;

        var r = s.Compute();

        Assert.Equal(87.5m, r.Vendor("A").EvaluationValue); // 70 ÷ 80,000,000 × 10^8 = 87.5
        Assert.Equal(80m, r.Vendor("B").EvaluationValue);   // 80 ÷ 100,000,000 × 10^8 = 80
        Assert.Equal(["A", "B"], r.Order());
        Assert.Null(r.PriceAllocation);
    }

    [Fact]
    public void A_bid_above_the_reserve_price_is_invalid_and_ignored_for_the_lowest_price()
    {
        var s = new Scenario(1, "A", "B").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 70).Marks("B", "1-1", 90);
        s.Settings = new(Aggregation.Average, PriceMethod.LowestPriceRatio, PriceAllocation: 50);
        s.ReservePrice = 100_000_000;
        s.Bids["A"] = 90_000_000;
        s.Bids["B"] = 100_000_001;

        var r = s.Compute();

        var d = Assert.Single(r.Disqualifications);
        Assert.Equal(("B", DisqualificationKind.BidAboveReservePrice), (d.VendorId, d.Kind));
        Assert.Contains("100,000,001円", d.Reason, StringComparison.Ordinal);
        Assert.Equal(90_000_000m, r.LowestValidBid);
        Assert.Equal(50m, r.Vendor("A").PricePoints); // A is now the lowest valid bid: 50 × 1
        Assert.Equal(["A"], r.Order());
    }

    [Fact]
    public void A_zero_bid_is_invalid()
    {
        var s = new Scenario(1, "A").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 70);
        s.Settings = new(Aggregation.Average, PriceMethod.Additive);
        s.ReservePrice = 100;
        s.Bids["A"] = 0;

        Assert.Equal(DisqualificationKind.InvalidBid, Assert.Single(s.Compute().Disqualifications).Kind);
    }

    [Fact]
    public void Missing_prices_block_the_final_result()
    {
        var s = new Scenario(1, "A").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 70);
        s.Settings = new(Aggregation.Average, PriceMethod.Additive);

        var r = s.Compute();

        Assert.False(r.IsFinal);
        Assert.Contains("予定価格が入力されていません", r.Blockers);
        Assert.Contains("A社の入札価格が入力されていません", r.Blockers);
        Assert.Empty(r.Ranking);
    }

    [Fact]
    public void Sum_adds_member_totals_and_scales_a_vendor_with_an_excluded_member()
    {
        var s = new Scenario(3, "A", "B").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 60, 70, 80).Marks("B", "1-1", 70, 80);
        s.Exclusions.Add(new("m3", "B"));
        s.Settings = new(Aggregation.Sum);

        var r = s.Compute();

        Assert.Equal(300m, r.TechnicalFullMarks);   // 100 × 3 members
        Assert.Equal(210m, r.Vendor("A").Technical); // 60 + 70 + 80
        Assert.Equal(225m, r.Vendor("B").Technical); // (70 + 80) × 3 ÷ 2 = 225
        Assert.Equal(2, r.Vendor("B").CountingMembers);
        Assert.True(r.Vendor("B").Members[2].Excluded);
        Assert.Equal(("m3", "B"), (r.Exclusions[0].MemberId, r.Exclusions[0].VendorId));
        Assert.Equal(["B", "A"], r.Order());
    }

    [Fact]
    public void Average_is_over_the_members_who_are_not_excluded()
    {
        var s = new Scenario(3, "A", "B").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 60, 70, 80).Marks("B", "1-1", 70, 80, 0);
        s.Exclusions.Add(new("m3", "B"));
        s.Settings = new(Aggregation.Average);

        var r = s.Compute();

        Assert.Equal(70m, r.Vendor("A").Technical); // (60 + 70 + 80) ÷ 3
        Assert.Equal(75m, r.Vendor("B").Technical); // (70 + 80) ÷ 2 — m3's 0 does not count
        Assert.Equal(["B", "A"], r.Order());
    }

    [Fact]
    public void Rank_vote_winner_is_ranked_first_by_most_members_even_with_a_lower_average()
    {
        // own totals    A   B   C
        //   m1         80  79  50   → A 1st, B 2nd, C 3rd
        //   m2         80  79  50   → A 1st, B 2nd, C 3rd
        //   m3         10  90  50   → B 1st, C 2nd, A 3rd
        // 1st places: A 2, B 1, C 0 → A wins although B's average (82.67) beats A's (56.67).
        var s = new Scenario(3, "A", "B", "C").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 80, 80, 10).Marks("B", "1-1", 79, 79, 90).Marks("C", "1-1", 50, 50, 50);
        s.Settings = new(Aggregation.RankVote);

        var r = s.Compute();

        Assert.Equal(["A", "B", "C"], r.Order());
        Assert.Equal([2, 0, 1], r.Ranking[0].PlacementCounts);
        Assert.Equal(3, r.Vendor("A").Members[2].OwnRank);
    }

    [Fact]
    public void Rank_vote_ties_on_first_places_compare_second_places()
    {
        // own totals    A   B   C
        //   m1         90  80  10   → A1 B2 C3
        //   m2         80  90  10   → B1 A2 C3
        //   m3         70  10  90   → C1 A2 B3
        // 1st: A 1, B 1, C 1 → 2nd: A 2, B 1, C 0 → A, B, C
        var s = new Scenario(3, "A", "B", "C").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 90, 80, 70).Marks("B", "1-1", 80, 90, 10).Marks("C", "1-1", 10, 10, 90);
        s.Settings = new(Aggregation.RankVote);

        var r = s.Compute();

        Assert.Equal(["A", "B", "C"], r.Order());
        Assert.Equal([1, 2, 3], r.Ranking.Select(x => x.Rank));
        Assert.Empty(r.Ties);
    }

    [Fact]
    public void Pass_line_disqualifies_below_six_tenths_of_technical_full_marks()
    {
        var s = new Scenario(1, "A", "B").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 59.9m).Marks("B", "1-1", 60);
        s.Settings = new(Aggregation.Average, PassLineRatio: 0.6m);

        var r = s.Compute();

        // line = 100 × 0.6 = 60; A 59.9 < 60 fails, B 60 passes (not "below").
        var d = Assert.Single(r.Disqualifications);
        Assert.Equal(("A", DisqualificationKind.BelowPassLine), (d.VendorId, d.Kind));
        Assert.Equal("技術点（59.9点）が基準点（60点：満点の60%）に達していません", d.Reason);
        Assert.Equal(["B"], r.Order());
    }

    [Fact]
    public void Floor_rule_disqualifies_when_any_member_scores_any_item_below_the_floor()
    {
        var s = new Scenario(2, "A", "B").Category("1", Item("1-1", "a", 5, ScaleKind.FiveLevel), Item("1-2", "b", 5, ScaleKind.FiveLevel));
        s.Marks("A", "1-1", 5, 5).Marks("A", "1-2", 5, 1); // m2 gives 5 × 1 ÷ 5 = 1 point < 2
        s.Marks("B", "1-1", 2, 2).Marks("B", "1-2", 2, 2); // 5 × 2 ÷ 5 = 2 points: not below 2
        s.Settings = new(Aggregation.Average, Floor: new FloorRule(2));

        var r = s.Compute();

        var d = Assert.Single(r.Disqualifications);
        Assert.Equal(("A", DisqualificationKind.BelowFloor), (d.VendorId, d.Kind));
        Assert.Equal("委員2の「b」の評価（1点）が最低基準（2点）を下回っています", d.Reason);
        Assert.Equal(["B"], r.Order());
    }

    [Fact]
    public void Floor_rule_in_grades_checks_the_five_level_grade()
    {
        var s = new Scenario(1, "A").Category("1", Item("1-1", "a", 20, ScaleKind.FiveLevel));
        s.Marks("A", "1-1", 1); // 4 points, but grade 1 < 2
        s.Settings = new(Aggregation.Average, Floor: new FloorRule(2, FloorUnit.Grade));

        Assert.Equal(DisqualificationKind.BelowFloor, Assert.Single(s.Compute().Disqualifications).Kind);
    }

    [Fact]
    public void Failing_a_required_item_disqualifies_unless_the_chair_s_consensus_passes_it()
    {
        var s = new Scenario(2, "A", "B")
            .Category("0", Item("0-1", "LGWAN接続", 0, ScaleKind.PassFail, Required: true))
            .Category("1", Item("1-1", "提案", 10, ScaleKind.FiveLevel));
        s.Marks("A", "0-1", Marks.Pass, Marks.Fail).Marks("A", "1-1", 5, 5);
        s.Marks("B", "0-1", Marks.Pass, Marks.Pass).Marks("B", "1-1", 1, 1);

        var r = s.Compute();

        var d = Assert.Single(r.Disqualifications);
        Assert.Equal(("A", DisqualificationKind.RequiredItemFailed), (d.VendorId, d.Kind));
        Assert.Equal("必須項目「LGWAN接続」を満たしていません（委員2の評価）", d.Reason);
        Assert.Equal(["B"], r.Order());

        s.Consensus.Add(new("A", "0-1", Marks.Pass, "仕様書3.2の代替手段で要件を満たすと合議で確認", "委員長"));
        r = s.Compute();
        Assert.Empty(r.Disqualifications);
        Assert.Equal(["A", "B"], r.Order()); // 10 vs 10 × 1 ÷ 5 = 2
    }

    [Fact]
    public void A_required_fit_item_answered_cross_disqualifies()
    {
        var s = new Scenario(1, "A").Category("F", Item("F-1", "住基連携", 10, ScaleKind.FitGap, Required: true));
        s.Marks("A", "F-1", Marks.NotFit);

        Assert.Equal(DisqualificationKind.RequiredItemFailed, Assert.Single(s.Compute().Disqualifications).Kind);
    }

    [Fact]
    public void Undecided_partial_fit_blocks_the_final_result_until_the_committee_decides()
    {
        var s = new Scenario(2, "A").Category("F", Item("F-1", "帳票出力", 4, ScaleKind.FitGap), Item("F-2", "検索", 4, ScaleKind.FitGap));
        s.Marks("A", "F-1", Marks.Partial, Marks.Fit).Marks("A", "F-2", Marks.Fit, Marks.NotFit);

        var r = s.Compute();
        Assert.False(r.IsFinal);
        Assert.Equal(["A社の「帳票出力」の△について委員会の判断が未決定です"], r.Blockers);
        // provisional until decided: △ counts as × → m1 0 + 4, m2 4 + 0, average 4
        Assert.Equal(4m, r.Vendor("A").Technical);

        s.Decisions.Add(new("A", "F-1", TreatAsFit: true, "代替機能で要件を満たす", "委員長"));
        r = s.Compute();
        Assert.True(r.IsFinal);
        // m1: F-1 △→○ 4 + F-2 ○ 4 = 8; m2: F-1 ○ 4 + F-2 × 0 = 4; average (8 + 4) ÷ 2 = 6
        Assert.Equal(6m, r.Vendor("A").Technical);
        Assert.Equal("○として扱う：代替機能で要件を満たす", r.Vendor("A").Criteria[0].PartialFitDecision);

        s.Decisions[0] = s.Decisions[0] with { TreatAsFit = false };
        // m1: 0 + 4 = 4; m2: 4 + 0 = 4; average 4
        Assert.Equal(4m, s.Compute().Vendor("A").Technical);
    }

    [Fact]
    public void Consensus_replaces_every_member_s_mark_for_the_item_and_keeps_the_individual_marks_visible()
    {
        var s = new Scenario(3, "A").Category("1", Item("1-1", "a", 10, ScaleKind.FiveLevel), Item("1-2", "b", 10, ScaleKind.FiveLevel));
        s.Marks("A", "1-1", 5, 1, 3).Marks("A", "1-2", 4, 4, 4);
        s.Consensus.Add(new("A", "1-1", 3, "委員間で評価が大きく分かれたため合議", "委員長"));

        var a = s.Compute().Vendor("A");

        // each member: 1-1 consensus 3 → 6, 1-2 grade 4 → 8, total 14; average 14
        Assert.Equal(14m, a.Technical);
        Assert.Equal([5m, 1m, 3m], a.Members.Select(m => m.Items[0].Mark!.Value));
        Assert.All(a.Members, m => Assert.True(m.Items[0].ConsensusApplied));
        Assert.Equal(3m, a.Criteria[0].ConsensusMark);
        Assert.Equal("委員間で評価が大きく分かれたため合議", a.Criteria[0].ConsensusReason);
    }

    [Fact]
    public void Equal_totals_are_broken_by_the_higher_technical_score()
    {
        var s = new Scenario(1, "A", "B").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 70).Marks("B", "1-1", 75);
        s.Settings = new(Aggregation.Average, PriceMethod.Additive, TechnicalWeight: 2, PriceWeight: 1);
        s.ReservePrice = 100_000_000;
        s.Bids["A"] = 80_000_000; // 70 + 50 × 0.2 = 80
        s.Bids["B"] = 90_000_000; // 75 + 50 × 0.1 = 80

        var r = s.Compute();

        Assert.Equal(["B", "A"], r.Order());
        Assert.Equal([1, 2], r.Ranking.Select(x => x.Rank));
        var tie = Assert.Single(r.Ties);
        Assert.Equal(TieResolution.TechnicalScore, tie.Resolution);
        Assert.Equal(80m, tie.Score);
        Assert.True(r.IsFinal);
    }

    [Fact]
    public void A_full_tie_waits_for_a_lot_and_then_follows_the_lot_with_who_drew_it()
    {
        var s = new Scenario(2, "A", "B", "C").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 80, 60).Marks("B", "1-1", 60, 80).Marks("C", "1-1", 50, 50);

        var r = s.Compute();
        // A and B both average 70 with equal technical score: nothing but a lot can separate them.
        Assert.False(r.IsFinal);
        Assert.Equal("第1位が同点です。A社・B社のくじの結果を記録してください", Assert.Single(r.Blockers));
        Assert.Equal([1, 1, 3], r.Ranking.Select(x => x.Rank));
        Assert.Equal(TieResolution.Unresolved, Assert.Single(r.Ties).Resolution);

        s.Lots.Add(new(["B", "A"], "高森 花子", new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(9))));
        r = s.Compute();
        Assert.True(r.IsFinal);
        Assert.Equal(["B", "A", "C"], r.Order());
        Assert.Equal([1, 2, 3], r.Ranking.Select(x => x.Rank));
        var tie = Assert.Single(r.Ties);
        Assert.Equal(TieResolution.Lot, tie.Resolution);
        Assert.Equal("高森 花子", tie.Lot!.DrawnBy);
        Assert.Contains("くじを引いた者: 高森 花子", tie.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tie_below_first_place_is_reported_but_does_not_block()
    {
        var s = new Scenario(1, "A", "B", "C").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 90).Marks("B", "1-1", 60).Marks("C", "1-1", 60);

        var r = s.Compute();

        Assert.True(r.IsFinal);
        Assert.Equal([1, 2, 2], r.Ranking.Select(x => x.Rank));
        Assert.Equal(TieResolution.Unresolved, Assert.Single(r.Ties).Resolution);
    }

    [Fact]
    public void Missing_scores_block_and_say_whose()
    {
        var s = new Scenario(2, "A").Category("1", Item("1-1", "a", 10, ScaleKind.FiveLevel), Item("1-2", "b", 10, ScaleKind.FiveLevel));
        s.Marks("A", "1-1", 3, 3).Marks("A", "1-2", 3);

        var r = s.Compute();

        Assert.Equal(["委員2のA社の採点が1項目未入力です"], r.Blockers);
    }

    [Fact]
    public void Per_criterion_and_category_breakdown_averages_counting_members()
    {
        var s = new Scenario(2, "A")
            .Category("1", Item("1-1", "a", 10, ScaleKind.FiveLevel), Item("1-2", "b", 10, ScaleKind.FiveLevel))
            .Category("2", Item("2-1", "c", 20, ScaleKind.Number));
        s.Marks("A", "1-1", 5, 3).Marks("A", "1-2", 4, 2).Marks("A", "2-1", 15, 12);

        var a = s.Compute().Vendor("A");

        Assert.Equal(8m, a.Criteria[0].Average);   // (10 + 6) ÷ 2
        Assert.Equal(6m, a.Criteria[1].Average);   // (8 + 4) ÷ 2
        Assert.Equal(13.5m, a.Criteria[2].Average); // (15 + 12) ÷ 2
        Assert.Equal(14m, a.Categories[0].Average); // 8 + 6
        Assert.Equal(20m, a.Categories[0].MaxPoints);
        Assert.Equal(27.5m, a.Technical);           // m1 10+8+15 = 33, m2 6+4+12 = 22 → 27.5
    }

    [Fact]
    public void Rank_vote_compares_shares_of_counting_members_so_an_exclusion_does_not_cost_a_vendor_votes()
    {
        // m3 and m4 declared a conflict with A, so only m1 and m2 rank A.
        // own totals    A   B
        //   m1         80  70   → A1 B2
        //   m2         80  70   → A1 B2
        //   m3          –  50   → B1
        //   m4          –  50   → B1
        // 1st places: A 2 of 2 counting members (100%), B 2 of 4 (50%) → A, although the raw counts tie 2:2.
        var s = new Scenario(4, "A", "B").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 80, 80).Marks("B", "1-1", 70, 70, 50, 50);
        s.Exclusions.Add(new("m3", "A"));
        s.Exclusions.Add(new("m4", "A"));
        s.Settings = new(Aggregation.RankVote);

        var r = s.Compute();

        Assert.Equal(["A", "B"], r.Order());
        Assert.Equal([2, 0], r.Ranking[0].PlacementCounts);
        Assert.Equal([2, 2], r.Ranking[1].PlacementCounts);
        Assert.Null(r.Vendor("A").Members[2].OwnRank);
    }

    [Fact]
    public void Sum_price_allocation_follows_the_ratio_of_the_summed_full_marks()
    {
        // 2 members, full marks 100 each → 技術点満点 200; ratio 1:1 → 配分 200.
        var s = new Scenario(2, "A").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 60, 70);
        s.Settings = new(Aggregation.Sum, PriceMethod.Additive);
        s.ReservePrice = 50_000_000;
        s.Bids["A"] = 40_000_000;

        var r = s.Compute();

        Assert.Equal(200m, r.PriceAllocation);
        Assert.Equal(40m, r.Vendor("A").PricePoints); // 200 × (1 − 40,000,000 ÷ 50,000,000) = 200 × 0.2
        Assert.Equal(170m, r.Vendor("A").Total);      // 60 + 70 + 40
    }
}
