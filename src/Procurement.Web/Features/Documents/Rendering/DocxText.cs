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
        var numbering = new NumberingState(Load(zip, "word/numbering.xml"), Load(zip, "word/styles.xml"));
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
        var label = numbering.Next(style,
            (int?)numPr?.Element(W + "numId")?.Attribute(W + "val"),
            (int?)numPr?.Element(W + "ilvl")?.Attribute(W + "val"));
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

    /// <summary>
    /// Word's list counters: a paragraph is numbered by its own numPr or its style's (following basedOn), per w:num
    /// instance; deeper levels restart when a higher level is used, and a level that was skipped counts as used at its
    /// start value (so the level after it shows start + 1, as Word and LibreOffice show it).
    /// </summary>
    private sealed class NumberingState
    {
        private readonly Dictionary<int, (string Format, string Text, int Start)[]> _abstracts = [];
        private readonly Dictionary<int, (int AbstractId, Dictionary<int, int> StartOverrides)> _nums = [];
        private readonly Dictionary<int, int?[]> _counters = [];
        private readonly Dictionary<string, (int? NumId, int? Level, string? BasedOn)> _styles = new(StringComparer.Ordinal);

        public NumberingState(XDocument? numbering, XDocument? styles)
        {
            foreach (var st in styles?.Root?.Elements(W + "style") ?? [])
            {
                var id = st.Attribute(W + "styleId")?.Value;
                if (id is null) continue;
                var numPr = st.Element(W + "pPr")?.Element(W + "numPr");
                _styles[id] = ((int?)numPr?.Element(W + "numId")?.Attribute(W + "val"), (int?)numPr?.Element(W + "ilvl")?.Attribute(W + "val"),
                    st.Element(W + "basedOn")?.Attribute(W + "val")?.Value);
            }
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
                var overrides = n.Elements(W + "lvlOverride")
                    .Where(o => o.Element(W + "startOverride") is not null)
                    .ToDictionary(o => (int?)o.Attribute(W + "ilvl") ?? 0, o => (int?)o.Element(W + "startOverride")!.Attribute(W + "val") ?? 1);
                _nums[(int?)n.Attribute(W + "numId") ?? 0] = ((int?)n.Element(W + "abstractNumId")?.Attribute(W + "val") ?? 0, overrides);
            }
        }

        /// <summary>The style's numbering, inherited through basedOn (at most a few steps; cycles stop).</summary>
        private (int? NumId, int? Level) StyleNumbering(string style)
        {
            for (var (id, depth) = (style, 0); id is not null && depth < 10 && _styles.TryGetValue(id, out var st); (id, depth) = (st.BasedOn, depth + 1))
            {
                if (st.NumId is not null) return (st.NumId, st.Level);
            }
            return (null, null);
        }

        public string Next(string style, int? numIdOfParagraph, int? levelOfParagraph)
        {
            var (styleNumId, styleLevel) = style.Length > 0 ? StyleNumbering(style) : (null, null);
            var numId = numIdOfParagraph ?? styleNumId ?? 0;
            var ilvl = levelOfParagraph ?? (numIdOfParagraph is null || numIdOfParagraph == styleNumId ? styleLevel : null) ?? 0;
            if (numId == 0 || !_nums.TryGetValue(numId, out var num) || !_abstracts.TryGetValue(num.AbstractId, out var levels) || ilvl < 0 || ilvl >= levels.Length) return "";
            int StartOf(int k) => num.StartOverrides.TryGetValue(k, out var s) ? s : levels[k].Start;
            if (!_counters.TryGetValue(numId, out var counters)) _counters[numId] = counters = new int?[levels.Length];
            for (var k = 0; k < ilvl; k++) counters[k] ??= StartOf(k); // a skipped level counts as used at its start
            counters[ilvl] = counters[ilvl] is { } c ? c + 1 : StartOf(ilvl);
            for (var d = ilvl + 1; d < counters.Length; d++) counters[d] = null;
            if (levels[ilvl].Format == "none") return "";
            var text = levels[ilvl].Text;
            for (var k = 0; k <= ilvl; k++)
            {
                text = text.Replace("%" + (k + 1).ToString(CultureInfo.InvariantCulture), BodyWriter.FormatNumber(levels[k].Format, counters[k] ?? StartOf(k)), StringComparison.Ordinal);
            }
            return text;
        }
    }
}
