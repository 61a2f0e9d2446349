using Microsoft.Extensions.Configuration;
using Procurement.Cli;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Features.Evaluation.Sheets;

using static Procurement.Tests.Evaluation.Scenario;

namespace Procurement.Tests.Evaluation;

/// <summary>The evaluation sheet and the engine say what is really wrong (or left out), once and in the item's own terms.</summary>
[Trait("Lane", "Fast")]
public sealed class EvaluationSheetErrorTests
{
    private static string Example()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "evaluation-sheet.example.json");
            if (File.Exists(path)) return File.ReadAllText(path);
        }
        throw new FileNotFoundException("evaluation-sheet.example.json");
    }

    private static IReadOnlyList<SheetError> ErrorsOf(string json)
    {
        var (input, errors) = EvaluationSheet.Read(json);
        Assert.Null(input);
        return errors;
    }

    [Fact]
    public void A_misspelt_optional_property_is_one_unknown_property_at_its_path_with_the_likely_name()
    {
        var json = Example().Replace("\"memberTotal\"", "\"memberTotl\"", StringComparison.Ordinal);

        var error = Assert.Single(ErrorsOf(json)); // before: 28 lines, mostly 「許可されていない値です」 from the marks' unused "oneOf" branch

        Assert.Equal("$.settings.rounding.memberTotl", error.Path);
        Assert.Equal("定義されていない項目「memberTotl」があります。「memberTotal」の綴りの誤りではありませんか", error.Message);
        Assert.DoesNotContain("false schema", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_required_property_is_reported_once_as_the_typo_not_also_as_missing()
    {
        var json = Example().Replace("\"aggregation\"", "\"aggregaton\"", StringComparison.Ordinal);

        var error = Assert.Single(ErrorsOf(json));

        Assert.Equal("$.settings.aggregaton", error.Path);
        Assert.Equal("定義されていない項目「aggregaton」があります。必須の項目「aggregation」の綴りの誤りではありませんか", error.Message);
    }

    [Fact]
    public void An_unknown_property_in_a_referenced_definition_and_a_missing_one_are_each_named()
    {
        // "decimal" inside a rounding rule ($defs/rounding) and an item without "scale", in one file: two problems, two lines.
        var json = Example()
            .Replace("\"average\": { \"mode\": \"truncate\", \"decimals\": 3 }", "\"average\": { \"mode\": \"truncate\", \"decimal\": 3 }", StringComparison.Ordinal)
            .Replace("\"points\": 20, \"scale\": \"number\"", "\"points\": 20", StringComparison.Ordinal);

        var errors = ErrorsOf(json);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.ToString() == "$.settings.rounding.average.decimal: 定義されていない項目「decimal」があります。「decimals」の綴りの誤りではありませんか");
        Assert.Contains(errors, e => e.ToString() == "$.criteria[3].items[0]: 必須の項目「scale」がありません");
    }

    [Fact]
    public void A_wrong_value_still_gets_its_own_message_once()
    {
        var json = Example().Replace("\"aggregation\": \"average\"", "\"aggregation\": \"median\"", StringComparison.Ordinal);

        var error = Assert.Single(ErrorsOf(json));

        Assert.Equal("$.settings.aggregation", error.Path);
        Assert.StartsWith("許可されていない値です", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grade_floor_speaks_in_grades_and_a_points_floor_in_points()
    {
        var s = new Scenario(1, "A").Category("1", Item("1-1", "業務機能", 10, ScaleKind.FiveLevel));
        s.Marks("A", "1-1", 1); // grade 1 = 10 × 1 ÷ 5 = 2 points
        s.Settings = new(Aggregation.Average, Floor: new FloorRule(2, FloorUnit.Grade));

        // Before: 「評価（2点）が最低基準（2）を下回っています」, which reads as 2 < 2.
        Assert.Equal("委員1の「業務機能」の評価（5段階の1）が最低基準（5段階の2）を下回っています", Assert.Single(s.Compute().Disqualifications).Reason);

        s.Settings = new(Aggregation.Average, Floor: new FloorRule(3));
        Assert.Equal("委員1の「業務機能」の評価（2点）が最低基準（3点）を下回っています", Assert.Single(s.Compute().Disqualifications).Reason);
    }

    [Fact]
    public void Division_ranks_without_a_reserve_price()
    {
        var s = new Scenario(1, "A", "B").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 70).Marks("B", "1-1", 80);
        s.Settings = new(Aggregation.Average, PriceMethod.Division, DivisionMultiplier: 100_000_000,
            Rounding: new RoundingSettings(RoundingRule.Exact, RoundingRule.Exact, RoundingRule.Exact, new RoundingRule(RoundingMode.Truncate, 2)));
        s.Bids["A"] = 90_000_000;
        s.Bids["B"] = 120_000_000;

        var r = s.Compute();

        // Before: no ranking and a blocker 「予定価格が入力されていません」.
        Assert.True(r.IsFinal, string.Join(" / ", r.Blockers));
        Assert.Equal(77.77m, r.Vendor("A").EvaluationValue); // 70 ÷ 90,000,000 × 10^8 = 77.777… → truncated at 2 decimals
        Assert.Equal(66.66m, r.Vendor("B").EvaluationValue); // 80 ÷ 120,000,000 × 10^8 = 66.666… → 66.66
        Assert.Equal(["A", "B"], r.Order());
        Assert.Equal(77.77m, r.Ranking[0].Total);
    }

    [Fact]
    public void Division_with_a_reserve_price_only_invalidates_the_bids_above_it()
    {
        var s = new Scenario(1, "A", "B").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 70).Marks("B", "1-1", 80);
        s.Settings = new(Aggregation.Average, PriceMethod.Division, DivisionMultiplier: 100_000_000);
        s.ReservePrice = 100_000_000;
        s.Bids["A"] = 90_000_000;
        s.Bids["B"] = 120_000_000;

        var r = s.Compute();

        var d = Assert.Single(r.Disqualifications);
        Assert.Equal(("B", DisqualificationKind.BidAboveReservePrice), (d.VendorId, d.Kind));
        Assert.Equal(["A"], r.Order());
        Assert.True(r.IsFinal);
    }

    [Fact]
    public void Additive_method_still_waits_for_the_reserve_price_it_computes_with()
    {
        var s = new Scenario(1, "A").Category("1", Item("1-1", "提案", 100, ScaleKind.Number));
        s.Marks("A", "1-1", 70);
        s.Settings = new(Aggregation.Average, PriceMethod.Additive);
        s.Bids["A"] = 90_000_000;

        var r = s.Compute();

        Assert.Contains("予定価格が入力されていません", r.Blockers);
        Assert.Empty(r.Ranking);
    }

    [Fact]
    public void Marks_from_a_member_with_a_declared_conflict_are_reported_as_ignored()
    {
        var s = new Scenario(2, "A", "B").Category("1", Item("1-1", "a", 10, ScaleKind.FiveLevel), Item("1-2", "b", 10, ScaleKind.FiveLevel));
        s.Marks("A", "1-1", 5, 1).Marks("A", "1-2", 5, 1).Marks("B", "1-1", 3, 3).Marks("B", "1-2", 3, 3);
        s.Exclusions.Add(new("m2", "A"));

        var r = s.Compute();

        Assert.Equal(20m, r.Vendor("A").Technical); // m1 only: 10 × 5 ÷ 5 twice = 20 (m2's 2 + 2 not counted)
        Assert.Equal(2, Assert.Single(r.Exclusions).IgnoredMarks);
        Assert.Equal(["委員2はA社との利害関係を申告しているため、A社に対する評価（2項目）は集計していません"], r.Notices);
    }

    [Fact]
    public async Task The_cli_says_on_stderr_which_marks_it_ignored_and_still_computes()
    {
        // The example's m3 declared a conflict with C; here the sheet also holds two marks of m3 for C.
        var json = Example().Replace("\"B\": { \"0-1\": \"合\", \"1-1\": 5, \"1-2\": 5, \"2-1\": \"○\", \"3-1\": 15 }",
            "\"B\": { \"0-1\": \"合\", \"1-1\": 5, \"1-2\": 5, \"2-1\": \"○\", \"3-1\": 15 }, \"C\": { \"1-1\": 5, \"1-2\": 5 }", StringComparison.Ordinal);
        Assert.Contains("\"C\": { \"1-1\": 5, \"1-2\": 5 }", json, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"sheet-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await CliApp.RunAsync(["evaluate", file], new ConfigurationBuilder().Build(), output, error);

            Assert.Equal(0, code);
            Assert.Contains("注意: 南 信夫は丙テクノロジー株式会社との利害関係を申告しているため、丙テクノロジー株式会社に対する評価（2項目）は集計していません", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("\"notices\"", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
