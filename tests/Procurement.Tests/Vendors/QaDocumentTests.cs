using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Procurement.Features.Documents;
using Procurement.Features.Vendors;
using Procurement.Tests.Documents;

namespace Procurement.Tests.Vendors;

/// <summary>The 質問回答書 is the shared qa-list template filled from the published answers (never who asked).</summary>
[Trait("Lane", "Fast")]
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

    private static byte[] Render(CaseVendors vendors)
    {
        var data = DocumentTestSupport.Sample("qa-list");
        data["procurement"]!["title"] = "住民情報系システム共同利用 調達";
        data["document"]!["date"] = "2026-11-26";
        data["settings"]!["date_style"] = "wareki_only";
        var qa = VendorDocumentSource.PublishedAnswers(vendors);
        data["qa"] = qa is null ? null : JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(qa, DocumentModel.Json));
        return DocumentTestSupport.Renderer.RenderJson("qa-list", data).Bytes;
    }

    private static VendorQuestion Question(int number, string text, string? answer, bool changes = false) => new()
    {
        QuestionId = Guid.NewGuid(), Number = number, VendorId = Guid.NewGuid(), CompanyName = "質問する株式会社", ReceivedOn = new DateOnly(2026, 11, 10), Text = text,
        Answer = answer, ChangesConditions = changes, PublishedAt = answer is null ? null : new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void The_document_is_valid_A4_with_a_repeating_table_header_line_breaks_kept_and_no_vendor_names()
    {
        var vendors = new CaseVendors
        {
            Questions =
            [
                Question(2, "稼働率の基準は？ <99.9%> & more", "99.9%とします。", changes: true),
                Question(1, "データ移行の対象年数は？\n（住基・税）", "過去5年分とします。"),
                Question(3, "まだ回答していない質問。", null),
            ],
        };
        var bytes = Render(vendors);

        Assert.Empty(ValidationErrors(bytes));
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = doc.MainDocumentPart!;
        var section = main.Document.Body!.Elements<SectionProperties>().Single();
        Assert.Equal(11906U, section.GetFirstChild<PageSize>()!.Width!.Value);   // A4 portrait in twips
        Assert.Equal(16838U, section.GetFirstChild<PageSize>()!.Height!.Value);
        var table = main.Document.Body.Elements<Table>().Single();
        Assert.Equal(3, table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count()); // no 区分 in the app's log: the column is left out
        Assert.NotNull(table.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>()); // header row repeats

        var text = Procurement.Features.Documents.Rendering.DocxText.Extract(bytes);
        Assert.Contains("令和8年11月20日", text, StringComparison.Ordinal); // the day the answers were published
        Assert.Contains("【条件変更】99.9%とします。", text, StringComparison.Ordinal);
        Assert.Contains("【条件変更】と記載した回答は、公告時の条件を変更するものです。", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("過去5年分", StringComparison.Ordinal) < text.IndexOf("99.9%とします", StringComparison.Ordinal), "answers in question order");
        Assert.Contains("<99.9%> & more", text, StringComparison.Ordinal);
        Assert.DoesNotContain("まだ回答していない質問。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("質問する株式会社", AllText(bytes), StringComparison.Ordinal);
        Assert.Single(main.Document.Body.Descendants<Break>()); // the two-line question stays one cell with a line break
        Assert.Contains("質問回答書", AllText(bytes), StringComparison.Ordinal); // header
    }

    [Fact]
    public void An_empty_list_is_still_a_valid_document_that_says_so()
    {
        var bytes = Render(new CaseVendors { Questions = [Question(1, "未回答", null)] });
        Assert.Empty(ValidationErrors(bytes));
        Assert.Contains("〔未確定事項1〕", Procurement.Features.Documents.Rendering.DocxText.Extract(bytes), StringComparison.Ordinal);
    }
}
