using System.IO.Compression;
using System.Text;

namespace Procurement.Features.Vendors.Files;

/// <summary>
/// Decides what an upload is from its bytes. An extension proves nothing: a renamed executable or an
/// arbitrary ZIP must not reach the committee as a "PDF" or "Word" file. Macro-enabled Office files
/// (.docm/.xlsm) declare a different main content type and are refused too.
/// </summary>
public static class FileContent
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    private const string DocxMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string XlsxMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    public static VendorFileKind? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(PdfMagic)) return VendorFileKind.Pdf;
        if (!content.StartsWith(ZipMagic)) return null;
        return DetectOfficeContainer(content.ToArray());
    }

    private static VendorFileKind? DetectOfficeContainer(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > 1_000_000) return null;
            string xml;
            using (var reader = new StreamReader(types.Open(), Encoding.UTF8)) xml = reader.ReadToEnd();
            if (zip.GetEntry("word/document.xml") is not null && xml.Contains(DocxMain, StringComparison.Ordinal)) return VendorFileKind.Docx;
            if (zip.GetEntry("xl/workbook.xml") is not null && xml.Contains(XlsxMain, StringComparison.Ordinal)) return VendorFileKind.Xlsx;
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public static string ExtensionOf(VendorFileKind kind) => kind switch
    {
        VendorFileKind.Pdf => ".pdf",
        VendorFileKind.Docx => ".docx",
        VendorFileKind.Xlsx => ".xlsx",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string ContentTypeOf(VendorFileKind kind) => kind switch
    {
        VendorFileKind.Pdf => "application/pdf",
        VendorFileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        VendorFileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
}
