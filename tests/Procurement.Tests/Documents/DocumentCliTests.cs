using Microsoft.Extensions.Configuration;
using Procurement.Cli;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Tests.Documents;

/// <summary>`render` and `templates lint` work without the app or a database.</summary>
[Trait("Lane", "Fast")]
public sealed class DocumentCliTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Procurement:DocumentTemplates"] = Path.Combine(DocumentTestSupport.RepoRoot, "document-templates"),
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, config, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Templates_lint_checks_every_template()
    {
        var (exit, output, _) = await RunAsync("templates", "lint");
        Assert.Equal(0, exit);
        var templates = Directory.GetFiles(Path.Combine(DocumentTestSupport.RepoRoot, "document-templates"), "template.json", SearchOption.AllDirectories).Length;
        Assert.Contains($"{templates} templates OK", output, StringComparison.Ordinal);
        Assert.Contains("sla-report", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_writes_a_valid_docx_from_a_data_file()
    {
        var target = Path.Combine(Path.GetTempPath(), $"procurement-render-{Guid.NewGuid():N}.docx");
        try
        {
            var (exit, output, error) = await RunAsync("render", "--template", "sla", "--data",
                Path.Combine(DocumentTestSupport.RepoRoot, "document-templates", "sla", "sample.json"), "--out", target);

            Assert.True(exit == 0, error);
            Assert.Contains("sha256", output, StringComparison.Ordinal);
            Assert.Empty(DocumentRenderer.Validate(await File.ReadAllBytesAsync(target)));
        }
        finally { File.Delete(target); }
    }

    [Fact]
    public async Task Render_reports_template_errors_and_unknown_templates()
    {
        var (exit, _, error) = await RunAsync("render", "--template", "nope", "--data", "x.json", "--out", "y.docx");
        Assert.Equal(1, exit);
        Assert.Contains("テンプレート「nope」はありません", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renders_in_parallel_give_the_same_bytes_as_one_at_a_time()
    {
        var ids = DocumentTestSupport.Catalog.All.Select(t => t.Id).ToList();
        var renderer = DocumentTestSupport.Renderer;
        var sequential = ids.ToDictionary(id => id, id => renderer.RenderJson(id, DocumentTestSupport.Sample(id)).ContentHash);

        var parallel = await Task.WhenAll(Enumerable.Range(0, 4).SelectMany(_ => ids).Select(id => Task.Run(() =>
            (id, renderer.RenderJson(id, DocumentTestSupport.Sample(id)).ContentHash))));

        Assert.All(parallel, r => Assert.Equal(sequential[r.id], r.ContentHash));
    }

    [Fact]
    public async Task Render_names_the_data_file_clause_and_parameter_of_a_wrong_clause_setting()
    {
        var data = DocumentTestSupport.Sample("contract");
        data["clauses"] = System.Text.Json.Nodes.JsonNode.Parse("""{ "data_provision": { "handover_months": 99 } }""");
        var dataPath = Path.Combine(Path.GetTempPath(), $"procurement-data-{Guid.NewGuid():N}.json");
        var target = Path.ChangeExtension(dataPath, ".docx");
        await File.WriteAllTextAsync(dataPath, data.ToJsonString());
        try
        {
            var (exit, _, error) = await RunAsync("render", "--template", "contract", "--data", dataPath, "--out", target);

            Assert.Equal(1, exit);
            Assert.Contains($"{dataPath}: clauses.data_provision.handover_months: ", error, StringComparison.Ordinal);
            Assert.DoesNotContain("(0,0)", error, StringComparison.Ordinal);
            Assert.False(File.Exists(target));
        }
        finally { File.Delete(dataPath); File.Delete(target); }
    }

    [Fact]
    public async Task Templates_lint_lists_every_error_of_a_template_at_its_file_and_line()
    {
        var catalog = DocumentTestSupport.CatalogWith(("probe", "qa-list", ".title 表題\n{{ group.nmae }}\n{{ if true }}\n.blnk\n"));
        var config = new ConfigurationBuilder().Build();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CliApp.RunAsync(["templates", "lint", "--templates", catalog.Root], config, output, error);

        Assert.Equal(1, exit);
        var text = output.ToString();
        Assert.Contains("FAIL  probe", text, StringComparison.Ordinal);
        Assert.Contains("probe/document.sbn(3,4): 「if」で始まるブロックが閉じられていません。", text, StringComparison.Ordinal);
        Assert.Contains("1 of ", text, StringComparison.Ordinal);
    }
}
