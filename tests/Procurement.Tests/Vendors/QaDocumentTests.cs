using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Procurement.Features.Vendors.QandA;

namespace Procurement.Tests.Vendors;

public sealed class QaDocumentTests
{
    public static IReadOnlyList<string> ValidationErrors(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        // Read Description/Path before the document is disposed: they throw afterwards.
        return new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    public static string AllText(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = doc.MainDocumentPart!;
        return string.Join("\n", main.Document.Body!.Descendants<Text>().Select(t => t.Text)
            .Concat(main.HeaderParts.SelectMany(h => h.Header.Descendants<Text>().Select(t => t.Text))));
    }

    [Fact]
    public void The_document_is_valid_A4_with_a_grid_table_styles_and_a_header()
    {
        var bytes = QaDocument.Build("住民情報系システム共同利用 調達", "南信州町村自治体クラウド協議会", new DateOnly(2026, 11, 26),
        [
            new(1, "データ移行の対象年数は？\n（住基・税）", "過去5年分とします。", false),
            new(2, "稼働率の基準は？ <99.9%> & more", "99.9%とします。", true),
        ]);

        Assert.Empty(ValidationErrors(bytes));
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = doc.MainDocumentPart!;
        var section = main.Document.Body!.Elements<SectionProperties>().Single();
        Assert.Equal(11906U, section.GetFirstChild<PageSize>()!.Width!.Value);   // A4 portrait in twips
        Assert.Equal(16838U, section.GetFirstChild<PageSize>()!.Height!.Value);
        var table = main.Document.Body.Elements<Table>().Single();
        Assert.Equal(3, table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count());
        Assert.NotNull(table.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>()); // header row repeats
        Assert.Contains(main.StyleDefinitionsPart!.Styles!.Elements<Style>(), s => s.StyleId == "Heading1");
        Assert.Equal("ＭＳ 明朝", main.StyleDefinitionsPart.Styles.DocDefaults!.Descendants<RunFonts>().Single().EastAsia!.Value);
        var text = AllText(bytes);
        Assert.Contains("令和8年11月26日", text, StringComparison.Ordinal);
        Assert.Contains("【条件変更】99.9%とします。", text, StringComparison.Ordinal);
        Assert.Contains("住民情報系システム共同利用 調達　質問回答書", text, StringComparison.Ordinal); // header
    }

    [Fact]
    public void An_empty_list_is_still_a_valid_document()
    {
        var bytes = QaDocument.Build("案件", "協議会", new DateOnly(2026, 11, 26), []);
        Assert.Empty(ValidationErrors(bytes));
        Assert.Contains("公開した回答はありません。", AllText(bytes), StringComparison.Ordinal);
    }
}
