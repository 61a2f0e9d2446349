using Procurement.Features.Documents.Rendering;

namespace Procurement.Tests.Documents;

/// <summary>The 導入計画書 template without the planning data the case may not hold yet (the golden tests cover the full sample).</summary>
[Trait("Lane", "Fast")]
public sealed class ImplementationPlanTemplateTests
{
    [Fact]
    public void Each_planning_section_says_undecided_when_the_case_holds_no_data_yet_and_the_document_stays_valid()
    {
        var data = DocumentTestSupport.Sample("implementation-plan");
        foreach (var section in new[] { "current_systems", "fit_gap", "cost_share", "schedule", "committee" }) data[section] = null;

        var doc = DocumentTestSupport.Renderer.RenderJson("implementation-plan", data);
        var text = DocxText.Extract(doc.Bytes);

        Assert.Empty(DocumentRenderer.Validate(doc.Bytes));
        Assert.Contains("現行システム概要調査の結果は、〔未確定事項", text, StringComparison.Ordinal);
        Assert.Contains("フィット&ギャップ分析の結果は、〔未確定事項", text, StringComparison.Ordinal);
        Assert.Contains("改正が必要な条例・規則等は、〔未確定事項", text, StringComparison.Ordinal);
        Assert.Contains("費用分担は、〔未確定事項", text, StringComparison.Ordinal);
        Assert.Contains("調達手続及び導入作業の日程は、〔未確定事項", text, StringComparison.Ordinal);
        Assert.Contains("| 選定委員会 | 〔未確定事項", text, StringComparison.Ordinal);
        Assert.DoesNotContain("年度別の負担額", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_year_table_adds_up_to_each_years_total()
    {
        var text = DocxText.Extract(DocumentTestSupport.Renderer.RenderJson("implementation-plan", DocumentTestSupport.Sample("implementation-plan")).Bytes);
        var rows = text.Split('\n').SkipWhile(l => !l.StartsWith("|! 団体名 | 令和9年度", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.StartsWith("| ", StringComparison.Ordinal)).Select(r => r.Split(" | ").Skip(1).Select(Yen).ToArray()).ToList();

        Assert.Equal(6, rows.Count);
        for (var year = 0; year < rows[^1].Length; year++) Assert.Equal(rows[^1][year], rows[..^1].Sum(r => r[year]));
    }

    private static long Yen(string cell) => cell.Trim() == "－" ? 0 : long.Parse(cell.Trim(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
}
