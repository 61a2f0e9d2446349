using System.Text;
using System.Xml;
using static Procurement.Features.Documents.Rendering.DocxWriter;

namespace Procurement.Features.Documents.Rendering;

/// <summary>Writes word/document.xml for a list of blocks.</summary>
internal sealed partial class BodyWriter
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
        Sections = PlanSections(blocks);
        _tocPitch = TocPitch(blocks, _toc.Count, layout);
        _pages = new Lazy<Dictionary<Block, int>>(EstimatePages);
    }

    private readonly Lazy<Dictionary<Block, int>> _pages;

    /// <summary>
    /// The page each heading lands on, as the page set-up lays it out: 40 lines of exactly the body pitch, lines of
    /// 42 characters less the indent, table rows at the table font's single spacing and never split, page and section
    /// breaks (page numbers restart after a cover or at a part). An estimate of the layout, not the layout: it gives the
    /// table of contents numbers a reader can trust to about a page, where the alternative is none at all.
    /// </summary>
    private Dictionary<Block, int> EstimatePages()
    {
        var l = _layout;
        var height = PageLayout.PageHeightTwips - PageLayout.Twips(l.TopMm) - PageLayout.Twips(l.BottomMm);
        var pitch = l.LinePitchTwips;
        var ch = l.CharTwips;
        var pages = new Dictionary<Block, int>(ReferenceEqualityComparer.Instance);
        var page = 1;
        var y = 0.0;
        void Add(double h)
        {
            if (y + h > height && y > 0) { page++; y = 0; }
            y += h;
        }
        // A heading keeps with the next paragraph's first two lines (keep-with-next and widow control).
        void Heading(double h)
        {
            if (y + h + 2 * pitch > height && y > 0) { page++; y = 0; }
            Add(h);
        }
        void Lines(string text, int indent, double label = 0)
        {
            var perLine = Math.Max(1, (l.TextWidthTwips - indent) / (double)ch);
            var count = Math.Max(1, (int)Math.Ceiling((Width(text) + label) / perLine - 0.0001));
            for (var i = 0; i < count; i++) Add(pitch);
        }
        var tableLine = (l.HalfPoints - 2) * 10 * 1.45;
        foreach (var block in _blocks)
        {
            switch (block)
            {
                case CoverEndBlock or PartBreakBlock: page = 1; y = 0; break;
                case PageBreakBlock: page++; y = 0; break;
                case TitleBlock t: Add(Math.Ceiling(Width(t.Text) / (l.TextWidthTwips / 320.0)) * 16 * 20 * 1.45 + ch); break;
                case SubtitleBlock t: Add(12 * 20 * 1.45 + ch); break;
                case HeadingBlock h:
                    Heading((h.Level == 1 ? ch : ch / 2) + pitch);
                    pages[block] = page;
                    break;
                case PlainHeadingBlock:
                    Heading(ch + pitch + ch / 2);
                    pages[block] = page;
                    break;
                case ItemBlock i: Lines(i.Text, Indent(OutlineLevels[Math.Min(i.Level, OutlineLevels.Length - 1)], l).Left); break;
                case ParagraphBlock p: Lines(p.Text, Math.Max(0, TextLeft(p.IndentLevel)), 1); break;
                case ArticleBlock a:
                    if (a.Caption.Length > 0) Heading(ch / 2 + pitch);
                    Lines(a.Text, ch, 3);
                    break;
                case ArticleParagraphBlock p: Lines(p.Text, ch, 1); break;
                case ArticleItemBlock i: Lines(i.Text, (int)((i.Level + 2.5) * ch), 0); break;
                case BlankBlock: Add(pitch); break;
                case TocBlock: Add(ch + pitch + ch / 2); for (var i = 0; i < _toc.Count; i++) Add(_tocPitch ?? pitch); break;
                case TableBlock t:
                    var widths = ColumnWidths(t, Enumerable.Range(0, Math.Max(1, t.ColumnCount)).Select(i => i < t.Widths.Count ? t.Widths[i] : 1).ToArray(), l.TextWidthTwips - TextLeft(t.IndentLevel));
                    foreach (var row in t.Rows)
                    {
                        var lines = 1;
                        for (var c = 0; c < row.Cells.Count && c < widths.Length; c++)
                        {
                            var perLine = Math.Max(1, (widths[c] - CellMargins) / (double)TableCharTwips);
                            lines = Math.Max(lines, row.Cells[c].Split('\n', TextSafety.LineBreak).Sum(part => Math.Max(1, (int)Math.Ceiling(Width(part) / perLine - 0.0001))));
                        }
                        Add(lines * tableLine + 20);
                    }
                    Add(20);
                    break;
            }
        }
        return pages;
    }

    /// <summary>
    /// One section of the page set-up: the cover (centred vertically, no header, no page number) or a part of the body
    /// with the page header <see cref="HeaderIndex"/> (0 = the document's own; n = the n-th <see cref="PartBreakBlock"/>).
    /// </summary>
    public sealed record Section(bool Cover, int HeaderIndex);

    public IReadOnlyList<Section> Sections { get; }

    /// <summary>The page headers of the parts after the first (the first uses the document's own title and 版数).</summary>
    public IReadOnlyList<string> PartHeaders => _blocks.OfType<PartBreakBlock>().Select(b => b.HeaderTitle).ToList();

    /// <summary>More than one section: page numbers count within a section (a cover page or a part has its own).</summary>
    public bool Sectioned => Sections.Count > 1;

    /// <summary>How many parts restart the 第n条 count (the first part uses the article list the styles are linked to).</summary>
    public int ArticleParts => Sections.Count(s => !s.Cover);

    private static List<Section> PlanSections(IReadOnlyList<Block> blocks)
    {
        var sections = new List<Section>();
        var header = 0;
        foreach (var block in blocks)
        {
            if (block is CoverEndBlock) sections.Add(new Section(true, 0));
            else if (block is PartBreakBlock) sections.Add(new Section(false, header++));
        }
        sections.Add(new Section(false, header));
        return sections;
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
        var section = 0;
        var part = 0; // parts after the first number their articles from 第1条 again
        // The cover's text starts a quarter down the page (LibreOffice ignores a section's vertical alignment).
        if (Sections[0].Cover) Spacer(w, (PageLayout.PageHeightTwips - PageLayout.Twips(_layout.TopMm) - PageLayout.Twips(_layout.BottomMm)) / 4);

        for (var index = 0; index < _blocks.Count; index++)
        {
            var block = _blocks[index];
            // A paragraph that introduces a table stays on the table's page (a caption alone at a page foot helps no one).
            var beforeTable = index + 1 < _blocks.Count && _blocks[index + 1] is TableBlock;
            switch (block)
            {
                case TitleBlock t:
                    // The next letter of a file of letters: the unnumbered top level restarts its 第1.
                    if (usedOutline) { usedOutline = false; Paragraph(w, "Title", Balanced(t.Text, 16), numId: OutlineNumId, ilvl: 0); }
                    else Paragraph(w, "Title", Balanced(t.Text, 16));
                    break;
                case SubtitleBlock t: Paragraph(w, "Subtitle", Balanced(t.Text, 12)); break;
                case CoverEndBlock:
                    SectionBreak(w, Sections[section++]);
                    break;
                case PartBreakBlock:
                    SectionBreak(w, Sections[section++]);
                    part++;
                    usedOutline = false;
                    break;
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
                    Paragraph(w, "ListItem", i.Text, numId: OutlineNumId, ilvl: Math.Min(i.Level, OutlineLevels.Length - 1), keepNext: beforeTable);
                    break;
                case ParagraphBlock p: BodyParagraph(w, p, beforeTable); break;
                case ArticleBlock a:
                    var caption = a.Caption.Length == 0 || a.Caption.StartsWith('（') ? a.Caption : $"（{a.Caption}）";
                    // The caption is a heading (heading 2, unnumbered): Word's navigation pane, pandoc and screen readers
                    // list the articles. Its outline level sits under the parts (別紙, 別記) at level 1.
                    if (caption.Length > 0) Paragraph(w, "Heading2", caption, numId: 0, indent: (_layout.CharTwips, 0));
                    // 第n条 through the style; a later part of a bundle counts from 第1条 on a list of its own.
                    Paragraph(w, "Article", a.Text, numId: part > 0 ? ArticlePartNumId(part) : null, ilvl: 0, keepNext: beforeTable);
                    break;
                case ArticleParagraphBlock p: // 項 2, 3 … through the style
                    Paragraph(w, "ArticleParagraph", p.Text, numId: part > 0 ? ArticlePartNumId(part) : null, ilvl: 1, keepNext: beforeTable);
                    break;
                case ArticleItemBlock i:
                    Paragraph(w, "ArticleItem", i.Text, numId: ArticleItemNumId(_itemRuns[i]), ilvl: Math.Min(i.Level, ArticleItemLevels.Length) - 1, keepNext: beforeTable);
                    break;
                case TableBlock t:
                    Table(w, t);
                    // A paragraph right after a table loses its keep-with-next in LibreOffice (a caption stays alone at
                    // the page foot); a 1-point paragraph between them restores it, and Word needs one between tables.
                    Spacer(w, 20);
                    break;
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
        SectionProperties(w, Sections[^1]);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>An empty paragraph of an exact height in twips.</summary>
    private static void Spacer(XmlWriter w, int twips)
    {
        w.WriteStartElement("w", "p", W);
        w.WriteStartElement("w", "pPr", W);
        w.WriteStartElement("w", "spacing", W);
        w.WriteAttributeString("w", "before", W, "0");
        w.WriteAttributeString("w", "after", W, "0");
        w.WriteAttributeString("w", "line", W, twips.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("w", "lineRule", W, "exact");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>A section break: an empty paragraph carrying the page set-up of the section that ends with it.</summary>
    private void SectionBreak(XmlWriter w, Section ending)
    {
        w.WriteStartElement("w", "p", W);
        w.WriteStartElement("w", "pPr", W);
        SectionProperties(w, ending);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>
    /// A title longer than one line breaks where a reader would (after a closing bracket, に係る, の, 及び …) nearest the
    /// middle, so the second line never holds a lone character or half a word. Widths: full-width 1, ASCII ½.
    /// </summary>
    internal string Balanced(string text, double points)
    {
        if (text.Contains('\n') || text.Contains(TextSafety.LineBreak)) return text;
        var capacity = _layout.TextWidthTwips / (points * 20);
        var width = Width(text);
        if (width <= capacity) return text;
        var best = -1;
        var bestScore = double.MaxValue;
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (!IsBreakAfter(text, i)) continue;
            var left = Width(text.AsSpan(0, i));
            var right = width - left;
            if (left > capacity || right > capacity) continue;
            var score = Math.Abs(left - right);
            if (score < bestScore) { bestScore = score; best = i; }
        }
        return best < 0 ? text : text[..best] + "\n" + text[best..];
    }

    private static bool IsBreakAfter(string text, int i)
    {
        var before = text[..i];
        if (text[i] is '（' or '「' or '［' or '・' or '、' or '。' or '）' or '」') return false;
        return before[^1] is '）' or '」' or '］' or '・' or '　' or ' ' or '、'
            || before.EndsWith("に係る", StringComparison.Ordinal) || before.EndsWith("に関する", StringComparison.Ordinal)
            || before.EndsWith("及び", StringComparison.Ordinal) || before.EndsWith("並びに", StringComparison.Ordinal)
            || (before[^1] == 'の' && i >= 2);
    }

    /// <summary>
    /// Display width in full-width characters: ASCII and half-width kana ½, others 1, plus ¼ where Japanese text meets
    /// ASCII (Word and LibreOffice add that space between them by default).
    /// </summary>
    internal static double Width(ReadOnlySpan<char> text)
    {
        var w = 0.0;
        var previous = '\0';
        foreach (var c in text)
        {
            var narrow = c < 0x7F || (c >= 0xFF61 && c <= 0xFF9F);
            w += narrow ? 0.5 : 1;
            if (char.IsAsciiLetterOrDigit(previous) != char.IsAsciiLetterOrDigit(c) && IsJapaneseLetter(char.IsAsciiLetterOrDigit(c) ? previous : c)) w += 0.25;
            previous = c;
        }
        return w;

        static bool IsJapaneseLetter(char c) => c is (>= '\u3041' and <= '\u30FF') or (>= '\u4E00' and <= '\u9FFF');
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
        string? jc = null, (int Left, int FirstLine)? indent = null, bool gothic = false, bool keepNext = false)
    {
        w.WriteStartElement("w", "p", W);
        if (style is not null || numId is not null || jc is not null || indent is not null || keepNext)
        {
            w.WriteStartElement("w", "pPr", W);
            if (style is not null) Val(w, "pStyle", style);
            if (keepNext) { w.WriteStartElement("w", "keepNext", W); w.WriteEndElement(); }
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

    private void BodyParagraph(XmlWriter w, ParagraphBlock p, bool keepNext)
    {
        switch (p.Align)
        {
            // A centred line longer than the text width (a subtitle such as 「…契約書　別紙」) breaks where a reader would, never before a lone character.
            case Align.Center: Paragraph(w, null, Balanced(p.Text, _layout.FontSizePt), jc: "center", keepNext: keepNext); break;
            case Align.Right: Paragraph(w, null, p.Text, jc: "right", keepNext: keepNext); break;
            default:
                // 公用文: a paragraph starts one character in.
                Paragraph(w, null, p.Text, indent: (TextLeft(p.IndentLevel), p.IndentLevel < 0 ? 0 : _layout.CharTwips), keepNext: keepNext);
                break;
        }
    }

    private void Table(XmlWriter w, TableBlock t)
    {
        var columns = Math.Max(1, t.ColumnCount);
        var indent = TextLeft(t.IndentLevel);
        var available = _layout.TextWidthTwips - indent;
        var ratios = Enumerable.Range(0, columns).Select(i => i < t.Widths.Count ? t.Widths[i] : 1).ToArray();
        var widths = ColumnWidths(t, ratios, available);

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
                // keepNext in a header row keeps it on the page of the first data row.
                headerCellStart[c] = Encoding.UTF8.GetBytes($"<w:tc><w:tcPr>{tcW}<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9D9D9\" /></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableHeading\" /><w:keepNext /></w:pPr>");
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
                    if (text.Length > 0) rows.Run(BreakDateRange(text, widths[c]));
                    rows.Raw("</w:p></w:tc>"u8);
                }
                rows.Raw("</w:tr>"u8);
            }
        }
        w.WriteEndElement();
    }

    /// <summary>Table text: 1 point below the body, in twips per full-width character; cell margins left and right.</summary>
    private int TableCharTwips => (_layout.HalfPoints - 2) * 10;
    private const int CellMargins = 2 * 85 + 30;

    /// <summary>
    /// Column widths from the template's ratios, widened where a column would break a date (令和10年（2028年）3月31日)
    /// or a short label (12か月) across lines: such a column gets the width of its longest unbreakable piece, taken
    /// from the columns that have room to spare. When the table cannot give that much, the ratios stand.
    /// </summary>
    private int[] ColumnWidths(TableBlock t, int[] ratios, int available)
    {
        // The estimate of a date's width is close to what Word and LibreOffice lay out, not above it (LibreOffice
        // wrapped the 日 of 令和9年（2027年）5月20日 at exactly the estimate): a date gets one character to spare
        // when the table has room for it, else the estimate alone.
        return ColumnWidths(t, ratios, available, dateSlack: 1) ?? ColumnWidths(t, ratios, available, dateSlack: 0) ?? Proportional(ratios, available);
    }

    private static int[] Proportional(int[] ratios, int available)
    {
        var total = ratios.Sum();
        return ratios.Select(r => available * r / total).ToArray();
    }

    private int[]? ColumnWidths(TableBlock t, int[] ratios, int available, double dateSlack)
    {
        var widths = Proportional(ratios, available);
        var minimum = new int[widths.Length];
        foreach (var row in t.Rows)
        {
            for (var c = 0; c < row.Cells.Count && c < widths.Length; c++)
            {
                var need = (int)Math.Ceiling(LongestUnbreakable(row.Cells[c], row.Header, dateSlack) * TableCharTwips) + CellMargins;
                minimum[c] = Math.Max(minimum[c], need);
            }
        }
        var shortfall = widths.Select((w, c) => Math.Max(0, minimum[c] - w)).Sum();
        if (shortfall == 0) return widths;
        var spare = widths.Select((w, c) => Math.Max(0, w - minimum[c])).ToArray();
        var spareTotal = spare.Sum();
        if (spareTotal < shortfall) return null;
        var result = new int[widths.Length];
        for (var c = 0; c < widths.Length; c++)
        {
            result[c] = widths[c] < minimum[c] ? minimum[c] : widths[c] - (int)((long)spare[c] * shortfall / spareTotal);
        }
        result[^1] += available - result.Sum(); // rounding stays in the last column
        return result;
    }

    /// <summary>The widest piece of a cell that must not break: a date, or the whole cell when it is a short label.</summary>
    private static double LongestUnbreakable(string text, bool header, double dateSlack)
    {
        var longest = 0.0;
        foreach (System.Text.RegularExpressions.Match m in DatePattern().Matches(text)) longest = Math.Max(longest, Width(m.Value) + dateSlack);
        var whole = Width(text);
        if (whole <= (header ? 8 : 6)) longest = Math.Max(longest, whole);
        return longest;
    }

    /// <summary>A period 「…日から…日まで」 in a column narrower than the whole puts the end date on a line of its own.</summary>
    private string BreakDateRange(string text, int width)
    {
        if (Width(text) * TableCharTwips + CellMargins <= width) return text;
        return DateRangePattern().Replace(text, "$1から\n$2");
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?:令和|平成|昭和)(?:元|[0-9０-９]+)年(?:[（(][0-9０-９]+年[）)])?(?:[0-9０-９]+月(?:[0-9０-９]+日)?)?(?:から|まで)?")]
    private static partial System.Text.RegularExpressions.Regex DatePattern();

    [System.Text.RegularExpressions.GeneratedRegex("(日)から((?:令和|平成|昭和))")]
    private static partial System.Text.RegularExpressions.Regex DateRangePattern();

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

    private readonly int? _tocPitch;

    /// <summary>
    /// The line pitch for the table of contents when, at the body's pitch, its last page would hold only a few lines:
    /// the entries are set a little closer so the list ends on the page before instead of spilling two lines onto a
    /// page of their own. Null: the body's pitch.
    /// </summary>
    private static int? TocPitch(IReadOnlyList<Block> blocks, int entries, PageLayout layout)
    {
        var at = -1;
        for (var i = 0; i < blocks.Count; i++) if (blocks[i] is TocBlock) { at = i; break; }
        if (at < 0 || entries == 0) return null;
        // Lines above the list on its first page: the blocks since the last page or section break (a title takes two).
        var above = 0;
        for (var i = at - 1; i >= 0 && blocks[i] is not (PageBreakBlock or CoverEndBlock or PartBreakBlock); i--)
        {
            above += blocks[i] is TitleBlock or SubtitleBlock ? 2 : blocks[i] is ClauseStartBlock or ClauseEndBlock ? 0 : 1;
        }
        const int heading = 3; // 目次 with the space around it
        var perPage = layout.LinesPerPage;
        var total = above + heading + entries;
        var pages = (total + perPage - 1) / perPage;
        var spill = total - (pages - 1) * perPage;
        if (pages < 2 || spill > 5) return null;
        var height = (PageLayout.PageHeightTwips - PageLayout.Twips(layout.TopMm) - PageLayout.Twips(layout.BottomMm)) * (pages - 1);
        var pitch = (height - (above + heading) * layout.LinePitchTwips) / entries - 1;
        // Closer than 1.2 × the font size reads as cramped: then the list may take its extra page.
        return pitch >= layout.FontSizePt * 24 ? pitch : null;
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
            if (_tocPitch is { } pitch)
            {
                w.WriteStartElement("w", "spacing", W);
                w.WriteAttributeString("w", "line", W, pitch.ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("w", "lineRule", W, "exact");
                w.WriteEndElement();
            }
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
                // The page as estimated from the layout: Word shows it without asking to update fields; the PDF export
                // replaces it with the page LibreOffice actually laid the heading on (TocPages).
                Field(w, $" PAGEREF {e.Bookmark} \\h ", _pages.Value.TryGetValue(e.Block, out var page) ? page.ToString(CultureInfo.InvariantCulture) : "");
                w.WriteEndElement();
            }
            if (i == entries.Count - 1) FieldChar(w, "end");
            w.WriteEndElement();
        }
    }

    private void SectionProperties(XmlWriter w, Section section)
    {
        var l = _layout;
        w.WriteStartElement("w", "sectPr", W);
        // The cover names no header or footer: as the first section it has none (a later section names its own).
        if (!section.Cover)
        {
            w.WriteStartElement("w", "headerReference", W);
            w.WriteAttributeString("w", "type", W, "default");
            w.WriteAttributeString("r", "id", RelNs, HeaderRelationship(section.HeaderIndex));
            w.WriteEndElement();
            w.WriteStartElement("w", "footerReference", W);
            w.WriteAttributeString("w", "type", W, "default");
            w.WriteAttributeString("r", "id", RelNs, "rId6");
            w.WriteEndElement();
        }
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
        if (Sectioned && !section.Cover)
        {
            w.WriteStartElement("w", "pgNumType", W);
            w.WriteAttributeString("w", "start", W, "1");
            w.WriteEndElement();
        }
        // No w:docGrid: LibreOffice drops paragraph indents on a line grid. 40 lines a page come from exact line
        // spacing in the styles instead, which both Word and LibreOffice honour.
        w.WriteEndElement();
    }
}
