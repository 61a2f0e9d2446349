using System.Text.Json.Nodes;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Tests.Documents;

/// <summary>
/// Errors a template author can act on: markup mistakes at the template file and line that wrote them (also inside an
/// include), an unclosed block at the line that opened it, clause settings at the clause and parameter, and every
/// error of a template in one run.
/// </summary>
public sealed class TemplateLintTests
{
    private static TemplateException Fails(TemplateCatalog catalog, JsonObject? data = null) =>
        Assert.Throws<TemplateException>(() => new DocumentRenderer(catalog).RenderJson("probe", data ?? DocumentTestSupport.Sample("qa-list")));

    private static TemplateException Fails(string template) => Fails(DocumentTestSupport.CatalogWith(("probe", "qa-list", template)));

    [Fact]
    public void A_markup_error_is_reported_at_the_template_line_not_the_output_line()
    {
        // Two template lines print only a line break and the loop prints four lines: output line 9 is template line 7.
        var ex = Fails("{{ x = 1 }}\n{{ y = 2 }}\n.title 表題\n{{ for m in group.members | array.limit 2 }}\n{{ m.name }}\n{{ end }}\n.titel 表題");

        var error = Assert.Single(ex.Errors);
        Assert.Equal(("probe/document.sbn", 7, 1), (error.File, error.Line, error.Column));
        Assert.Contains("不明な指示「.titel」", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_markup_error_in_an_include_names_the_included_file_and_its_line()
    {
        var catalog = DocumentTestSupport.CatalogWith(
            [("_shared/probe_part.sbn", "一行目\n二行目 {{ group.name }}\n.pagebrake\n")],
            ("probe", "qa-list", ".title 表題\n本文\n{{ include '_shared/probe_part' }}\n"));

        var error = Assert.Single(Fails(catalog).Errors);
        Assert.Equal(("_shared/probe_part.sbn", 3), (error.File, error.Line));
    }

    [Fact]
    public void An_unclosed_clause_is_reported_at_its_opening_line()
    {
        var error = Assert.Single(Fails(".title 表題\n本文\n.clause confidentiality\n守秘\n").Errors);
        Assert.Equal(("probe/document.sbn", 3), (error.File, error.Line));
        Assert.Contains(".endclause", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_block_is_reported_at_the_line_that_opened_it()
    {
        var catalog = DocumentTestSupport.CatalogWith(("probe", "qa-list", "一行目\n{{ if true }}\n二行目\n{{ for m in group.members }}\n{{ m.name }}\n三行目\n"));
        var errors = catalog.Get("probe").ParseErrors;

        Assert.Equal([2, 4], errors.Select(e => e.Line));
        Assert.Contains("「if」", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("「for」", errors[1].Message, StringComparison.Ordinal);
        Assert.All(errors, e => Assert.Equal("probe/document.sbn", e.File));
    }

    [Fact]
    public void Clause_setting_errors_name_the_data_file_the_clause_and_the_parameter()
    {
        var catalog = DocumentTestSupport.CatalogWith(("probe", "procurement-spec", ".title 表題\n本文\n"));
        var data = DocumentTestSupport.Sample("qa-list");
        data["clauses"] = JsonNode.Parse("""{ "data_provision": { "handover_months": 99 }, "data_erasure": { "erasure_dayz": 3 } }""");

        var ex = Assert.Throws<TemplateException>(() => new DocumentRenderer(catalog).RenderJson("probe", data, dataName: "probe/sample.json"));

        Assert.Equal(2, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.ToString().StartsWith("probe/sample.json: clauses.data_provision.handover_months: ", StringComparison.Ordinal)
                                        && e.Message.Contains("1から12", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.ToString().StartsWith("probe/sample.json: clauses.data_erasure.erasure_dayz: ", StringComparison.Ordinal));
        Assert.DoesNotContain("(0,0)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_of_a_template_is_reported_in_one_run()
    {
        var ex = Fails(".title 表題\n{{ group.nmae }}\n本文\n{{ procurement.titel }}\n.blnk\n{{ for v in vendorz }}{{ v.name }}{{ end }}\n");

        Assert.Equal([2, 4, 5, 6], ex.Errors.Select(e => e.Line));
        Assert.All(ex.Errors, e => Assert.Equal("probe/document.sbn", e.File));
    }

    [Fact]
    public void Lint_lists_every_error_of_a_broken_template_at_its_file_and_line()
    {
        var catalog = DocumentTestSupport.CatalogWith(("probe", "qa-list", ".title 表題\n{{ group.nmae }}\n.blnk\n"));
        var report = TemplateLint.Run(catalog);

        Assert.Equal(1, report.Failures);
        Assert.Contains(report.Lines, l => l.Contains("probe/document.sbn(2,", StringComparison.Ordinal) && l.Contains("nmae", StringComparison.Ordinal));
        Assert.Contains(report.Lines, l => l.Contains("probe/document.sbn(3,1): 不明な指示「.blnk」", StringComparison.Ordinal));
    }
}
