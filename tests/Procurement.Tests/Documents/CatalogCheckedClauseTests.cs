using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Procurement.Cli;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Tests.Documents;

/// <summary>
/// The data-provision clause is checked against the business catalogue: the standard a 業務 must cite is the
/// catalogue's, not whatever label the data carries, and a document with no or an unknown 業務 is refused.
/// </summary>
[Trait("Lane", "Fast")]
public sealed class CatalogCheckedClauseTests
{
    private static JsonObject SpecWith(params JsonObject[] targets)
    {
        var data = DocumentTestSupport.Sample("procurement-spec");
        data["procurement"]!["target_businesses"] = new JsonArray(targets);
        return data;
    }

    private static JsonObject Target(string code, string name, string standard) =>
        new() { ["code"] = code, ["name"] = name, ["standardised"] = false, ["data_standard_name"] = standard, ["character_set"] = "行政事務標準文字" };

    [Fact]
    public void An_empty_standard_name_is_refused_with_the_standard_the_catalogue_names()
    {
        var doc = DocumentTestSupport.Renderer.RenderJson("procurement-spec", SpecWith(Target("shutai", "収滞納管理", "")));

        var problem = Assert.Single(doc.MissingClauses);
        Assert.Equal("data_provision", problem.ClauseId);
        Assert.Contains("収滞納管理", problem.Message, StringComparison.Ordinal);
        Assert.Contains("データ標準が空", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_standardised_business_labelled_with_the_intermediate_layout_is_refused()
    {
        var doc = DocumentTestSupport.Renderer.RenderJson("procurement-spec", SpecWith(Target("jukiki", "住民基本台帳", "中間標準レイアウト仕様")));

        Assert.False(doc.IsComplete);
        Assert.Contains(doc.MissingClauses, p => p.Message.Contains("住民基本台帳", StringComparison.Ordinal)
            && p.Message.Contains("地方公共団体情報システムデータ要件・連携要件標準仕様書", StringComparison.Ordinal)
            && p.Message.Contains("中間標準レイアウト仕様", StringComparison.Ordinal));
    }

    [Fact]
    public void No_target_business_is_refused()
    {
        var doc = DocumentTestSupport.Renderer.RenderJson("procurement-spec", SpecWith());

        var problem = Assert.Single(doc.MissingClauses);
        Assert.Contains("対象業務", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_business_is_refused_by_name()
    {
        var doc = DocumentTestSupport.Renderer.RenderJson("procurement-spec", SpecWith(Target("ufo", "未確認飛行物体管理", "中間標準レイアウト仕様")));

        var problem = Assert.Single(doc.MissingClauses);
        Assert.Contains("未確認飛行物体管理", problem.Message, StringComparison.Ordinal);
        Assert.Contains("業務カタログにありません", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalogue_standard_passes()
    {
        var doc = DocumentTestSupport.Renderer.RenderJson("procurement-spec", SpecWith(
            Target("jukiki", "住民基本台帳", "地方公共団体情報システムデータ要件・連携要件標準仕様書"),
            Target("shutai", "収滞納管理", "中間標準レイアウト仕様")));

        Assert.True(doc.IsComplete, string.Join("\n", doc.MissingClauses.Select(p => p.Message)));
    }

    [Fact]
    public async Task The_cli_writes_no_file_when_it_refuses()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), $"procurement-data-{Guid.NewGuid():N}.json");
        var target = Path.ChangeExtension(dataPath, ".docx");
        await File.WriteAllTextAsync(dataPath, SpecWith(Target("jukiki", "住民基本台帳", "中間標準レイアウト仕様")).ToJsonString());
        try
        {
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Procurement:DocumentTemplates"] = Path.Combine(DocumentTestSupport.RepoRoot, "document-templates"),
            }).Build();
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await CliApp.RunAsync(["render", "--template", "procurement-spec", "--data", dataPath, "--out", target], config, output, error);

            Assert.Equal(1, exit);
            Assert.Contains("住民基本台帳", error.ToString(), StringComparison.Ordinal);
            Assert.False(File.Exists(target), "a refused document must not be written");
        }
        finally
        {
            File.Delete(dataPath);
            File.Delete(target);
        }
    }
}
