using System.Text.Json.Nodes;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Tests.Documents;

/// <summary>
/// The committee charter is set up by 要綱 or by 条例 (an 附属機関, 地方自治法 第138条の4第3項): the header, the title,
/// 第1条（趣旨） and every reference to the instrument follow the chosen basis, and never the other one.
/// </summary>
[Trait("Lane", "Fast")]
public sealed class CommitteeCharterBasisTests
{
    private static string Render(string basis, string form = "協議会")
    {
        var data = DocumentTestSupport.Sample("committee-charter");
        data["clauses"] = new JsonObject { ["committee_basis"] = new JsonObject { ["basis"] = basis } };
        data["group"]!["form"] = form;
        if (data["document"] is JsonObject doc) doc["title"] = "";
        var rendered = DocumentTestSupport.Renderer.RenderJson("committee-charter", data);
        Assert.Empty(rendered.MissingClauses);
        return DocxText.Extract(rendered.Bytes);
    }

    private static string Header(string text) => text.Split('\n').First(l => l.StartsWith("［ヘッダー］", StringComparison.Ordinal));

    [Theory]
    [InlineData("要綱", "条例")]
    [InlineData("条例", "要綱")]
    public void Header_title_purpose_and_references_follow_the_basis(string basis, string other)
    {
        var text = Render(basis);

        Assert.StartsWith($"［ヘッダー］選定委員会設置{basis}", Header(text), StringComparison.Ordinal);
        Assert.Contains($"事業者選定委員会設置{basis}", text.Replace("↵", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"■（趣旨）\n第1条　この{basis}は、", text, StringComparison.Ordinal);
        Assert.Contains($"この{basis}は、", text.Split("附則")[1], StringComparison.Ordinal);
        Assert.DoesNotContain(other, text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ordinance_sets_up_an_attached_body_of_the_enacting_municipality()
    {
        var text = Render("条例");
        Assert.Contains("地方自治法（昭和22年法律第67号）第138条の4第3項の規定に基づき", text, StringComparison.Ordinal);
        // A 協議会 enacts no 条例: the representative municipality's ordinance sets the body up.
        Assert.Contains("高森町の附属機関として", text, StringComparison.Ordinal);
        Assert.Contains("規則で定める", text, StringComparison.Ordinal);

        Assert.Contains("南信州町村自治体クラウド協議会の附属機関として", Render("条例", "一部事務組合"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_guideline_sets_up_no_attached_body()
    {
        var text = Render("要綱");
        Assert.DoesNotContain("附属機関", text, StringComparison.Ordinal);
        Assert.DoesNotContain("第138条の4", text, StringComparison.Ordinal);
    }
}
