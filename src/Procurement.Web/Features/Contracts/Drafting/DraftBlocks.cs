using System.Text;

namespace Procurement.Features.Contracts.Drafting;

// The intermediate form between clause data and Word: a flat list of blocks. The same list gives the DOCX, the
// plain text the diff compares and the mandatory-clause check, so the three can never disagree. When the Scriban
// engine of issue 4 lands, it replaces ClauseLibrary + DraftComposer and keeps producing these blocks.

public abstract record DocBlock(string? ClauseId);

/// <summary>An article heading (第N条（見出し）) or a section heading; level 1 appears in the navigation pane.</summary>
public sealed record HeadingBlock(int Level, string Text, string? ClauseId) : DocBlock(ClauseId);

public enum BlockAlign
{
    Left,
    Center,
    Right,
}

/// <summary>Body text; <see cref="Indent"/> counts full-width characters (1 = 項, 2 = 号).</summary>
public sealed record ParagraphBlock(string Text, string? ClauseId, BlockAlign Align = BlockAlign.Left, int Indent = 0, bool Hanging = false)
    : DocBlock(ClauseId);

/// <summary>A table whose first row repeats on every page; widths are relative weights.</summary>
public sealed record TableBlock(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<int> Widths, string? ClauseId)
    : DocBlock(ClauseId);

public sealed record DraftDocument(DraftDocumentKind Kind, string Title, string Subtitle, int Version, IReadOnlyList<DocBlock> Blocks)
{
    public string VersionLabel => $"第{Version}版（案）";

    public string FileName => $"{DraftKinds.FileStem(Kind)}_第{Version}版.docx";

    /// <summary>Every clause in order with the heading legal staff see (第N条（…）, or the clause title for 前文 and 末文).</summary>
    public IReadOnlyList<(string ClauseId, string Heading)> ClauseHeadings() =>
        Blocks.Where(b => b.ClauseId is not null).Select(b => b.ClauseId!).Distinct()
            .Select(id => (id, Blocks.OfType<HeadingBlock>().FirstOrDefault(h => h.ClauseId == id)?.Text
                ?? ClauseLibrary.All.FirstOrDefault(c => c.Id == id)?.Title ?? id))
            .ToList();

    /// <summary>The text of each clause, for the review page where comments sit under the clause they are about.</summary>
    public IReadOnlyList<(string ClauseId, string Heading, string Text)> ClauseTexts() =>
        ClauseHeadings().Select(c => (c.ClauseId, c.Heading, new DraftDocument(Kind, Title, Subtitle, Version,
            Blocks.Where(b => b.ClauseId == c.ClauseId && b is not HeadingBlock).ToList()).ToPlainText().Split('\n', 2)[1].Trim('\n'))).ToList();

    /// <summary>What the diff compares: one line per paragraph or table row, in reading order.</summary>
    public string ToPlainText()
    {
        var text = new StringBuilder();
        text.Append("■ ").Append(Title).Append('\n');
        foreach (var block in Blocks)
        {
            switch (block)
            {
                case HeadingBlock h: text.Append(h.Text).Append('\n'); break;
                case ParagraphBlock p: text.Append(new string('　', p.Indent)).Append(p.Text.Replace("\r", "", StringComparison.Ordinal)).Append('\n'); break;
                case TableBlock t:
                    text.Append(string.Join(" | ", t.Header)).Append('\n');
                    foreach (var row in t.Rows) text.Append(string.Join(" | ", row).Replace("\n", " ", StringComparison.Ordinal)).Append('\n');
                    break;
            }
        }
        return text.ToString();
    }
}

public static class DraftKinds
{
    public static readonly IReadOnlyList<DraftDocumentKind> All = [DraftDocumentKind.Contract, DraftDocumentKind.Sla, DraftDocumentKind.PersonalInfo];

    public static string Title(DraftDocumentKind kind) => kind switch
    {
        DraftDocumentKind.Contract => "契約書（案）",
        DraftDocumentKind.Sla => "SLA合意書（案）",
        DraftDocumentKind.PersonalInfo => "個人情報取扱特記事項",
        _ => kind.ToString(),
    };

    public static string FileStem(DraftDocumentKind kind) => kind switch
    {
        DraftDocumentKind.Contract => "契約書案",
        DraftDocumentKind.Sla => "SLA合意書案",
        DraftDocumentKind.PersonalInfo => "個人情報取扱特記事項",
        _ => kind.ToString(),
    };

    public static string Slug(DraftDocumentKind kind) => kind switch
    {
        DraftDocumentKind.Contract => "contract",
        DraftDocumentKind.Sla => "sla",
        DraftDocumentKind.PersonalInfo => "privacy",
        _ => kind.ToString(),
    };

    public static DraftDocumentKind? FromSlug(string? slug) => All.Cast<DraftDocumentKind?>().FirstOrDefault(k => Slug(k!.Value) == slug);
}

/// <summary>
/// XML 1.0 allows tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and paired surrogates; anything
/// else makes the SDK throw at save time, so one stray control character would break the whole download.
/// </summary>
public static class XmlText
{
    public static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>True when the text has characters users cannot type on purpose (control characters, lone surrogates, U+FFFE/U+FFFF).</summary>
    public static bool HasInvalidCharacters(string? text) => !string.IsNullOrEmpty(text) && Sanitize(text).Length != text.Length;
}
