using System.Text;

namespace Procurement.Features.Contracts.Drafting;

/// <summary>The three drafts of the dossier: their titles, file names, URL slugs and the document template each is rendered from.</summary>
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

    /// <summary>The folder under document-templates/ the draft is rendered from.</summary>
    public static string TemplateId(DraftDocumentKind kind) => kind switch
    {
        DraftDocumentKind.Contract => "contract",
        DraftDocumentKind.Sla => "sla",
        DraftDocumentKind.PersonalInfo => "privacy-clauses",
        _ => kind.ToString(),
    };

    public static string FileName(DraftDocumentKind kind, int version, string? member = null) =>
        member is null ? $"{FileStem(kind)}_第{version}版.docx" : $"{FileStem(kind)}_{member}_第{version}版.docx";

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
