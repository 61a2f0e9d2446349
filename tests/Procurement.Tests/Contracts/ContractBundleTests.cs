using System.IO.Compression;
using System.Xml.Linq;
using Procurement.Features.Cases;
using Procurement.Features.Contracts;
using Procurement.Features.Contracts.Drafting;
using Procurement.Features.Documents.Rendering;
using Procurement.Features.Groups;
using Procurement.Features.Sla;
using Procurement.Tests.Documents;

namespace Procurement.Tests.Contracts;

/// <summary>契約書一式: contract + 別紙 SLA + 別記 特記事項 in one valid .docx, each part its own section, header, page numbers and 第1条.</summary>
[Trait("Lane", "Fast")]
public sealed class ContractBundleTests
{
    private static readonly XNamespace W = DocxWriter.WordNs;
    private static readonly DraftRenderer Drafts = new(DocumentTestSupport.Renderer);

    private static readonly CaseSummary Case = new()
    {
        Id = Guid.NewGuid(), Title = "住民情報系システム共同利用（自治体クラウド）調達", TargetBusinesses = ["jukiki", "koseki", "zaimu"],
        PlannedGoLive = new DateOnly(2027, 4, 1), BudgetCeiling = 480_000_000,
    };

    private static readonly GroupView Group = new()
    {
        Name = "南信州町村自治体クラウド協議会", Form = OrganisationForm.Council, Representative = "高森町",
        Members = [new("高森町", 12716, new DateOnly(2025, 9, 30)), new("松川町", 12476, new DateOnly(2025, 9, 30))],
    };

    private static (IReadOnlyList<RenderedDraft> Drafts, AssembledContract Bundle) Build()
    {
        var drafts = Drafts.RenderAll(DraftModel.Build(ContractDraftDocumentTests.Sample(SlaPresets.Create(SlaPreset.CoreBusiness)), Case, Group));
        return (drafts, Assert.Single(ContractBundle.Assemble(drafts, 2, new DateOnly(2026, 11, 26))));
    }

    private static XDocument Part(byte[] docx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var stream = zip.GetEntry(name)!.Open();
        return XDocument.Load(stream);
    }

    [Fact]
    public void The_bundle_validates_as_the_renderer_checks_every_document()
    {
        var (_, bundle) = Build();
        Assert.Empty(DocumentRenderer.Validate(bundle.Docx));
        Assert.Equal("契約書一式_第2版.docx", bundle.FileName);
    }

    [Fact]
    public void Each_part_is_a_section_with_its_own_header_and_page_numbers_from_one()
    {
        var (_, bundle) = Build();
        var sections = Part(bundle.Docx, "word/document.xml").Descendants(W + "sectPr").Where(s => s.Element(W + "headerReference") is not null).ToList();

        Assert.Equal(3, sections.Count);
        Assert.All(sections, s => Assert.Equal("1", (string?)s.Element(W + "pgNumType")?.Attribute(W + "start")));
        var rels = Part(bundle.Docx, "word/_rels/document.xml.rels").Root!.Elements().ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!);
        XNamespace r = DocxWriter.RelNs;
        var headers = sections.Select(s => string.Concat(Part(bundle.Docx, "word/" + rels[(string)s.Element(W + "headerReference")!.Attribute(r + "id")!]).Descendants(W + "t").Select(t => t.Value))).ToList();
        Assert.StartsWith("契約書（案）", headers[0], StringComparison.Ordinal);
        Assert.StartsWith("別紙1　", headers[1], StringComparison.Ordinal);
        Assert.Contains("サービスレベル合意書", headers[1], StringComparison.Ordinal);
        Assert.StartsWith("別記　個人情報取扱特記事項", headers[2], StringComparison.Ordinal);
        Assert.All(headers, h => Assert.EndsWith("第2版", h, StringComparison.Ordinal));
    }

    [Fact]
    public void It_contains_each_parts_title_and_each_part_counts_its_articles_from_the_first()
    {
        var (drafts, bundle) = Build();
        var text = DocxText.Extract(bundle.Docx);

        foreach (var draft in drafts)
        {
            var title = draft.Document.Blocks.OfType<TitleBlock>().First().Text;
            Assert.Contains(title, text.Replace("↵", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        Assert.Equal(3, text.Split('\n').Count(l => l.StartsWith("第1条", StringComparison.Ordinal)));
        // The contract's own text is unchanged by the assembly.
        var contract = drafts.Single(d => d.Kind == DraftDocumentKind.Contract);
        Assert.Contains(DraftRenderer.DiffText(contract.Document.Bytes).Split('\n')[1], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LibreOffice_numbers_the_articles_of_each_part_from_the_first()
    {
        var (_, bundle) = Build();
        var lines = await LibreOfficeText.LinesAsync(bundle.Docx);
        if (lines is null) return;

        Assert.Equal(3, lines.Count(l => l.StartsWith("第1条", StringComparison.Ordinal)));
    }

    [Fact]
    public void Each_member_contract_gets_its_own_bundle_with_the_shared_sla_and_clauses()
    {
        var inputs = ContractDraftDocumentTests.Sample(SlaPresets.Create(SlaPreset.CoreBusiness)) with
        {
            Members = [new("高森町", 12716, "高森町長"), new("松川町", 12476, "松川町長")],
        };
        var drafts = Drafts.RenderAll(DraftModel.Build(inputs, Case, Group));
        var bundles = ContractBundle.Assemble(drafts, 2, new DateOnly(2026, 11, 26));

        Assert.Equal(["高森町", "松川町"], bundles.Select(b => b.Member));
        Assert.All(bundles, b => Assert.Empty(DocumentRenderer.Validate(b.Docx)));
    }
}
