using System.IO.Compression;
using System.Xml.Linq;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Tests.Documents;

/// <summary>
/// What Word shows legal staff beyond the text: headings in the navigation pane for every kind (articles included),
/// widow/orphan control, keep-with-next where a page end would strand a caption, cover pages, and a table of contents
/// that carries page numbers without asking Word to update fields.
/// </summary>
[Trait("Lane", "Fast")]
public sealed class WordCraftTests
{
    private static readonly XNamespace W = DocxWriter.WordNs;

    public static TheoryData<string> TemplateIds()
    {
        var data = new TheoryData<string>();
        foreach (var t in DocumentTestSupport.Catalog.All) data.Add(t.Id);
        return data;
    }

    private static byte[] Render(string templateId) =>
        DocumentTestSupport.Renderer.RenderJson(templateId, DocumentTestSupport.Sample(templateId)).Bytes;

    private static XDocument Part(byte[] docx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var stream = zip.GetEntry(name)!.Open();
        return XDocument.Load(stream);
    }

    private static string? Style(XElement p) => (string?)p.Element(W + "pPr")?.Element(W + "pStyle")?.Attribute(W + "val");

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void Every_kind_has_heading_styled_paragraphs_that_the_navigation_pane_lists(string templateId)
    {
        var docx = Render(templateId);
        var styles = Part(docx, "word/styles.xml").Root!.Elements(W + "style").ToDictionary(s => (string)s.Attribute(W + "styleId")!);
        var headings = Part(docx, "word/document.xml").Descendants(W + "p")
            .Where(p => Style(p) is { } s && styles.TryGetValue(s, out var st) && st.Descendants(W + "outlineLvl").Any())
            .ToList();

        Assert.NotEmpty(headings);
        // Built-in names (heading 1–3): pandoc, screen readers and Word itself know them as headings.
        Assert.All(headings.Select(Style).Distinct(), s => Assert.Matches("^(Heading[1-3]|PlainHeading)$", s!));
    }

    [Theory]
    [InlineData("contract")]
    [InlineData("sla")]
    [InlineData("privacy-clauses")]
    [InlineData("committee-charter")]
    public void Article_captions_are_unnumbered_headings_and_the_article_keeps_its_number(string templateId)
    {
        var docx = Render(templateId);
        var article = Part(docx, "word/document.xml").Descendants(W + "p").First(p => Style(p) == "Article");
        var caption = article.ElementsBeforeSelf(W + "p").Last();

        Assert.Equal("Heading2", Style(caption));
        Assert.StartsWith("（", string.Concat(caption.Descendants(W + "t").Select(t => t.Value)), StringComparison.Ordinal);
        Assert.Equal("0", (string?)caption.Element(W + "pPr")!.Element(W + "numPr")!.Element(W + "numId")!.Attribute(W + "val"));
        Assert.Contains("第1条", DocxText.Extract(docx), StringComparison.Ordinal);
    }

    [Fact]
    public void Widow_control_is_on_for_every_paragraph_and_headings_keep_with_the_next()
    {
        var docx = Render("procurement-spec");
        var styles = Part(docx, "word/styles.xml").Root!;

        Assert.NotNull(styles.Element(W + "docDefaults")!.Element(W + "pPrDefault")!.Descendants(W + "widowControl").SingleOrDefault());
        foreach (var id in new[] { "Title", "Heading1", "Heading2", "Heading3", "PlainHeading" })
        {
            var style = styles.Elements(W + "style").Single(s => (string?)s.Attribute(W + "styleId") == id);
            Assert.NotNull(style.Element(W + "pPr")!.Element(W + "keepNext"));
        }
    }

    [Fact]
    public void A_paragraph_introducing_a_table_and_the_header_row_keep_with_what_follows()
    {
        var body = Part(Render("contract"), "word/document.xml").Root!.Element(W + "body")!;
        var table = body.Elements(W + "tbl").First();
        var before = table.ElementsBeforeSelf(W + "p").Last();

        Assert.NotNull(before.Element(W + "pPr")!.Element(W + "keepNext"));
        var header = table.Elements(W + "tr").First();
        Assert.All(header.Descendants(W + "p"), p => Assert.NotNull(p.Element(W + "pPr")!.Element(W + "keepNext")));
        // A paragraph after a table: LibreOffice honours the next caption's keep-with-next only with one in between.
        Assert.Equal(W + "p", table.ElementsAfterSelf().First().Name);
    }

    [Theory]
    [InlineData("procurement-spec")]
    [InlineData("contract")]
    public void The_specification_and_the_contract_open_with_a_cover_page_of_their_own(string templateId)
    {
        var body = Part(Render(templateId), "word/document.xml").Root!.Element(W + "body")!;
        var sections = body.Descendants(W + "sectPr").ToList();

        Assert.Equal(2, sections.Count);
        var cover = sections[0];
        Assert.Equal(W + "pPr", cover.Parent!.Name); // a section break inside the body
        Assert.Empty(cover.Elements(W + "headerReference"));
        Assert.Empty(cover.Elements(W + "footerReference"));
        var main = sections[1];
        Assert.NotEmpty(main.Elements(W + "headerReference"));
        Assert.Equal("1", (string?)main.Element(W + "pgNumType")!.Attribute(W + "start"));
        // The title is on the cover: before the section break.
        Assert.Contains(cover.Parent.Parent!.ElementsBeforeSelf(W + "p"), p => Style(p) == "Title");
    }

    [Fact]
    public void The_table_of_contents_carries_page_numbers_and_word_is_not_asked_to_update_fields()
    {
        var docx = Render("procurement-spec");
        var settings = Part(docx, "word/settings.xml").Root!;
        Assert.Null(settings.Element(W + "updateFields"));

        var toc = Part(docx, "word/document.xml").Descendants(W + "hyperlink").ToList();
        Assert.True(toc.Count > 10);
        var numbers = toc.Select(h =>
        {
            var text = string.Concat(h.Descendants().Select(e => e.Name == W + "tab" ? "\t" : e.Name == W + "t" ? e.Value : ""));
            return int.Parse(text[(text.LastIndexOf('\t') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        }).ToList();
        Assert.All(numbers, n => Assert.InRange(n, 1, 50));
        Assert.Equal(numbers.Order(), numbers); // in reading order
        Assert.True(numbers[^1] > numbers[0]);
    }

    [Fact]
    public void A_long_title_breaks_after_a_closing_bracket_not_before_a_lone_character()
    {
        var title = Part(Render("contract"), "word/document.xml").Descendants(W + "p").First(p => Style(p) == "Title");
        var lines = string.Concat(title.Descendants().Select(e => e.Name == W + "br" ? "\n" : e.Name == W + "t" ? e.Value : "")).Split('\n');

        Assert.Equal(2, lines.Length);
        Assert.EndsWith("（自治体クラウド）", lines[0], StringComparison.Ordinal);
        Assert.True(lines[1].Length >= 10, lines[1]);
    }

    [Fact]
    public void A_date_range_in_a_narrow_column_puts_the_end_date_on_its_own_line()
    {
        var body = Part(Render("contract"), "word/document.xml").Root!.Element(W + "body")!;
        var cell = body.Descendants(W + "tc").First(c => string.Concat(c.Descendants(W + "t").Select(t => t.Value)).Contains("から", StringComparison.Ordinal));
        var parts = string.Concat(cell.Descendants().Select(e => e.Name == W + "br" ? "\n" : e.Name == W + "t" ? e.Value : "")).Split('\n');

        Assert.Equal(2, parts.Length);
        Assert.EndsWith("日から", parts[0], StringComparison.Ordinal);
        Assert.EndsWith("日まで", parts[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_of_contents_does_not_spill_a_few_lines_onto_a_page_of_their_own()
    {
        // 40 headings after a title: at the body's pitch the list would run two lines onto a second page.
        var headings = string.Concat(Enumerable.Range(1, 40).Select(i => $"# 見出し{i}\n本文\n"));
        var catalog = DocumentTestSupport.CatalogWith(("toc-test", "toc-test", ".toc\n.pagebreak\n" + headings));
        var docx = new DocumentRenderer(catalog).RenderJson("toc-test", DocumentTestSupport.Sample("procurement-spec")).Bytes;

        var entries = Part(docx, "word/document.xml").Descendants(W + "p").Where(p => Style(p) == "TOC1").ToList();
        Assert.Equal(40, entries.Count);
        var pitch = int.Parse((string)entries[0].Element(W + "pPr")!.Element(W + "spacing")!.Attribute(W + "line")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(pitch < PageLayout.Default.LinePitchTwips && pitch >= 264, pitch.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task LibreOffice_shows_table_of_contents_page_numbers_near_the_headings_and_the_pdf_export_makes_them_exact()
    {
        var docx = Render("procurement-spec");
        var pdf = new PdfConverter();
        if (!pdf.IsAvailable || LibreOfficeText.Soffice is null) return;

        // What LibreOffice shows when it opens the .docx (it does not refresh fields): the numbers written at generation.
        var lines = await LibreOfficeText.LinesAsync(docx);
        var entry = lines!.First(l => l.Contains("業務終了に伴う引継ぎ", StringComparison.Ordinal) && char.IsAsciiDigit(l[^1]));
        var shown = int.Parse(System.Text.RegularExpressions.Regex.Match(entry, "[0-9]+$").Value, System.Globalization.CultureInfo.InvariantCulture);

        // Where LibreOffice lays the heading out: the page of the PDF (the cover has no number, so page 1 is the second).
        var bytes = await pdf.ConvertAsync(docx);
        var text = await PdfText(bytes);
        var pages = text.Split('\f');
        var at = Array.FindLastIndex(pages, p => p.Contains("業務終了に伴う引継ぎ", StringComparison.Ordinal));
        Assert.True(at > 1); // after the cover and the table of contents
        // Physical index (0-based, cover first) = printed page. The .docx carries an estimate of the layout (within a
        // page); the PDF export replaces it with the page LibreOffice laid the heading on.
        Assert.InRange(shown, at - 1, at + 1);
        var filled = TocPages.Fill(docx, pages)!;
        var exact = (await LibreOfficeText.LinesAsync(filled))!.First(l => l.Contains("業務終了に伴う引継ぎ", StringComparison.Ordinal) && char.IsAsciiDigit(l[^1]));
        Assert.EndsWith(at.ToString(System.Globalization.CultureInfo.InvariantCulture), exact, StringComparison.Ordinal);
    }

    private static async Task<string> PdfText(byte[] pdf)
    {
        var dir = Directory.CreateTempSubdirectory("craft-pdf-").FullName;
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(dir, "a.pdf"), pdf);
            var start = new System.Diagnostics.ProcessStartInfo("pdftotext") { UseShellExecute = false };
            foreach (var a in new[] { "-enc", "UTF-8", Path.Combine(dir, "a.pdf"), Path.Combine(dir, "a.txt") }) start.ArgumentList.Add(a);
            using var p = System.Diagnostics.Process.Start(start)!;
            await p.WaitForExitAsync();
            return await File.ReadAllTextAsync(Path.Combine(dir, "a.txt"));
        }
        finally { Directory.Delete(dir, true); }
    }
}
