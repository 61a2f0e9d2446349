using System.Text.RegularExpressions;
using Procurement.Features.Evaluation;
using Procurement.Tests.Infrastructure;

using static Procurement.Tests.Evaluation.Pages.EvaluationPageFlow;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>
/// The results page on the demo case (average truncated at 3 decimals, price points at 2): each column in one number
/// format, the category chart in rates, and each member's own ranks beside their totals.
/// </summary>
public sealed partial class ResultsPageFormatTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Points_are_formatted_per_column_the_category_chart_shows_rates_and_member_totals_show_ranks()
    {
        await SubmitAllAndCloseAsync(_app);
        var officer = await _app.SignInAsync("officer1");

        var html = await officer.GetStringAsync($"{Hub}/Results");

        var table = RankingTable().Match(html).Groups[1].Value;
        var rows = Row().Matches(table).Select(m => Cell().Matches(m.Groups[1].Value).Select(c => Regex.Replace(c.Groups[1].Value, "<[^>]+>", "").Trim()).ToList()).ToList();
        Assert.Equal(2, rows.Count); // C is below the pass line
        foreach (var cells in rows)
        {
            // 順位, 事業者, 技術点 (3 decimals), 価格点 (2 decimals), 総合評価 (3 decimals): A 84 + 5 reads 84.000, 5.00, 89.000
            Assert.Matches(@"^\d{1,3}(,\d{3})*\.\d{3}$", cells[2]);
            Assert.Matches(@"^\d{1,3}(,\d{3})*\.\d{2}$", cells[3]);
            Assert.Matches(@"^\d{1,3}(,\d{3})*\.\d{3}$", cells[4]);
        }
        // member1 4 → 16+8+8+8, member2 3 → 12+6+6+6, chair 5 → 20+10+10+10; each + 20 (○) + 24 (12 + 12): 84, 74, 94 → 84
        Assert.Equal(["84.000", "5.00", "89.000"], rows[0][2..5]);

        var chart = CategoryChart().Match(html).Groups[1].Value;
        // 提案内容 (満点 50): A gets 40, 30 and 50, average 40 of 50 = 80.0%; labels are rates, not points.
        Assert.Contains(">80.0%<", chart, StringComparison.Ordinal);
        Assert.DoesNotContain(">40<", chart, StringComparison.Ordinal);

        // The breakdown is one vendor's at a time, when asked: the page itself links each vendor's and shows none.
        Assert.DoesNotContain("member-rank", html, StringComparison.Ordinal);
        Assert.Contains($"?vendor={EvaluationDemo.VendorA}#breakdown", html, StringComparison.Ordinal);
        var a = await officer.GetStringAsync($"{Hub}/Results?vendor={EvaluationDemo.VendorA}");
        var c = await officer.GetStringAsync($"{Hub}/Results?vendor={EvaluationDemo.VendorC}");

        // 委員の合計（順位）: A and B share each member's first place, C is third.
        Assert.Contains("（1位）", a, StringComparison.Ordinal);
        Assert.Contains("（3位）", c, StringComparison.Ordinal);
        Assert.Matches(@"<th class=""num"">84\s*<span class=""muted member-rank"">（1位）</span>\s*</th>", a);
        Assert.Matches(@"<th class=""num"">54\s*<span class=""muted member-rank"">（3位）</span>\s*</th>", c); // member1 for C: 10 + 20 + 24
        Assert.DoesNotContain("（3位）", a, StringComparison.Ordinal);
    }

    [GeneratedRegex("<table class=\"data\" aria-labelledby=\"ranking\" id=\"ranking-table\">.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex RankingTable();

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<figure class=\"chart\" id=\"category-chart\">(.*?)</figure>", RegexOptions.Singleline)]
    private static partial Regex CategoryChart();
}
