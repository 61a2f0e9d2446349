using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Procurement.Features.Documents.Rendering;

/// <summary>
/// Puts page numbers into the table of contents for LibreOffice's PDF export: reads where each heading landed in a
/// first PDF (text per page) and writes the number into the PAGEREF placeholders <see cref="BodyWriter"/> left.
/// </summary>
public static partial class TocPages
{
    public static bool HasToc(byte[] docx) => ReadDocument(docx)?.Contains("PAGEREF _Toc", StringComparison.Ordinal) == true;

    /// <summary>The .docx with page numbers filled in, or null when nothing could be placed.</summary>
    public static byte[]? Fill(byte[] docx, IReadOnlyList<string> pages)
    {
        var xml = ReadDocument(docx);
        if (xml is null || pages.Count == 0) return null;
        var entries = EntryPattern().Matches(xml).Select(m =>
        {
            var full = StripTags(m.Groups["text"].Value);
            var space = full.IndexOf('\u3000', StringComparison.Ordinal);
            // PDF text may put a list label and its heading on different lines: the heading alone is the fallback.
            return (Bookmark: m.Groups["bm"].Value, Text: Normalize(full), Heading: Normalize(space < 0 ? full : full[(space + 1)..]));
        }).ToList();
        if (entries.Count == 0) return null;
        var normalizedPages = pages.Select(Normalize).ToList();
        // A cover page is a section of its own before the body, whose page numbers start at 1 after it.
        var coverPages = HasCover(xml) ? 1 : 0;

        // The table of contents itself lists every heading: search the body only, from the page after its last entry.
        var tocEnd = normalizedPages.FindIndex(p => p.Contains(entries[^1].Text, StringComparison.Ordinal));
        var from = tocEnd < 0 ? 0 : tocEnd + 1;
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (bookmark, text, heading) in entries)
        {
            var page = -1;
            foreach (var candidate in new[] { text, heading })
            {
                for (var i = from; i < normalizedPages.Count && page < 0; i++)
                {
                    if (normalizedPages[i].Contains(candidate, StringComparison.Ordinal)) page = i;
                }
                if (page >= 0) break;
            }
            if (page < 0) continue;
            numbers[bookmark] = page + 1 - coverPages;
            from = page;
        }
        if (numbers.Count == 0) return null;

        var patched = PlaceholderPattern().Replace(xml, m =>
            numbers.TryGetValue(m.Groups["bm"].Value, out var n)
                ? m.Groups["head"].Value + $"<w:r><w:t>{n}</w:t></w:r>"
                : m.Value);
        return Replace(docx, patched);
    }

    /// <summary>The first section ends inside the body (a section break paragraph) and names no page header: a cover.</summary>
    private static bool HasCover(string xml)
    {
        var start = xml.IndexOf("<w:sectPr", StringComparison.Ordinal);
        if (start < 0) return false;
        var end = xml.IndexOf("</w:sectPr>", start, StringComparison.Ordinal);
        return end > 0 && xml.IndexOf("</w:body>", start, StringComparison.Ordinal) > end + 20
            && !xml.AsSpan(start, end - start).Contains("headerReference", StringComparison.Ordinal);
    }

    private static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c) && c != '\u3000') sb.Append(c);
        }
        return sb.ToString();
    }

    private static string StripTags(string xml) => System.Net.WebUtility.HtmlDecode(TagPattern().Replace(xml, ""));

    private static string? ReadDocument(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read);
        var entry = zip.GetEntry("word/document.xml");
        if (entry is null) return null;
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static byte[] Replace(byte[] docx, string documentXml)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, DocxWriter.Compression);
                using var to = copy.Open();
                if (entry.FullName == "word/document.xml") to.Write(Encoding.UTF8.GetBytes(documentXml));
                else
                {
                    using var from = entry.Open();
                    from.CopyTo(to);
                }
            }
        }
        return output.ToArray();
    }

    // <w:hyperlink w:anchor="_Toc00001" …><w:r><w:t …>第1　調達案件の概要</w:t></w:r>
    [GeneratedRegex("<w:hyperlink w:anchor=\"(?<bm>_Toc\\d+)\"[^>]*><w:r>(?<text>.*?)</w:r>", RegexOptions.Singleline)]
    private static partial Regex EntryPattern();

    // … PAGEREF _Toc00001 \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate" /></w:r><w:r />
    // … followed by the estimated number the writer put there (<w:r><w:t …>3</w:t></w:r>) or an empty run.
    [GeneratedRegex("(?<head>PAGEREF (?<bm>_Toc\\d+) \\\\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"\\s*/></w:r>)(?:<w:r\\s*/>|<w:r><w:t[^>]*>\\d*</w:t></w:r>)")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
