using System.IO.Compression;
using System.Text;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Tests.Documents;

/// <summary>User text never breaks a document: whatever is typed or pasted, the .docx opens and validates.</summary>
[Trait("Lane", "Fast")]
public sealed class HostileTextTests
{
    private static (RenderedDocument Doc, string Text, string Xml) RenderWithTitle(string title)
    {
        var data = DocumentTestSupport.Sample("procurement-spec");
        data["procurement"]!["title"] = title;
        data["requirements"]![0]!["detail"] = title;
        var doc = DocumentTestSupport.Renderer.RenderJson("procurement-spec", data);
        using var zip = new ZipArchive(new MemoryStream(doc.Bytes), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open(), Encoding.UTF8);
        return (doc, DocxText.Extract(doc.Bytes), reader.ReadToEnd());
    }

    public static TheoryData<string, string> Hostile() => new()
    {
        { "control characters", "前\u0001\u0008\u000B\u000C\u001F\0後" },
        { "noncharacters", "前\uFFFE\uFFFF後" },
        { "lone high surrogate", "前\uD842後" },
        { "lone low surrogate", "前\uDFB7後" },
        { "reversed pair", "前\uDFB7\uD842後" },
        { "emoji", "絵文字👍🏻と家族👨‍👩‍👧" },
        { "CJK Extension B", "𠮷野家と𩸽" },
        { "xml specials", "<w:p>&amp; \"quotes\" 'single' ]]>" },
        { "line breaks", "一行目\n二行目\r\n三行目\r四行目\u2028五行目\u2029六行目" },
        { "tabs", "列1\t列2\t\t列3" },
        { "markup lookalikes", "# 見出しではない\n.pagebreak\n| 表 | ではない |\n.clause data_erasure\n.endclause\n- 項目ではない" },
        { "our own fence characters", "前\uFDD0中\uFDD1後" },
        { "scriban syntax", "{{ group.name }} {% raw %}" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_user_text_yields_a_valid_document(string why, string value)
    {
        var (doc, _, _) = RenderWithTitle(value);

        Assert.True(DocumentRenderer.Validate(doc.Bytes).Count == 0, why);
        Assert.True(doc.IsComplete, why);
    }

    [Fact]
    public void Invalid_xml_characters_are_dropped_and_lone_surrogates_become_replacement_characters()
    {
        Assert.Equal("前後", TextSafety.Clean("前\u0001\u000B\0\uFFFE後"));
        Assert.Equal("前\uFFFD後", TextSafety.Clean("前\uD842後"));
        Assert.Equal("𠮷", TextSafety.Clean("𠮷"));
        Assert.Equal("a\nb\nc\nd", TextSafety.Clean("a\r\nb\rc\u2028d"));
    }

    [Fact]
    public void Emoji_and_extension_b_characters_survive_intact()
    {
        var (_, text, _) = RenderWithTitle("𠮷野家👍🏻");
        Assert.Contains("𠮷野家👍🏻", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_break_in_user_text_is_a_w_br_inside_the_same_paragraph_and_a_tab_is_a_w_tab()
    {
        var (_, text, xml) = RenderWithTitle("一行目\n二行目\t続き");

        Assert.Contains("一行目↵二行目\t続き", text, StringComparison.Ordinal);
        Assert.Contains("一行目</w:t><w:br /><w:t xml:space=\"preserve\">二行目</w:t><w:tab /><w:t xml:space=\"preserve\">続き", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_typed_by_a_user_stays_text()
    {
        var (doc, text, _) = RenderWithTitle("# 見出しではない\n.pagebreak\n| 表 | ではない |");

        Assert.Contains("# 見出しではない↵.pagebreak↵| 表 | ではない |", text, StringComparison.Ordinal);
        Assert.DoesNotContain(doc.Blocks.OfType<HeadingBlock>(), h => h.Text.Contains("見出しではない", StringComparison.Ordinal));
    }

    [Fact]
    public void A_very_long_value_is_cut_with_a_visible_note_and_the_document_stays_valid()
    {
        var (doc, text, _) = RenderWithTitle(new string('長', 1_000_000));

        Assert.Empty(DocumentRenderer.Validate(doc.Bytes));
        Assert.Contains("文字省略）", text, StringComparison.Ordinal);
        Assert.True(doc.Bytes.Length < 2_000_000);
    }
}
