using System.Text;

namespace Procurement.Features.Documents.Rendering;

public enum Align { Left, Center, Right }

/// <summary>The blocks a template's output describes; <see cref="DocxWriter"/> turns them into WordprocessingML.</summary>
public abstract record Block;

public sealed record TitleBlock(string Text) : Block;
public sealed record SubtitleBlock(string Text) : Block;
/// <summary>Numbered heading on the 公用文 outline: level 1 第1, 2 = 1, 3 = (1). Outline level = Level.</summary>
public sealed record HeadingBlock(int Level, string Text) : Block;
/// <summary>Unnumbered heading (別紙, 附則, 前文) at outline level 1.</summary>
public sealed record PlainHeadingBlock(string Text) : Block;
/// <summary>Numbered body item; Level 1..7 on the 公用文 outline (第1 … (a)).</summary>
public sealed record ItemBlock(int Level, string Text) : Block;
/// <summary>Body paragraph, indented to the text of the outline level it sits under.</summary>
public sealed record ParagraphBlock(string Text, Align Align, int IndentLevel) : Block;
/// <summary>Contract article: caption (目的) and 第n条 numbering from the article list.</summary>
public sealed record ArticleBlock(string Caption, string Text) : Block;
/// <summary>項 of an article: numbered 2, 3, … (the first 項 is the article text itself).</summary>
public sealed record ArticleParagraphBlock(string Text) : Block;
/// <summary>号 (1) and below inside an article; Level 1 = (1), 2 = ア, 3 = (ア).</summary>
public sealed record ArticleItemBlock(int Level, string Text) : Block;
public sealed record TableBlock(IReadOnlyList<int> Widths, IReadOnlyList<TableRow> Rows, int IndentLevel) : Block
{
    public int ColumnCount => Rows.Count == 0 ? 0 : Rows.Max(r => r.Cells.Count);
}
public sealed record TableRow(bool Header, IReadOnlyList<string> Cells);
public sealed record PageBreakBlock : Block;
/// <summary>Ends the cover page: what came before is a section of its own (centred, no header or page number), and the
/// page numbers of the body start at 1 after it.</summary>
public sealed record CoverEndBlock : Block;
/// <summary>
/// Starts the next part of an assembled document (the contract bundle): a new section whose page numbers restart at 1,
/// whose page header reads <paramref name="HeaderTitle"/>, and whose 第n条 count from 1 again.
/// </summary>
public sealed record PartBreakBlock(string HeaderTitle) : Block;
public sealed record TocBlock(string Title) : Block;
public sealed record BlankBlock : Block;
public sealed record ClauseStartBlock(string ClauseId) : Block;
public sealed record ClauseEndBlock(string ClauseId) : Block;

/// <summary>A markup mistake at output line <see cref="Line"/>, which starts at character <see cref="Offset"/> of the output.</summary>
public sealed record MarkupError(int Line, string Message, int Offset = 0);

/// <summary>
/// Parses the line markup templates emit (docs/authoring-templates.md). Only characters written by the template can
/// be markup: text that came from data is fenced by <see cref="TextSafety.DataStart"/>/<see cref="TextSafety.DataEnd"/>,
/// so a user typing "# " or "|" at the start of a field never creates a heading or a table.
/// </summary>
public static class DocumentMarkup
{
    public static (IReadOnlyList<Block> Blocks, IReadOnlyList<MarkupError> Errors) Parse(TemplateOutput output) => Parse(output.Markup, output.RowSets);

    public static (IReadOnlyList<Block> Blocks, IReadOnlyList<MarkupError> Errors) Parse(string output, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>>? rowSets = null)
    {
        var blocks = new List<Block>();
        var errors = new List<MarkupError>();
        var openClauses = new Stack<(string Id, int Line)>();
        var outline = 0;          // level of the last heading: items and paragraphs nest under it
        var inArticle = false;
        List<TableRow>? rows = null;
        IReadOnlyList<int> widths = [];
        var tableIndent = 0;
        var lineNo = 0;
        var lineStart = 0;
        var clauseStarts = new Stack<int>();

        void FlushTable()
        {
            if (rows is null) return;
            blocks.Add(new TableBlock(widths, rows, tableIndent));
            rows = null;
            widths = [];
        }

        var position = 0;
        while (position <= output.Length)
        {
            var newline = output.IndexOf('\n', position);
            var lineEnd = newline < 0 ? output.Length : newline;
            var lineSpan = output.AsSpan(position, lineEnd - position).TrimEnd('\r').TrimStart(" \t\u3000");
            lineStart = position;
            position = lineEnd + 1;
            lineNo++;

            // Table rows are most of a long document's lines: split them without materialising the line.
            if (lineSpan.StartsWith('|'))
            {
                rows ??= [];
                tableIndent = outline;
                var header = lineSpan.StartsWith("|!", StringComparison.Ordinal);
                rows.Add(new TableRow(header, SplitCells(lineSpan[(header ? 2 : 1)..])));
                continue;
            }
            // Rows produced by the rows helper continue the current table.
            if (lineSpan.StartsWith(".rows ", StringComparison.Ordinal)
                && int.TryParse(lineSpan[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var set)
                && rowSets is not null && set < rowSets.Count)
            {
                rows ??= [];
                tableIndent = outline;
                foreach (var cells in rowSets[set]) rows.Add(new TableRow(false, cells));
                continue;
            }
            var line = lineSpan.ToString();
            // Blank lines (left by {{ for }}/{{ if }} tags) do not end a table; any other line, including .table, does.
            if (line.Length == 0 || IsOnlyWhitespaceData(line)) continue;
            FlushTable();

            if (line[0] == '.')
            {
                var space = IndexOfTemplateSpace(line);
                var word = space < 0 ? line[1..] : line[1..space];
                var arg = space < 0 ? "" : line[(space + 1)..];
                switch (word)
                {
                    case "title":
                        // A title opens a document (or the next letter of a file of letters): its first paragraphs
                        // stand at the margin, not at the depth of the previous letter's last heading.
                        blocks.Add(new TitleBlock(Text(arg)));
                        outline = 0;
                        inArticle = false;
                        break;
                    case "subtitle": blocks.Add(new SubtitleBlock(Text(arg))); break;
                    case "center": blocks.Add(new ParagraphBlock(Text(arg), Align.Center, 0)); break;
                    case "right": blocks.Add(new ParagraphBlock(Text(arg), Align.Right, 0)); break;
                    case "left": blocks.Add(new ParagraphBlock(Text(arg), Align.Left, 0)); break;
                    case "heading":
                        blocks.Add(new PlainHeadingBlock(Text(arg)));
                        outline = 0;
                        inArticle = false;
                        break;
                    case "toc": blocks.Add(new TocBlock(arg.Length == 0 ? "目次" : Text(arg))); break;
                    case "pagebreak": blocks.Add(new PageBreakBlock()); break;
                    case "endcover":
                        if (blocks.OfType<CoverEndBlock>().Any()) errors.Add(new(lineNo, ".endcover は1つの文書に1回だけ使えます。", lineStart));
                        else blocks.Add(new CoverEndBlock());
                        break;
                    case "blank": blocks.Add(new BlankBlock()); break;
                    case "article":
                        var bar = IndexOfTemplateChar(arg, '|');
                        blocks.Add(bar < 0
                            ? new ArticleBlock(Text(arg), "")
                            : new ArticleBlock(Text(arg[..bar]), Text(arg[(bar + 1)..])));
                        inArticle = true;
                        break;
                    case "table":
                        widths = arg.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                            .Select(w => int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : 1).ToList();
                        break;
                    case "clause":
                        var id = Text(arg).Trim();
                        openClauses.Push((id, lineNo));
                        clauseStarts.Push(lineStart);
                        blocks.Add(new ClauseStartBlock(id));
                        break;
                    case "endclause":
                        if (openClauses.Count == 0) { errors.Add(new(lineNo, ".endclause に対応する .clause がありません。", lineStart)); break; }
                        blocks.Add(new ClauseEndBlock(openClauses.Pop().Id));
                        clauseStarts.Pop();
                        break;
                    default:
                        errors.Add(new(lineNo, $"不明な指示「.{Visible(word)}」です。", lineStart));
                        break;
                }
                continue;
            }

            if (line[0] == '#')
            {
                var level = CountPrefix(line, '#');
                if (level > 3) { errors.Add(new(lineNo, "見出しは ### (第3階層) までです。それより下は - の項目を使ってください。", lineStart)); level = 3; }
                blocks.Add(new HeadingBlock(level, Text(line[level..])));
                outline = level;
                inArticle = false;
                continue;
            }
            if (line[0] == '-')
            {
                var depth = CountPrefix(line, '-');
                var text = Text(line[depth..]);
                if (inArticle) blocks.Add(new ArticleItemBlock(Math.Min(depth, 4), text));
                else blocks.Add(new ItemBlock(Math.Min(outline + depth, 7), text));
                continue;
            }
            if (line[0] == '+' && inArticle)
            {
                blocks.Add(new ArticleParagraphBlock(Text(line[1..])));
                continue;
            }
            blocks.Add(new ParagraphBlock(Text(line), Align.Left, inArticle ? -1 : outline));
        }
        FlushTable();
        foreach (var ((id, line), offset) in openClauses.Zip(clauseStarts)) errors.Add(new(line, $"条項「{Visible(id)}」の .endclause がありません。", offset));
        return (blocks, errors);
    }

    /// <summary>Removes the data fences and the one separator space after a sigil.</summary>
    private static string Text(string s) => Text(s.AsSpan());

    private static string Text(ReadOnlySpan<char> span)
    {
        if (span.Length > 0 && span[0] == ' ') span = span[1..];
        if (span.IndexOfAny(TextSafety.DataStart, TextSafety.DataEnd) < 0) return span.Trim(' ').ToString();
        char[]? rented = null;
        var buffer = span.Length <= 256 ? stackalloc char[span.Length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(span.Length));
        var n = 0;
        foreach (var c in span)
        {
            if (c != TextSafety.DataStart && c != TextSafety.DataEnd) buffer[n++] = c;
        }
        var result = buffer[..n].Trim(' ').ToString();
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    private static string Visible(string s) => Text(s);

    private static bool IsOnlyWhitespaceData(string line)
    {
        foreach (var c in line)
        {
            if (c is not (' ' or '\t' or '\u3000' or TextSafety.DataStart or TextSafety.DataEnd)) return false;
        }
        return true;
    }

    private static int CountPrefix(string line, char c)
    {
        var n = 0;
        while (n < line.Length && line[n] == c) n++;
        return n;
    }

    private static int IndexOfTemplateSpace(string s) => IndexOfTemplateChar(s, ' ');

    /// <summary>Index of <paramref name="c"/> outside data fences, or -1.</summary>
    private static int IndexOfTemplateChar(string s, char c)
    {
        var depth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == TextSafety.DataStart) depth++;
            else if (s[i] == TextSafety.DataEnd) depth = Math.Max(0, depth - 1);
            else if (depth == 0 && s[i] == c) return i;
        }
        return -1;
    }

    private static List<string> SplitCells(ReadOnlySpan<char> span)
    {
        var cells = new List<string>(8);
        var depth = 0;
        var from = 0;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c == TextSafety.DataStart) depth++;
            else if (c == TextSafety.DataEnd) depth = Math.Max(0, depth - 1);
            else if (depth == 0 && c == '|')
            {
                cells.Add(Text(span[from..i].Trim(' ')));
                from = i + 1;
            }
        }
        var last = span[from..].Trim(' ');
        if (last.Length > 0) cells.Add(Text(last)); // a row may omit its closing bar
        return cells;
    }
}
