using System.Text.Json.Nodes;
using Procurement.Features.Cases;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Tests.Documents;

/// <summary>
/// Every template, rendered for each procedure, uses that procedure's role terms (the selected party, the criteria
/// document, the price ceiling, the price submission) and never another procedure's.
/// </summary>
[Trait("Lane", "Fast")]
public sealed class ProcedureVocabularyTests
{
    public static TheoryData<string> Procedures() => new() { "public_proposal", "comprehensive_tender" };

    private static (ProcedureTerms Own, IReadOnlyList<string> Foreign) TermsOf(string id)
    {
        var procedure = id == "comprehensive_tender" ? ProcurementProcedure.ComprehensiveTender : ProcurementProcedure.PublicProposal;
        var own = ProcurementProcedures.Terms(procedure);
        var foreign = ProcurementProcedures.All.Where(p => p != procedure)
            .SelectMany(p => ProcurementProcedures.RoleTerms(ProcurementProcedures.Terms(p)))
            .Where(term => !ProcurementProcedures.RoleTerms(own).Any(o => o.Contains(term, StringComparison.Ordinal)))
            .ToList();
        return (own, foreign);
    }

    private static string Render(string templateId, string procedure, ProcedureTerms terms)
    {
        var data = DocumentTestSupport.Sample(templateId);
        data["procedure"] = new JsonObject { ["id"] = procedure };
        if (data["document"] is JsonObject doc) doc["title"] = "";
        // Text the evaluation writes with the case's terms: the sample carries the default procedure's.
        if (data["evaluation"] is JsonObject e)
        {
            if (e["price_formula"] is not null) e["price_formula"] = $"価格点 ＝ 300点 ×（1 － {terms.SubmittedPrice} ÷ {terms.PriceCeiling}）";
            if (e["remarks"] is not null) e["remarks"] = $"総合評価点が最も高かったため、{terms.SelectedParty}として選定した。";
        }
        var rendered = DocumentTestSupport.Renderer.RenderJson(templateId, data);
        return DocxText.Extract(rendered.Bytes);
    }

    [Theory]
    [MemberData(nameof(Procedures))]
    public void No_document_carries_another_procedures_role_terms(string procedure)
    {
        var (own, foreign) = TermsOf(procedure);
        foreach (var template in DocumentTestSupport.Catalog.All)
        {
            var text = Render(template.Id, procedure, own);
            foreach (var term in foreign) Assert.False(text.Contains(term, StringComparison.Ordinal), $"{template.Id} ({procedure}) says 「{term}」");
        }
    }

    [Theory]
    [MemberData(nameof(Procedures))]
    public void The_documents_that_name_a_role_use_the_procedures_term(string procedure)
    {
        var (own, _) = TermsOf(procedure);
        Assert.Contains(own.CriteriaDocument, Render("evaluation-criteria", procedure, own), StringComparison.Ordinal);
        Assert.Contains(own.SelectedParty, Render("evaluation-criteria", procedure, own), StringComparison.Ordinal);
        var spec = Render("procurement-spec", procedure, own);
        Assert.Contains(own.PriceCeiling, spec, StringComparison.Ordinal);
        Assert.Contains(own.CriteriaDocument, spec, StringComparison.Ordinal);
        Assert.Contains(own.Qualification, spec, StringComparison.Ordinal);
        Assert.Contains(own.SelectedParty, Render("result-notice", procedure, own), StringComparison.Ordinal);
        Assert.Contains(own.CriteriaDocument, Render("committee-charter", procedure, own), StringComparison.Ordinal);
    }

    [Fact]
    public void The_criteria_document_is_titled_by_the_procedure()
    {
        var template = DocumentTestSupport.Catalog.Get("evaluation-criteria");
        Assert.Equal("落札者決定基準", template.TitleFor(ProcurementProcedure.ComprehensiveTender));
        Assert.Equal("評価基準", template.TitleFor(ProcurementProcedure.PublicProposal));
    }

    [Fact]
    public void Complete_sample_data_leaves_no_gap_and_no_placeholder_in_any_document()
    {
        foreach (var template in DocumentTestSupport.Catalog.All)
        {
            var rendered = DocumentTestSupport.Renderer.RenderJson(template.Id, DocumentTestSupport.Sample(template.Id));
            Assert.True(rendered.Gaps.Count == 0, $"{template.Id}: " + string.Join(", ", rendered.Gaps.Select(g => g.Key)));
            Assert.DoesNotContain("未確定", DocxText.Extract(rendered.Bytes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Missing_inputs_make_a_marked_working_draft_that_lists_them()
    {
        var data = DocumentTestSupport.Sample("contract");
        data["award"] = null;
        var rendered = DocumentTestSupport.Renderer.RenderJson("contract", data);

        var gap = Assert.Single(rendered.Gaps);
        Assert.Equal("/Evaluation/Results", gap.Page);
        var text = DocxText.Extract(rendered.Bytes);
        Assert.Contains(DocumentRenderer.WorkingDraftMark, text, StringComparison.Ordinal);
        Assert.Contains("〔未確定事項1〕　" + gap.Label, text, StringComparison.Ordinal);
    }
}
