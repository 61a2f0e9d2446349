using Microsoft.Extensions.Options;
using Procurement.Features.Vendors;
using Procurement.Features.Vendors.Files;
using Procurement.Infrastructure.Localization;

namespace Procurement.Tests.Vendors;

[Trait("Lane", "Fast")]
public sealed class FileContentTests
{
    [Fact]
    public void Pdf_word_and_excel_are_recognised_by_their_bytes()
    {
        Assert.Equal(VendorFileKind.Pdf, FileContent.Detect(VendorTestKit.Pdf()));
        Assert.Equal(VendorFileKind.Docx, FileContent.Detect(VendorTestKit.Docx()));
        Assert.Equal(VendorFileKind.Xlsx, FileContent.Detect(VendorTestKit.Xlsx()));
    }

    [Fact]
    public void Executables_plain_zips_and_text_are_not_documents()
    {
        Assert.Null(FileContent.Detect(VendorTestKit.Exe()));
        Assert.Null(FileContent.Detect(VendorTestKit.PlainZip()));
        Assert.Null(FileContent.Detect("just text"u8));
        Assert.Null(FileContent.Detect([0x50, 0x4B, 0x03, 0x04, 0x00])); // a ZIP header with nothing behind it
    }

    private static readonly UploadedFileValidator Validator = new(new UiText(), Options.Create(new VendorFileOptions { MaxFileMegabytes = 1 }));

    [Theory]
    [InlineData("提案書.pdf", "exe", "提案書.pdf はPDF・Word（.docx）・Excel（.xlsx）のいずれでもないか、拡張子と中身が一致しません。")]
    [InlineData("提案書.docx", "zip", "提案書.docx はPDF・Word（.docx）・Excel（.xlsx）のいずれでもないか、拡張子と中身が一致しません。")]
    [InlineData("提案書.xlsx", "docx", "提案書.xlsx はPDF・Word（.docx）・Excel（.xlsx）のいずれでもないか、拡張子と中身が一致しません。")]
    [InlineData("空.pdf", "empty", "空.pdf は空のファイルです。")]
    [InlineData("大きい.pdf", "big", "大きい.pdf は1MBを超えています（1ファイル1MBまで）。")]
    public void Bad_uploads_get_a_message_naming_the_file(string name, string kind, string message)
    {
        var bytes = kind switch
        {
            "exe" => VendorTestKit.Exe(),
            "zip" => VendorTestKit.PlainZip(),
            "docx" => VendorTestKit.Docx(),
            "empty" => [],
            _ => [.. VendorTestKit.Pdf(), .. new byte[1024 * 1024]],
        };

        var result = Validator.Validate(new UploadedFile(name, bytes));

        Assert.Equal([message], result.Errors.Select(e => e.ErrorMessage));
    }

    [Theory]
    [InlineData("a.pdf", "pdf")]
    [InlineData("B.DOCX", "docx")]
    [InlineData("価格.xlsx", "xlsx")]
    public void Good_uploads_pass(string name, string kind)
    {
        var bytes = kind switch { "pdf" => VendorTestKit.Pdf(), "docx" => VendorTestKit.Docx(), _ => VendorTestKit.Xlsx() };
        Assert.True(Validator.Validate(new UploadedFile(name, bytes)).IsValid);
    }
}
