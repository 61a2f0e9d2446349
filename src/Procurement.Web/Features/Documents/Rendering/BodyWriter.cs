using System.Globalization;
using System.Text;
using System.Xml;
using static Procurement.Features.Documents.Rendering.DocxWriter;

namespace Procurement.Features.Documents.Rendering;

/// <summary>Writes word/document.xml for a list of blocks.</summary>
internal sealed class BodyWriter
{
    private const string W = WordNs;
    private readonly IReadOnlyList<Block> _blocks;
    private readonly PageLayout _layout;
    private readonly List<TocEntry> _toc;
    private int _bookmarkId;

    public BodyWriter(IReadOnlyList<Block> blocks, PageLayout layout)
    {
        _blocks = blocks;
        _layout = layout;
        _toc = PlanOutline(blocks);
        (_itemRuns, ArticleItemRuns) = PlanArticleItems(blocks);
    }

    private readonly Dictionary<Block, int> _itemRuns;

    /// <summary>How many 号 lists the numbering part must define (one per run of 号 under one 条 or 項).</summary>
    public int ArticleItemRuns { get; }

    /// <summary>Each 号 paragraph's run: a 条, a 項 or anything that is not part of an article starts the next run at (1).</summary>
    private static (Dictionary<Block, int>, int) PlanArticleItems(IReadOnlyList<Block> blocks)
    {
        var runs = new Dictionary<Block, int>(ReferenceEqualityComparer.Instance);
        var run = -1;
        var continues = false;
        foreach (var block in blocks)
        {
            switch (block)
            {
                case ArticleItemBlock:
                    if (!continues) { run++; continues = true; }
                    runs[block] = run;
                    break;
                case ParagraphBlock or TableBlock or BlankBlock or ClauseStartBlock or ClauseEndBlock or PageBreakBlock:
                    break; // a sentence or table between 号 does not restart them
                default:
                    continues = false;
                    break;
            }
        }
        return (runs, run + 1);
    }

    private sealed record TocEntry(Block Block, int Level, string Label, string Bookmark);

    /// <summary>
    /// Computes the labels Word's numbering will show (第1, 1 …) so the table of contents can be written with its
    /// entries filled in: a reader that never refreshes fields still sees a correct list.
    /// </summary>
    private static List<TocEntry> PlanOutline(IReadOnlyList<Block> blocks)
    {
        var toc = new List<TocEntry>();
        var counters = new int[OutlineLevels.Length];
        var used = false;
        var n = 0;
        foreach (var block in blocks)
        {
            switch (block)
            {
                // A title after numbered headings starts the next letter of a file of letters (one notice per
                // addressee): its 第1 starts again, as an unnumbered heading's does.
                case TitleBlock:
                    if (used) { used = false; Array.Clear(counters); }
                    break;
                case PlainHeadingBlock:
                    used = false;
                    Array.Clear(counters);
                    toc.Add(new TocEntry(block, 1, "", $"_Toc{++n:D5}"));
                    break;
                case HeadingBlock h:
                    used = true;
                    var label = Count(counters, h.Level);
                    if (h.Level <= 2) toc.Add(new TocEntry(block, h.Level, label, $"_Toc{++n:D5}"));
                    break;
                case ItemBlock i:
                    used = true;
                    Count(counters, Math.Min(i.Level, OutlineLevels.Length - 1));
                    break;
            }
        }
        return toc;

        static string Count(int[] counters, int level)
        {
            counters[level]++;
            for (var d = level + 1; d < counters.Length; d++) counters[d] = 0;
            return NumberLabel(OutlineLevels[level], counters[level]);
        }
    }

    internal static string NumberLabel(Level level, int value) =>
        level.Text.Replace("%" + (Array.IndexOf(OutlineLevels, level) + 1).ToString(CultureInfo.InvariantCulture), FormatNumber(level.Format, value), StringComparison.Ordinal).TrimEnd('　');

    private static readonly string Aiueo = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";

    internal static string FormatNumber(string format, int value) => format switch
    {
        "aiueoFullWidth" => value >= 1 && value <= Aiueo.Length ? Aiueo[value - 1].ToString() : value.ToString(CultureInfo.InvariantCulture),
        "lowerLetter" => value >= 1 ? new string((char)('a' + (value - 1) % 26), (value - 1) / 26 + 1) : "",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    private Stream? _stream;

    public void Write(XmlWriter w, Stream stream)
    {
        _stream = stream;
        w.WriteStartElement("w", "document", W);
        w.WriteAttributeString("xmlns", "r", null, RelNs);
        w.WriteStartElement("w", "body", W);

        var tocByBlock = new Dictionary<Block, TocEntry>(ReferenceEqualityComparer.Instance);
        foreach (var e in _toc) tocByBlock[e.Block] = e;
        var usedOutline = false;
        var clauseBookmarks = new Dictionary<string, Stack<int>>(StringComparer.Ordinal);

        foreach (var block in _blocks)
        {
            switch (block)
            {
                case TitleBlock t:
                    // The next letter of a file of letters: the unnumbered top level restarts its 第1.
                    if (usedOutline) { usedOutline = false; Paragraph(w, "Title", t.Text, numId: OutlineNumId, ilvl: 0); }
                    else Paragraph(w, "Title", t.Text);
                    break;
                case SubtitleBlock t: Paragraph(w, "Subtitle", t.Text); break;
                case PlainHeadingBlock h:
                    usedOutline = false; // numbered through its style (level 0), which restarts 第1
                    Paragraph(w, "PlainHeading", h.Text, bookmark: tocByBlock.GetValueOrDefault(h)?.Bookmark);
                    break;
                case HeadingBlock h:
                    usedOutline = true; // numbered through its style, as a heading added in Word is
                    Paragraph(w, "Heading" + h.Level, h.Text, bookmark: tocByBlock.GetValueOrDefault(h)?.Bookmark);
                    break;
                case ItemBlock i:
                    usedOutline = true;
                    Paragraph(w, "ListItem", i.Text, numId: OutlineNumId, ilvl: Math.Min(i.Level, OutlineLevels.Length - 1));
                    break;
                case ParagraphBlock p: BodyParagraph(w, p); break;
                case ArticleBlock a:
                    var caption = a.Caption.Length == 0 || a.Caption.StartsWith('（') ? a.Caption : $"（{a.Caption}）";
                    if (caption.Length > 0) Paragraph(w, "ArticleCaption", caption);
                    Paragraph(w, "Article", a.Text); // 第n条 through the style
                    break;
                case ArticleParagraphBlock p: Paragraph(w, "ArticleParagraph", p.Text); break; // 項 2, 3 … through the style
                case ArticleItemBlock i:
                    Paragraph(w, "ArticleItem", i.Text, numId: ArticleItemNumId(_itemRuns[i]), ilvl: Math.Min(i.Level, ArticleItemLevels.Length) - 1);
                    break;
                case TableBlock t: Table(w, t); break;
                case PageBreakBlock:
                    w.WriteStartElement("w", "p", W);
                    w.WriteStartElement("w", "r", W);
                    w.WriteStartElement("w", "br", W);
                    w.WriteAttributeString("w", "type", W, "page");
                    w.WriteEndElement();
                    w.WriteEndElement();
                    w.WriteEndElement();
                    break;
                case BlankBlock: Paragraph(w, null, ""); break;
                case TocBlock toc: Toc(w, toc); break;
                case ClauseStartBlock c:
                    var id = _bookmarkId++;
                    if (!clauseBookmarks.TryGetValue(c.ClauseId, out var stack)) clauseBookmarks[c.ClauseId] = stack = new();
                    stack.Push(id);
                    w.WriteStartElement("w", "bookmarkStart", W);
                    w.WriteAttributeString("w", "id", W, id.ToString(CultureInfo.InvariantCulture));
                    w.WriteAttributeString("w", "name", W, ClauseBookmark(c.ClauseId, id));
                    w.WriteEndElement();
                    break;
                case ClauseEndBlock c:
                    if (clauseBookmarks.TryGetValue(c.ClauseId, out var open) && open.Count > 0)
                    {
                        w.WriteStartElement("w", "bookmarkEnd", W);
                        w.WriteAttributeString("w", "id", W, open.Pop().ToString(CultureInfo.InvariantCulture));
                        w.WriteEndElement();
                    }
                    break;
            }
        }
        SectionProperties(w);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>Word bookmark names: ASCII letters, digits and _, at most 40 characters, unique.</summary>
    private static string ClauseBookmark(string clauseId, int id)
    {
        var sb = new StringBuilder("clause_");
        foreach (var c in clauseId)
        {
            if (sb.Length >= 32) break;
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }
        return sb.Append('_').Append(id.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    private void Paragraph(XmlWriter w, string? style, string text, int? numId = null, int ilvl = 0, string? bookmark = null,
        string? jc = null, (int Left, int FirstLine)? indent = null, bool gothic = false)
    {
        w.WriteStartElement("w", "p", W);
        if (style is not null || numId is not null || jc is not null || indent is not null)
        {
            w.WriteStartElement("w", "pPr", W);
            if (style is not null) Val(w, "pStyle", style);
            if (numId is { } id) NumPr(w, id, ilvl);
            if (indent is { } ind)
            {
                w.WriteStartElement("w", "ind", W);
                w.WriteAttributeString("w", "left", W, ind.Left.ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("w", "firstLine", W, ind.FirstLine.ToString(CultureInfo.InvariantCulture));
                w.WriteEndElement();
            }
            if (jc is not null) Val(w, "jc", jc);
            w.WriteEndElement();
        }
        int? bookmarkId = null;
        if (bookmark is not null)
        {
            bookmarkId = _bookmarkId++;
            w.WriteStartElement("w", "bookmarkStart", W);
            w.WriteAttributeString("w", "id", W, bookmarkId.Value.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("w", "name", W, bookmark);
            w.WriteEndElement();
        }
        if (text.Length > 0) Run(w, text, gothic, _layout.GothicFont);
        if (bookmarkId is { } b)
        {
            w.WriteStartElement("w", "bookmarkEnd", W);
            w.WriteAttributeString("w", "id", W, b.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>Text position of an outline level: body text under a heading lines up with the heading's text.</summary>
    private int TextLeft(int outlineLevel) => outlineLevel switch
    {
        < 0 => _layout.CharTwips,
        0 => 0,
        _ => Indent(OutlineLevels[Math.Min(outlineLevel, OutlineLevels.Length - 1)], _layout).Left,
    };

    private void BodyParagraph(XmlWriter w, ParagraphBlock p)
    {
        switch (p.Align)
        {
            case Align.Center: Paragraph(w, null, p.Text, jc: "center"); break;
            case Align.Right: Paragraph(w, null, p.Text, jc: "right"); break;
            default:
                // 公用文: a paragraph starts one character in.
                Paragraph(w, null, p.Text, indent: (TextLeft(p.IndentLevel), p.IndentLevel < 0 ? 0 : _layout.CharTwips));
                break;
        }
    }

    private void Table(XmlWriter w, TableBlock t)
    {
        var columns = Math.Max(1, t.ColumnCount);
        var indent = TextLeft(t.IndentLevel);
        var available = _layout.TextWidthTwips - indent;
        var ratios = Enumerable.Range(0, columns).Select(i => i < t.Widths.Count ? t.Widths[i] : 1).ToArray();
        var total = ratios.Sum();
        var widths = ratios.Select(r => available * r / total).ToArray();

        w.WriteStartElement("w", "tbl", W);
        w.WriteStartElement("w", "tblPr", W);
        Val(w, "tblStyle", "TableGrid");
        w.WriteStartElement("w", "tblW", W);
        w.WriteAttributeString("w", "w", W, widths.Sum().ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("w", "type", W, "dxa");
        w.WriteEndElement();
        w.WriteStartElement("w", "tblInd", W);
        w.WriteAttributeString("w", "w", W, indent.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("w", "type", W, "dxa");
        w.WriteEndElement();
        w.WriteStartElement("w", "tblLayout", W);
        w.WriteAttributeString("w", "type", W, "fixed");
        w.WriteEndElement();
        w.WriteStartElement("w", "tblLook", W);
        w.WriteAttributeString("w", "val", W, "04A0");
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("w", "tblGrid", W);
        foreach (var width in widths)
        {
            w.WriteStartElement("w", "gridCol", W);
            w.WriteAttributeString("w", "w", W, width.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
        }
        w.WriteEndElement();

        // Rows are the bulk of long documents (2,000-row requirement tables). XmlWriter encodes char by char, which cost
        // more than zipping the result; rows are therefore written as UTF-8 bytes straight to the part stream (the
        // XmlWriter is flushed first and resumes for </w:tbl>). Text is cleaned and escaped exactly as WriteString would.
        w.Flush();
        using (var rows = new Utf8Rows(_stream!))
        {
            var cellStart = new byte[columns][];
            var headerCellStart = new byte[columns][];
            for (var c = 0; c < columns; c++)
            {
                var tcW = $"<w:tcW w:w=\"{widths[c].ToString(CultureInfo.InvariantCulture)}\" w:type=\"dxa\" />";
                cellStart[c] = Encoding.UTF8.GetBytes($"<w:tc><w:tcPr>{tcW}</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\" /></w:pPr>");
                headerCellStart[c] = Encoding.UTF8.GetBytes($"<w:tc><w:tcPr>{tcW}<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9D9D9\" /></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableHeading\" /></w:pPr>");
            }
            // Header rows repeat on every page only while they are the leading rows of the table.
            var leading = true;
            foreach (var row in t.Rows)
            {
                var header = row.Header && leading;
                leading &= row.Header;
                rows.Raw(header ? "<w:tr><w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>"u8 : "<w:tr><w:trPr><w:cantSplit /></w:trPr>"u8);
                for (var c = 0; c < columns; c++)
                {
                    rows.Raw(row.Header ? headerCellStart[c] : cellStart[c]);
                    var text = c < row.Cells.Count ? row.Cells[c] : "";
                    if (text.Length > 0) rows.Run(text);
                    rows.Raw("</w:p></w:tc>"u8);
                }
                rows.Raw("</w:tr>"u8);
            }
        }
        w.WriteEndElement();
    }

    /// <summary>A small buffered UTF-8 writer for table rows; text goes through the same cleaning as every other run.</summary>
    private sealed class Utf8Rows(Stream stream) : IDisposable
    {
        private byte[] _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        private int _length;

        public void Raw(ReadOnlySpan<byte> bytes)
        {
            if (_length + bytes.Length > _buffer.Length) Flush(bytes.Length);
            bytes.CopyTo(_buffer.AsSpan(_length));
            _length += bytes.Length;
        }

        /// <summary>Like <see cref="DocxWriter.Run"/>: \t → w:tab, line breaks → w:br, text escaped.</summary>
        public void Run(string text)
        {
            Raw("<w:r>"u8);
            var from = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                var end = i == text.Length;
                var c = end ? '\0' : text[i];
                if (!end && c != '\t' && c != '\n' && c != TextSafety.LineBreak) continue;
                if (i > from)
                {
                    Raw("<w:t xml:space=\"preserve\">"u8);
                    Escaped(TextSafety.Clean(from == 0 && end ? text : text[from..i], int.MaxValue));
                    Raw("</w:t>"u8);
                }
                if (!end) Raw(c == '\t' ? "<w:tab />"u8 : "<w:br />"u8);
                from = i + 1;
            }
            Raw("</w:r>"u8);
        }

        private void Escaped(ReadOnlySpan<char> text)
        {
            while (text.Length > 0)
            {
                var special = text.IndexOfAny('&', '<', '>');
                var plain = special < 0 ? text : text[..special];
                if (plain.Length > 0)
                {
                    var max = Encoding.UTF8.GetMaxByteCount(plain.Length);
                    if (_length + max > _buffer.Length) Flush(max);
                    _length += Encoding.UTF8.GetBytes(plain, _buffer.AsSpan(_length));
                }
                if (special < 0) return;
                Raw(text[special] switch { '&' => "&amp;"u8, '<' => "&lt;"u8, _ => "&gt;"u8 });
                text = text[(special + 1)..];
            }
        }

        private void Flush(int needed)
        {
            stream.Write(_buffer, 0, _length);
            _length = 0;
            if (needed > _buffer.Length)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(needed);
            }
        }

        public void Dispose()
        {
            stream.Write(_buffer, 0, _length);
            System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
            _length = 0;
        }
    }

    private void Toc(XmlWriter w, TocBlock toc)
    {
        Paragraph(w, "TOCHeading", toc.Title);
        var entries = _toc.Count == 0 ? [null] : _toc.Cast<TocEntry?>().ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            w.WriteStartElement("w", "p", W);
            w.WriteStartElement("w", "pPr", W);
            Val(w, "pStyle", e is null || e.Level == 1 ? "TOC1" : "TOC2");
            w.WriteEndElement();
            if (i == 0)
            {
                FieldChar(w, "begin");
                w.WriteStartElement("w", "r", W);
                w.WriteStartElement("w", "instrText", W);
                w.WriteAttributeString("xml", "space", null, "preserve");
                w.WriteString(" TOC \\o \"1-2\" \\h \\z \\u ");
                w.WriteEndElement();
                w.WriteEndElement();
                FieldChar(w, "separate");
            }
            if (e is null) Run(w, "（目次は文書を開いたときに更新されます）");
            else
            {
                w.WriteStartElement("w", "hyperlink", W);
                w.WriteAttributeString("w", "anchor", W, e.Bookmark);
                w.WriteAttributeString("w", "history", W, "1");
                var text = e.Block switch
                {
                    HeadingBlock h => h.Text,
                    PlainHeadingBlock p => p.Text,
                    _ => "",
                };
                Run(w, (e.Label.Length > 0 ? e.Label + "　" : "") + text.Replace(TextSafety.LineBreak, ' '));
                Run(w, "\t");
                Field(w, $" PAGEREF {e.Bookmark} \\h ", "");
                w.WriteEndElement();
            }
            if (i == entries.Count - 1) FieldChar(w, "end");
            w.WriteEndElement();
        }
    }

    private void SectionProperties(XmlWriter w)
    {
        var l = _layout;
        w.WriteStartElement("w", "sectPr", W);
        w.WriteStartElement("w", "headerReference", W);
        w.WriteAttributeString("w", "type", W, "default");
        w.WriteAttributeString("r", "id", RelNs, "rId5");
        w.WriteEndElement();
        w.WriteStartElement("w", "footerReference", W);
        w.WriteAttributeString("w", "type", W, "default");
        w.WriteAttributeString("r", "id", RelNs, "rId6");
        w.WriteEndElement();
        w.WriteStartElement("w", "pgSz", W);
        w.WriteAttributeString("w", "w", W, PageLayout.PageWidthTwips.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("w", "h", W, PageLayout.PageHeightTwips.ToString(CultureInfo.InvariantCulture));
        w.WriteEndElement();
        w.WriteStartElement("w", "pgMar", W);
        foreach (var (name, mm) in new[] { ("top", l.TopMm), ("right", l.RightMm), ("bottom", l.BottomMm), ("left", l.LeftMm), ("header", l.HeaderMm), ("footer", l.FooterMm) })
        {
            w.WriteAttributeString("w", name, W, PageLayout.Twips(mm).ToString(CultureInfo.InvariantCulture));
        }
        w.WriteAttributeString("w", "gutter", W, "0");
        w.WriteEndElement();
        // No w:docGrid: LibreOffice drops paragraph indents on a line grid. 40 lines a page come from exact line
        // spacing in the styles instead, which both Word and LibreOffice honour.
        w.WriteEndElement();
    }
}
