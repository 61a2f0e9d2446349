using Procurement.Features.Catalog;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Tests.Documents;

/// <summary>The 調達仕様書 states the scope an officer expects, with every figure from the data: change the data, the text changes.</summary>
[Trait("Lane", "Fast")]
public sealed class SpecificationContentTests
{
    private static string Text(Action<System.Text.Json.Nodes.JsonObject>? change = null)
    {
        var data = DocumentTestSupport.Sample("procurement-spec");
        change?.Invoke(data);
        var doc = DocumentTestSupport.Renderer.RenderJson("procurement-spec", data);
        Assert.Empty(DocumentRenderer.Validate(doc.Bytes));
        return DocxText.Extract(doc.Bytes);
    }

    [Fact]
    public void The_scope_of_section_9_is_in_the_specification()
    {
        var text = Text();
        foreach (var phrase in new[] { "標準準拠システム", "ガバメントクラウド", "ISMAP", "LGWAN-ASP", "サービス提供時間", "RTO", "RPO", "法制度改正対応", "移行リハーサル", "研修", "監査", "業務継続計画（BCP）", "最終の全件データ", "暗号化消去", "データ消去証明書" })
        {
            Assert.Contains(phrase, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Figures_come_from_the_data_not_the_template()
    {
        var changed = Text(d =>
        {
            var s = d["specification"]!.AsObject();
            s["terminals"] = 345;
            s["response_seconds"] = 2;
            s["rto_hours"] = 6;
            s["backup_retention_years"] = 7;
            s["department"] = "松川町企画課";
            s["migration_rehearsals"] = 4;
            d["clauses"] = new System.Text.Json.Nodes.JsonObject
            {
                ["next_vendor_cooperation"] = new System.Text.Json.Nodes.JsonObject { ["cooperation_months"] = 9 },
                ["data_erasure"] = new System.Text.Json.Nodes.JsonObject { ["erasure_days"] = 14 },
            };
        });
        foreach (var phrase in new[] { "合計345台", "2秒以内", "RTO）は6時間以内", "7年間保存", "担当部署は、松川町企画課", "4回以上", "協力の期間（契約終了後9か月）が満了した日から14日以内", "契約終了後9か月間" })
        {
            Assert.Contains(phrase, changed, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("合計180台", changed, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_target_business_names_its_data_standard_and_character_set_and_only_standardised_ones_go_to_the_government_cloud()
    {
        var jukiki = TargetBusiness.From("jukiki");
        var zaimu = TargetBusiness.From("zaimu");
        var text = Text(d =>
        {
            var list = new System.Text.Json.Nodes.JsonArray(
                System.Text.Json.JsonSerializer.SerializeToNode(jukiki, DocumentModel.Json),
                System.Text.Json.JsonSerializer.SerializeToNode(zaimu, DocumentModel.Json));
            d["procurement"]!["target_businesses"] = list;
        });

        Assert.Contains("| 住民基本台帳 | 地方公共団体情報システムデータ要件・連携要件標準仕様書 | 行政事務標準文字", text, StringComparison.Ordinal);
        Assert.Contains("| 財務会計 | 中間標準レイアウト仕様 | 文字情報基盤文字（MJ文字）", text, StringComparison.Ordinal);
        Assert.Contains("住民基本台帳の業務（地方公共団体情報システムの標準化に関する法律", text, StringComparison.Ordinal);
        Assert.Contains("財務会計の業務は、政府情報システムのためのセキュリティ評価制度（ISMAP）", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalogue_is_data_with_its_sources_and_the_two_lists_have_their_lengths()
    {
        Assert.Equal(20, BusinessCatalog.All.Count(b => b.Standardised));
        Assert.Equal(23, BusinessCatalog.All.Count(b => b.InIntermediateLayout));
        Assert.Contains("令和3年法律第40号", BusinessCatalog.Source.Sources.Standardised, StringComparison.Ordinal);
        Assert.Contains("V2.7", BusinessCatalog.Source.Sources.IntermediateLayout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(DocumentTestSupport.RepoRoot, "src", "Procurement.Web", "Features", "Catalog", "business-catalog.json")));
    }
}
