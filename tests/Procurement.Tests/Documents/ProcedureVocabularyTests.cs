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
        var data = InTheProceduresWords(DocumentTestSupport.Sample(templateId), terms);
        data["procedure"] = new JsonObject { ["id"] = procedure };
        if (data["document"] is JsonObject doc) doc["title"] = "";
        var rendered = DocumentTestSupport.Renderer.RenderJson(templateId, data);
        return DocxText.Extract(rendered.Bytes);
    }

    /// <summary>
    /// The sample as the app would hold it for the procedure: text the app writes into the data (the price formula, the
    /// reasons, schedule notes) uses the case's words, and the samples carry the default procedure's. What remains
    /// is the templates' own text.
    /// </summary>
    private static JsonObject InTheProceduresWords(JsonObject sample, ProcedureTerms terms)
    {
        var json = sample.ToJsonString(Procurement.Features.Documents.DocumentModel.Json);
        var proposal = ProcurementProcedures.Terms(ProcurementProcedures.Default);
        foreach (var (from, to) in PairedTerms(proposal, terms)) json = json.Replace(from, to, StringComparison.Ordinal);
        return JsonNode.Parse(json)!.AsObject();
    }

    /// <summary>Longest first, so 価格提案書 is replaced before 提案価格 or 提案者 could touch it.</summary>
    private static IEnumerable<(string From, string To)> PairedTerms(ProcedureTerms from, ProcedureTerms to) =>
        new[]
        {
            (from.SelectedParty, to.SelectedParty), (from.CriteriaDocument, to.CriteriaDocument), (from.PriceCeiling, to.PriceCeiling),
            (from.PriceSubmission, to.PriceSubmission), (from.SubmittedPrice, to.SubmittedPrice), (from.Participant, to.Participant),
        }.Where(p => p.Item1 != p.Item2).OrderByDescending(p => p.Item1.Length);

    /// <summary>The role terms plus who takes part and what they offer (提案者 / 入札参加者, 提案価格 / 入札価格).</summary>
    private static List<string> ForeignWords(string id)
    {
        var procedure = id == "comprehensive_tender" ? ProcurementProcedure.ComprehensiveTender : ProcurementProcedure.PublicProposal;
        IReadOnlyList<string> Words(ProcedureTerms t) => [.. ProcurementProcedures.RoleTerms(t), t.Participant, t.SubmittedPrice];
        var own = Words(ProcurementProcedures.Terms(procedure));
        return ProcurementProcedures.All.Where(p => p != procedure).SelectMany(p => Words(ProcurementProcedures.Terms(p)))
            .Where(term => !own.Any(o => o.Contains(term, StringComparison.Ordinal))).ToList();
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
    public void No_document_names_another_procedures_participants_or_their_price(string procedure)
    {
        var (own, _) = TermsOf(procedure);
        var foreign = ForeignWords(procedure);
        Assert.NotEmpty(foreign);
        foreach (var template in DocumentTestSupport.Catalog.All)
        {
            var text = Render(template.Id, procedure, own);
            foreach (var term in foreign) Assert.False(text.Contains(term, StringComparison.Ordinal), $"{template.Id} ({procedure}) says 「{term}」");
        }
        Assert.Contains(own.Participant, Render("demo-guide", procedure, own), StringComparison.Ordinal);
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
