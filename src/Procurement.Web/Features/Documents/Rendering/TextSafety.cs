using System.Text;

namespace Procurement.Features.Documents.Rendering;

/// <summary>
/// Makes any user text safe to put into WordprocessingML. The OpenXML SDK escapes &lt;&amp;&gt; itself, but
/// characters outside XML 1.0 (control characters, U+FFFE/FFFF, lone surrogates) make the save throw, which would
/// fail the whole download for one bad character pasted from another system.
/// </summary>
public static class TextSafety
{
    /// <summary>Longest value kept from one field. Longer text is cut with a visible note rather than silently.</summary>
    public const int MaxValueLength = 20_000;

    /// <summary>Line break inside a paragraph (user text's \n): becomes w:br. U+2028 is Unicode's own "line separator".</summary>
    public const char LineBreak = '\u2028';

    /// <summary>Start/end of text that came from data rather than the template (noncharacters: never legitimate in interchange).</summary>
    public const char DataStart = '\uFDD0';
    public const char DataEnd = '\uFDD1';

    /// <summary>
    /// Removes what XML 1.0 forbids, replaces lone surrogates with U+FFFD, maps CR LF / CR / U+2029 to one line break,
    /// keeps tabs, emoji and CJK Extension B (valid surrogate pairs) untouched.
    /// </summary>
    public static string Clean(string? text, int maxLength = MaxValueLength)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (IsAlreadyClean(text) && text.Length <= maxLength) return text;

        var sb = new StringBuilder(Math.Min(text.Length, maxLength) + 32);
        var kept = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (kept >= maxLength)
            {
                sb.Append("（以下、").Append((text.Length - i).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("文字省略）");
                break;
            }
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(c).Append(text[i + 1]);
                    i++;
                    kept += 2;
                }
                else { sb.Append('\uFFFD'); kept++; }
                continue;
            }
            if (char.IsLowSurrogate(c)) { sb.Append('\uFFFD'); kept++; continue; }
            switch (c)
            {
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    sb.Append('\n');
                    break;
                case '\n' or '\t':
                    sb.Append(c);
                    break;
                case '\u2028' or '\u2029':
                    sb.Append('\n');
                    break;
                case < ' ' or '\uFFFE' or '\uFFFF' or DataStart or DataEnd:
                    continue; // dropped: not representable in XML 1.0, or our own markers
                default:
                    sb.Append(c);
                    break;
            }
            kept++;
        }
        return sb.ToString();
    }

    // Everything Clean may change, except surrogates (checked as a range): vectorised search keeps clean text cheap.
    private static readonly System.Buffers.SearchValues<char> Suspicious = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0x20).Where(c => c is not ('\n' or '\t')).Select(c => (char)c)
            .Concat(['\u2028', '\u2029', '\uFFFE', '\uFFFF', DataStart, DataEnd]).ToArray());

    private static bool IsAlreadyClean(string text) =>
        text.AsSpan().IndexOfAny(Suspicious) < 0 && text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0;

    /// <summary>Clean text wrapped as data for the markup parser: line breaks cannot end a markup line, sigils cannot start one.</summary>
    public static string AsData(string? text)
    {
        var clean = Clean(text);
        return string.Concat(DataStart.ToString(), clean.Replace('\n', LineBreak), DataEnd.ToString());
    }
}
