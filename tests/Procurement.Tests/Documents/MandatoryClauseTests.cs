using System.Text.Json;
using System.Text.Json.Nodes;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Tests.Documents;

[Trait("Lane", "Fast")]
public sealed class MandatoryClauseTests
{
    private static ClauseLibrary Clauses => DocumentTestSupport.Catalog.Clauses;

    [Fact]
    public void The_rules_require_the_issue_clauses_in_the_specification_and_the_contract()
    {
        foreach (var kind in new[] { "procurement-spec", "contract" })
        {
            var required = Clauses.RequiredFor(kind);
            foreach (var id in new[] { "data_provision", "data_erasure", "next_vendor_cooperation", "sla_annex", "three_layer_security", "personal_information", "subcontracting_approval" })
            {
                Assert.Contains(id, required);
            }
        }
    }

    [Fact]
    public void A_template_without_a_mandatory_clause_is_refused_with_the_missing_clauses_listed_in_japanese()
    {
        var catalog = DocumentTestSupport.CatalogWith(("bad-spec", "procurement-spec", """
            .title 不完全な仕様書
            {{ article = false; confidant = "受注者"; confidential_scope = "本業務" }}
            # 概要
            {{ include '_shared/clauses/three_layer_security' }}
            """));
        var doc = new DocumentRenderer(catalog).RenderJson("bad-spec", DocumentTestSupport.Sample("procurement-spec"));

        Assert.False(doc.IsComplete);
        var message = ClauseLibrary.RefusalMessage(doc.MissingClauses);
        Assert.StartsWith("次の必須条項が含まれていないため、文書を生成できません。", message, StringComparison.Ordinal);
        Assert.Contains("契約終了時の全データの標準レイアウトによる提供", message, StringComparison.Ordinal);
        Assert.Contains("引継ぎ後のデータの復元不可能な消去", message, StringComparison.Ordinal);
        Assert.Contains("再委託は事前の書面承認を要すること", message, StringComparison.Ordinal);
        Assert.DoesNotContain("三層の対策", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_excluded_mandatory_clause_in_officer_settings_is_caught_on_the_rendered_output()
    {
        var data = DocumentTestSupport.Sample("contract");
        data["clauses"] = new JsonObject { ["data_erasure"] = new JsonObject { ["included"] = false } };

        var doc = DocumentTestSupport.Renderer.RenderJson("contract", data);

        Assert.Equal(["data_erasure"], doc.MissingClauses.Select(p => p.ClauseId));
    }

    [Fact]
    public void The_data_provision_clause_must_name_the_standard_of_every_target_business()
    {
        var catalog = DocumentTestSupport.CatalogWith(("generic-clause", "rfq", """
            .clause data_provision
            契約終了時には全データを標準的な形式で提供すること。
            .endclause
            """));
        var doc = new DocumentRenderer(catalog).RenderJson("generic-clause", DocumentTestSupport.Sample("rfq"));

        Assert.Equal(3, doc.MissingClauses.Count(p => p.ClauseId == "data_provision"));
        Assert.Contains(doc.MissingClauses, p => p.Message.Contains("収滞納管理について「中間標準レイアウト仕様」", StringComparison.Ordinal));
        Assert.Contains(doc.MissingClauses, p => p.Message.Contains("住民基本台帳について「地方公共団体情報システムデータ要件・連携要件標準仕様書」", StringComparison.Ordinal));
    }

    [Fact]
    public void The_rendered_clause_names_the_standard_that_applies_to_each_business()
    {
        var text = DocxText.Extract(DocumentTestSupport.Renderer.RenderJson("procurement-spec", DocumentTestSupport.Sample("procurement-spec")).Bytes);
        Assert.Contains("住民基本台帳　地方公共団体情報システムデータ要件・連携要件標準仕様書（デジタル庁）に定めるデータ要件・連携要件", text, StringComparison.Ordinal);
        Assert.Contains("収滞納管理　中間標準レイアウト仕様（総務省、V2.7）", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Officers_cannot_remove_a_mandatory_clause()
    {
        var result = Clauses.Edit("contract", new Dictionary<string, ClauseSetting>(), new ExcludeClause("data_provision"));

        Assert.False(result.Succeeded);
        Assert.Contains("必須条項のため削除できません", result.Errors.Single(), StringComparison.Ordinal);
        Assert.Empty(result.Settings);
    }

    [Fact]
    public void Officers_may_exclude_a_clause_that_is_optional_for_the_document()
    {
        var result = Clauses.Edit("rfq", new Dictionary<string, ClauseSetting>(), new ExcludeClause("three_layer_security"));
        Assert.True(result.Succeeded);
        Assert.False(result.Settings["three_layer_security"].Included);
    }

    [Fact]
    public void Officers_edit_only_allowed_parameters_within_their_range()
    {
        var empty = new Dictionary<string, ClauseSetting>();
        var unknown = Clauses.Edit("contract", empty, new SetClauseParameter("data_provision", "text", JsonSerializer.SerializeToElement("自由文")));
        var outOfRange = Clauses.Edit("contract", empty, new SetClauseParameter("data_provision", "handover_months", JsonSerializer.SerializeToElement(24)));
        var notAnOption = Clauses.Edit("contract", empty, new SetClauseParameter("data_provision", "media", JsonSerializer.SerializeToElement("紙")));
        var ok = Clauses.Edit("contract", empty, new SetClauseParameter("data_provision", "handover_months", JsonSerializer.SerializeToElement(6)));

        Assert.Contains("編集できる項目ではありません", unknown.Errors.Single(), StringComparison.Ordinal);
        Assert.Contains("1から12の範囲", outOfRange.Errors.Single(), StringComparison.Ordinal);
        Assert.Contains("いずれかを選んでください", notAnOption.Errors.Single(), StringComparison.Ordinal);
        Assert.True(ok.Succeeded);

        var data = DocumentTestSupport.Sample("contract");
        data["clauses"] = JsonSerializer.SerializeToNode(ok.Settings.ToDictionary(kv => kv.Key, kv => new Dictionary<string, object>
        {
            ["included"] = kv.Value.Included,
            ["handover_months"] = kv.Value.Parameters["handover_months"],
        }));
        var text = DocxText.Extract(DocumentTestSupport.Renderer.RenderJson("contract", data).Bytes);
        Assert.Contains("契約終了日の6か月前までに", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_smuggled_in_through_data_are_rejected_like_edits()
    {
        var data = DocumentTestSupport.Sample("contract");
        data["clauses"] = new JsonObject { ["data_provision"] = new JsonObject { ["handover_months"] = 99 } };
        var ex = Assert.Throws<TemplateException>(() => DocumentTestSupport.Renderer.RenderJson("contract", data));
        Assert.Contains("1から12の範囲", ex.Message, StringComparison.Ordinal);
    }
}
