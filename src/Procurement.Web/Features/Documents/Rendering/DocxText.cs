using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace Procurement.Features.Documents.Rendering;

/// <summary>
/// The normalised text of a .docx, one line per paragraph or table row, with list labels (第1, (1), ア …) computed
/// from numbering.xml as Word shows them. Used for version diffs and the golden snapshots; works on any stored version,
/// not only on what this code base would render today.
/// </summary>
public static class DocxText
{
    private static readonly XNamespace W = DocxWriter.WordNs;

    public static string Extract(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read);
        var document = Load(zip, "word/document.xml") ?? throw new InvalidDataException("word/document.xml がありません。");
        var numbering = new NumberingState(Load(zip, "word/numbering.xml"));
        var sb = new StringBuilder();
        var header = Load(zip, "word/header1.xml");
        if (header is not null) sb.Append("［ヘッダー］").Append(ParagraphText(header.Root!)).Append('\n');

        var body = document.Root?.Element(W + "body");
        if (body is null) return sb.ToString();
        foreach (var element in body.Elements())
        {
            if (element.Name == W + "p") AppendParagraph(sb, element, numbering);
            else if (element.Name == W + "tbl")
            {
                foreach (var row in element.Elements(W + "tr"))
                {
                    var isHeader = row.Element(W + "trPr")?.Element(W + "tblHeader") is not null;
                    sb.Append(isHeader ? "|! " : "| ");
                    sb.AppendJoin(" | ", row.Elements(W + "tc").Select(c => string.Join("↵", c.Elements(W + "p").Select(ParagraphText))));
                    sb.Append('\n');
                }
            }
        }
        return sb.ToString();
    }

    private static XDocument? Load(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name);
        if (entry is null) return null;
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    private static void AppendParagraph(StringBuilder sb, XElement p, NumberingState numbering)
    {
        var pPr = p.Element(W + "pPr");
        var style = pPr?.Element(W + "pStyle")?.Attribute(W + "val")?.Value ?? "";
        if (style.StartsWith("TOC", StringComparison.Ordinal) && style != "TOCHeading") return; // generated list: diffs show the headings themselves
        if (p.Descendants(W + "br").Any(b => b.Attribute(W + "type")?.Value == "page"))
        {
            sb.Append("――― 改ページ ―――\n");
            return;
        }
        var text = ParagraphText(p);
        var numPr = pPr?.Element(W + "numPr");
        var label = numPr is null ? "" : numbering.Next(
            (int?)numPr.Element(W + "numId")?.Attribute(W + "val") ?? 0,
            (int?)numPr.Element(W + "ilvl")?.Attribute(W + "val") ?? 0);
        var prefix = style switch
        {
            "Title" => "【表題】",
            "Subtitle" => "【副題】",
            "Heading1" or "Heading2" or "Heading3" or "PlainHeading" => "■",
            _ => pPr?.Element(W + "jc")?.Attribute(W + "val")?.Value switch { "right" => "（右）", "center" => "（中）", _ => "" },
        };
        if (label.Length == 0 && text.Length == 0) return;
        sb.Append(prefix).Append(label).Append(text).Append('\n');
    }

    private static string ParagraphText(XElement p)
    {
        var sb = new StringBuilder();
        foreach (var e in p.Descendants())
        {
            if (e.Name == W + "t") sb.Append(e.Value);
            else if (e.Name == W + "tab" && e.Parent?.Name == W + "r") sb.Append('\t');
            else if (e.Name == W + "br") sb.Append('↵');
            else if (e.Name == W + "instrText")
            {
                var field = e.Value.Trim();
                if (field.StartsWith("PAGE", StringComparison.Ordinal) && !field.StartsWith("PAGEREF", StringComparison.Ordinal)) sb.Append("{PAGE}");
                else if (field.StartsWith("NUMPAGES", StringComparison.Ordinal)) sb.Append("{NUMPAGES}");
            }
        }
        return sb.ToString();
    }

    /// <summary>Word's list counters: per w:num instance, deeper levels restart when a higher level is used.</summary>
    private sealed class NumberingState
    {
        private readonly Dictionary<int, (string Format, string Text, int Start)[]> _abstracts = [];
        private readonly Dictionary<int, (int AbstractId, int? StartOverride)> _nums = [];
        private readonly Dictionary<int, int[]> _counters = [];

        public NumberingState(XDocument? numbering)
        {
            if (numbering?.Root is null) return;
            foreach (var a in numbering.Root.Elements(W + "abstractNum"))
            {
                var levels = a.Elements(W + "lvl").OrderBy(l => (int?)l.Attribute(W + "ilvl") ?? 0).Select(l => (
                    l.Element(W + "numFmt")?.Attribute(W + "val")?.Value ?? "decimal",
                    l.Element(W + "lvlText")?.Attribute(W + "val")?.Value ?? "",
                    (int?)l.Element(W + "start")?.Attribute(W + "val") ?? 1)).ToArray();
                _abstracts[(int?)a.Attribute(W + "abstractNumId") ?? 0] = levels;
            }
            foreach (var n in numbering.Root.Elements(W + "num"))
            {
                var start = (int?)n.Elements(W + "lvlOverride").FirstOrDefault(o => (int?)o.Attribute(W + "ilvl") == 0)?.Element(W + "startOverride")?.Attribute(W + "val");
                _nums[(int?)n.Attribute(W + "numId") ?? 0] = ((int?)n.Element(W + "abstractNumId")?.Attribute(W + "val") ?? 0, start);
            }
        }

        public string Next(int numId, int ilvl)
        {
            if (!_nums.TryGetValue(numId, out var num) || !_abstracts.TryGetValue(num.AbstractId, out var levels) || ilvl >= levels.Length) return "";
            if (!_counters.TryGetValue(numId, out var counters))
            {
                counters = levels.Select(l => l.Start - 1).ToArray();
                if (num.StartOverride is { } s) counters[0] = s - 1;
                _counters[numId] = counters;
            }
            counters[ilvl]++;
            for (var d = ilvl + 1; d < counters.Length; d++) counters[d] = levels[d].Start - 1;
            var text = levels[ilvl].Text;
            for (var k = 0; k <= ilvl; k++)
            {
                text = text.Replace("%" + (k + 1).ToString(CultureInfo.InvariantCulture), BodyWriter.FormatNumber(levels[k].Format, counters[k]), StringComparison.Ordinal);
            }
            return text;
        }
    }
}
