using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;
using Procurement.Infrastructure.Events;

namespace Procurement.Tests.Documents;

/// <summary>
/// Validation validates each table row shape once (so a 2,000-row specification validates in milliseconds), and a
/// document with a bad element or value anywhere, however deep in a long table, is still refused.
/// </summary>
[Trait("Lane", "Fast")]
public sealed class DocumentValidationTests
{
    private static readonly Lazy<byte[]> LongSpecification = new(() =>
    {
        var data = DocumentTestSupport.Sample("procurement-spec");
        var business = data["procurement"]!["target_businesses"]!.AsArray()[0]!["name"]!.GetValue<string>();
        var rows = new JsonArray();
        for (var i = 0; i < 2000; i++)
        {
            rows.Add(new JsonObject
            {
                ["business"] = business,
                ["no"] = $"01-{i + 1:D4}",
                ["category"] = (i % 3) switch { 0 => "異動", 1 => "証明", _ => "照会" },
                ["function"] = "機能" + i,
                ["detail"] = $"要件{i}について、画面から入力した内容を審査の上で登録できること。" + new string('。', i % 7),
                ["level"] = i % 4 == 0 ? "推奨" : "必須",
            });
        }
        data["requirements"] = rows;
        return DocumentTestSupport.Renderer.RenderJson("procurement-spec", data).Bytes;
    });

    [Fact]
    public void A_2000_row_specification_is_valid_and_its_repeated_rows_are_validated_once()
    {
        var docx = LongSpecification.Value;
        Assert.Empty(DocumentRenderer.Validate(docx));

        var rows = CountRows(DocumentXml(docx));
        using var copy = DocumentRenderer.ValidationCopy(docx);
        var validated = CountRows(DocumentXml(copy.ToArray()));
        Assert.True(rows > 2000, $"{rows} rows rendered");
        Assert.True(validated < 100, $"{validated} rows validated of {rows}");
    }

    [Fact]
    public void An_unknown_element_in_row_1500_is_refused()
    {
        var broken = EditRow(LongSpecification.Value, 1500, row => row.Replace("<w:tcPr>", "<w:tcPr><w:bogus />", StringComparison.Ordinal));
        Assert.Contains(DocumentRenderer.Validate(broken), e => e.Contains("bogus", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_attribute_value_in_row_1800_is_refused()
    {
        var broken = EditRow(LongSpecification.Value, 1800, row => DxaWidth().Replace(row, "w:type=\"xyz\"", 1));
        Assert.NotEmpty(DocumentRenderer.Validate(broken));
    }

    [Fact]
    public void Elements_in_the_wrong_order_in_the_last_row_are_refused()
    {
        // The paragraph before the cell's properties: a schema sequence error, not a new element or value.
        var broken = EditRow(LongSpecification.Value, -1, row =>
        {
            var start = row.IndexOf("<w:tcPr>", StringComparison.Ordinal);
            var end = row.IndexOf("</w:tcPr>", start, StringComparison.Ordinal) + "</w:tcPr>".Length;
            var properties = row[start..end];
            var cellEnd = row.IndexOf("</w:tc>", end, StringComparison.Ordinal);
            return row[..start] + row[end..cellEnd] + properties + row[cellEnd..];
        });
        Assert.NotEmpty(DocumentRenderer.Validate(broken));
    }

    [Fact]
    public void Generating_an_invalid_document_is_refused_and_nothing_is_stored()
    {
        var rendered = DocumentTestSupport.Renderer.RenderJson("procurement-spec", DocumentTestSupport.Sample("procurement-spec"));
        var broken = EditRow(LongSpecification.Value, 1999, row => row.Replace("<w:tcPr>", "<w:tcPr><w:bogus />", StringComparison.Ordinal));
        var errors = DocumentRenderer.Validate(broken);
        var decision = GenerateDocumentDecision.Decide(
            new(rendered with { Bytes = broken }, errors, null, 1), Guid.NewGuid(), Guid.NewGuid(), new Actor(Guid.NewGuid(), "officer"), DateTimeOffset.UnixEpoch);
        Assert.True(decision.IsRefused);
        Assert.Empty(decision.Events);
        Assert.Contains("形式検査", decision.Refusal, StringComparison.Ordinal);
    }

    private static System.Text.RegularExpressions.Regex DxaWidth() => new("w:type=\"dxa\"");

    private static int CountRows(string xml) => System.Text.RegularExpressions.Regex.Count(xml, "<w:tr[ >]");

    private static string DocumentXml(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The package with row <paramref name="index"/> of the whole document (-1: the last) edited as text.</summary>
    private static byte[] EditRow(byte[] docx, int index, Func<string, string> edit)
    {
        var xml = DocumentXml(docx);
        var starts = System.Text.RegularExpressions.Regex.Matches(xml, "<w:tr[ >]").Select(m => m.Index).ToList();
        var start = starts[index < 0 ? starts.Count - 1 : index];
        var end = xml.IndexOf("</w:tr>", start, StringComparison.Ordinal) + "</w:tr>".Length;
        var row = xml[start..end];
        var edited = edit(row);
        Assert.NotEqual(row, edited);
        xml = xml[..start] + edited + xml[end..];

        var output = new MemoryStream();
        output.Write(docx);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }
        return output.ToArray();
    }
}
