using System.Text.Json.Nodes;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Tests.Documents;

/// <summary>
/// The 審査結果報告書 and the 選定結果通知書 when a final result selects nobody: every ranked vendor declined, or no
/// vendor could be ranked (all disqualified). Each says which, and neither claims a decision is still pending.
/// </summary>
[Trait("Lane", "Fast")]
public sealed class SelectionOutcomeTemplateTests
{
    private static string Render(string templateId, bool declined)
    {
        var data = DocumentTestSupport.Sample(templateId);
        var evaluation = data["evaluation"]!.AsObject();
        evaluation["award"] = null;
        evaluation["decided_on"] = null;
        evaluation["final"] = true;
        if (declined)
        {
            evaluation["declines"] = new JsonArray(((JsonArray)evaluation["results"]!).Select(r =>
                (JsonNode)new JsonObject { ["vendor"] = r!["vendor"]!.GetValue<string>(), ["reason"] = "辞退届の提出", ["on"] = "2027-06-20" }).ToArray());
        }
        else
        {
            evaluation["results"] = new JsonArray();
        }
        var doc = DocumentTestSupport.Renderer.RenderJson(templateId, data);
        Assert.Empty(DocumentRenderer.Validate(doc.Bytes));
        return DocxText.Extract(doc.Bytes);
    }

    [Fact]
    public void When_every_ranked_vendor_declined_the_report_lists_the_declines_and_the_notice_says_nobody_is_selected()
    {
        var report = Render("evaluation-report", declined: true);
        Assert.Contains("順位を付けたすべての提案者が辞退したため、選定した事業者はない。", report, StringComparison.Ordinal);
        Assert.Contains("| 信州情報システム株式会社 | 辞退届の提出 | 令和9年（2027年）6月20日", report, StringComparison.Ordinal);
        Assert.Contains("順位を付けたすべての提案者が辞退したため、優先交渉権者はいない。", Render("result-notice", declined: true), StringComparison.Ordinal);
    }

    [Fact]
    public void When_nobody_could_be_ranked_both_say_so_rather_than_blaming_declines()
    {
        var report = Render("evaluation-report", declined: false);
        Assert.Contains("順位を付けることのできる提案者がいない（全者失格）ため、選定した事業者はない。", report, StringComparison.Ordinal);
        Assert.DoesNotContain("辞退", report, StringComparison.Ordinal);
        var notice = Render("result-notice", declined: false);
        Assert.Contains("順位を付けることのできる提案者がいない（全者失格）ため、優先交渉権者はいない。", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("御中", notice, StringComparison.Ordinal);
    }
}
