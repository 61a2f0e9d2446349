using System.IO.Compression;
using System.Xml.Linq;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Tests.Documents;

/// <summary>
/// List numbers as a Word-compatible renderer computes them from the file (LibreOffice's text export), not as the
/// template wrote them: 項 after a list of 号, 号 restarting under each 条 and 項, 第1 restarting after 別紙, and a
/// heading added in Word numbering itself. DocxText (version diffs, snapshots) must agree with it.
/// </summary>
public sealed class WordNumberingTests
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static byte[] Contract() => DocumentTestSupport.Renderer.RenderJson("contract", DocumentTestSupport.Sample("contract")).Bytes;

    /// <summary>(text a line contains, the label it must start with) in the sample contract.</summary>
    private static readonly (string Text, string Label)[] ContractLabels =
    [
        ("引き渡された成果物又は提供されたサービスが種類", "第12条　"),
        ("成果物の修補その他の履行の追完", "(1)　"),
        ("代金の減額", "(2)　"),
        ("前項の請求等は", "2　"),
        ("前項の提供のほか、次期システムへの切替日に", "2　"),
        ("前2項のデータの提供に当たっては", "3　"),
        ("前3項の提供に要する費用は", "4　"),
        ("データ項目の定義、コード表", "(1)　"),
        ("前項の協力を理由として", "2　"),
        ("正当な理由なく本業務に着手せず", "(1)　"),
        ("前2項の規定によりこの契約を解除した場合", "3　"),
    ];

    [Fact]
    public async Task Contract_paragraphs_after_a_list_of_items_number_as_word_shows_them()
    {
        var lines = await LibreOfficeText.LinesAsync(Contract());
        if (lines is null) return; // documented: LibreOffice is a test prerequisite (scripts/prereqs.sh test)

        foreach (var (text, label) in ContractLabels)
        {
            Assert.StartsWith(label, LibreOfficeText.LineWith(lines, text), StringComparison.Ordinal);
        }
        // 号 restart under each article: 第18条's list starts at (1) again after 第12条's (1)–(3).
        Assert.StartsWith("(1)　住民基本台帳", LibreOfficeText.LineWith(lines, "住民基本台帳　地方公共団体"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_used_for_diffs_and_snapshots_numbers_the_same_way()
    {
        var lines = DocxText.Extract(Contract()).Split('\n');
        foreach (var (text, label) in ContractLabels)
        {
            Assert.StartsWith(label, LibreOfficeText.LineWith(lines, text), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Parts_articles_and_items_restart_independently()
    {
        const string template = """
            .title 試験
            # 総則
            ## 目的
            ## 範囲
            - 項目
            - 項目二
            # 要件
            .heading 別紙
            # 別紙の一
            ## 別紙の細目
            .article 目的 | 第一条本文
            - 号A
            - 号B
            + 第一条第二項
            - 号C
            + 第一条第三項
            .article 定義 | 第二条本文
            - 第二条の号
            + 第二条第二項
            """;
        var catalog = DocumentTestSupport.CatalogWith(("probe", "qa-list", template));
        var docx = new DocumentRenderer(catalog).RenderJson("probe", DocumentTestSupport.Sample("qa-list")).Bytes;
        (string Text, string Label)[] expected =
        [
            ("総則", "第1　"), ("目的", "1　"), ("範囲", "2　"), ("項目", "(1)　"), ("項目二", "(2)　"), ("要件", "第2　"),
            ("別紙の一", "第1　"), ("別紙の細目", "1　"),
            ("第一条本文", "第1条　"), ("号A", "(1)　"), ("号B", "(2)　"), ("第一条第二項", "2　"), ("号C", "(1)　"), ("第一条第三項", "3　"),
            ("第二条本文", "第2条　"), ("第二条の号", "(1)　"), ("第二条第二項", "2　"),
        ];

        var extracted = DocxText.Extract(docx).Split('\n').Select(l => l.TrimStart('■')).ToList();
        foreach (var (text, label) in expected) Assert.Contains(label + text, extracted);

        var lines = await LibreOfficeText.LinesAsync(docx);
        if (lines is null) return;
        foreach (var (text, label) in expected) Assert.Contains(label + text, lines);
    }

    [Fact]
    public async Task A_heading_added_in_word_with_the_heading_style_numbers_itself()
    {
        var docx = DocumentTestSupport.Renderer.RenderJson("procurement-spec", DocumentTestSupport.Sample("procurement-spec")).Bytes;
        // What Word writes when an officer types a heading and picks 見出し 1: the style, no numbering of its own.
        var edited = EditDocument(docx, body =>
        {
            var second = body.Elements(W + "p").Where(p => StyleOf(p) == "Heading1").Skip(1).First();
            second.AddBeforeSelf(new XElement(W + "p",
                new XElement(W + "pPr", new XElement(W + "pStyle", new XAttribute(W + "val", "Heading1"))),
                new XElement(W + "r", new XElement(W + "t", "officer added heading"))));
        });

        var extracted = DocxText.Extract(edited).Split('\n');
        Assert.Contains("■第2　officer added heading", extracted);
        Assert.Contains("■第3　調達の方式", extracted);

        var lines = await LibreOfficeText.LinesAsync(edited);
        if (lines is null) return;
        Assert.Contains("第2　officeraddedheading", lines);
        Assert.Contains("第3　調達の方式", lines);
    }

    [Fact]
    public void Heading_styles_are_linked_to_the_outline_list()
    {
        var docx = DocumentTestSupport.Renderer.RenderJson("procurement-spec", DocumentTestSupport.Sample("procurement-spec")).Bytes;
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        var styles = XDocument.Load(zip.GetEntry("word/styles.xml")!.Open());
        var numbering = XDocument.Load(zip.GetEntry("word/numbering.xml")!.Open());
        for (var i = 1; i <= 3; i++)
        {
            var style = styles.Root!.Elements(W + "style").Single(s => (string?)s.Attribute(W + "styleId") == "Heading" + i);
            var numPr = style.Element(W + "pPr")!.Element(W + "numPr")!;
            Assert.Equal(i, (int)numPr.Element(W + "ilvl")!.Attribute(W + "val")!);
            var numId = (string)numPr.Element(W + "numId")!.Attribute(W + "val")!;
            var abstractId = (string)numbering.Root!.Elements(W + "num").Single(n => (string?)n.Attribute(W + "numId") == numId).Element(W + "abstractNumId")!.Attribute(W + "val")!;
            var level = numbering.Root.Elements(W + "abstractNum").Single(a => (string?)a.Attribute(W + "abstractNumId") == abstractId)
                .Elements(W + "lvl").Single(l => (int)l.Attribute(W + "ilvl")! == i);
            Assert.Equal("Heading" + i, (string?)level.Element(W + "pStyle")?.Attribute(W + "val"));
        }
    }

    private static string? StyleOf(XElement p) => (string?)p.Element(W + "pPr")?.Element(W + "pStyle")?.Attribute(W + "val");

    private static byte[] EditDocument(byte[] docx, Action<XElement> edit)
    {
        using var buffer = new MemoryStream();
        buffer.Write(docx);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            XDocument document;
            using (var stream = entry.Open()) document = XDocument.Load(stream);
            edit(document.Root!.Element(W + "body")!);
            entry.Delete();
            using var target = zip.CreateEntry("word/document.xml").Open();
            document.Save(target);
        }
        return buffer.ToArray();
    }
}
