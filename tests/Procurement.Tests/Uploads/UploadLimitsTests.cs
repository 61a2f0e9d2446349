using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using Microsoft.Extensions.Options;
using Procurement.Features.FitGap;
using Procurement.Features.SlaOperation;
using Procurement.Features.Survey;
using Procurement.Features.Vendors;
using Procurement.Features.Vendors.Files;
using Procurement.Infrastructure.Database;
using Procurement.Infrastructure.Localization;
using Procurement.Infrastructure.Uploads;
using Procurement.Tests.Vendors;
using static Procurement.Tests.Uploads.CraftedFiles;

namespace Procurement.Tests.Uploads;

/// <summary>Every way a file enters the app refuses zip bombs and stops reading rows at its cap, with a message that names the limit.</summary>
public sealed partial class UploadLimitsTests
{
    private const string Bomb = "圧縮率が100倍を超える部分を含むため、受け付けられません（圧縮爆弾の疑い）。";
    private const string Expands = "展開後の合計サイズが100MBを超えるため、受け付けられません。";

    private static readonly UiText T = new();

    /// <summary>Half a million rows written compactly: well under the 5 MB upload limit, as the reported file was.</summary>
    private static byte[] HalfAMillionRows(params (string Column, string Value)[] header) => Workbook("A1:B500001", sheet =>
    {
        Row(sheet, 1, header);
        for (var r = 2; r <= 500_001; r++) Row(sheet, r, ("B", "x"));
    });

    [Fact]
    public void Genuine_office_files_and_other_content_pass_the_zip_check()
    {
        Assert.Null(ZipBombGuard.Check(VendorTestKit.Docx()));
        Assert.Null(ZipBombGuard.Check(VendorTestKit.Xlsx()));
        Assert.Null(ZipBombGuard.Check(VendorTestKit.Pdf()));
        Assert.Null(ZipBombGuard.Check("PK\x03\x04 but no archive"u8.ToArray()));
        Assert.Null(ZipBombGuard.Check(SurveyWorkbook.Export([])));
    }

    [Fact]
    public void A_part_that_inflates_a_thousandfold_is_refused_though_the_file_is_otherwise_a_real_document()
    {
        var bomb = WithZeros(VendorTestKit.Docx(), megabytes: 50);

        Assert.True(bomb.Length < 200 * 1024, $"{bomb.Length} bytes");
        Assert.Equal(VendorFileKind.Docx, FileContent.Detect(bomb)); // what the content check alone would accept
        Assert.Equal(Bomb, ZipBombGuard.Check(bomb)!.Say(T));
    }

    [Fact]
    public void Many_small_parts_that_together_expand_past_the_limit_are_refused()
    {
        var bomb = WithManySmallParts(VendorTestKit.Xlsx(), count: 101, bytesEach: 1024 * 1024 - 1);

        Assert.Equal(Expands, ZipBombGuard.Check(bomb)!.Say(T));
    }

    [Fact]
    public void A_directory_of_more_entries_than_any_office_file_has_is_refused_before_it_is_read()
    {
        Assert.Equal("ファイル内の部品が10000個を超えるため、受け付けられません。", ZipBombGuard.Check(WithEmptyParts(VendorTestKit.Docx(), 10_001))!.Say(T));
        Assert.Null(ZipBombGuard.Check(WithEmptyParts(VendorTestKit.Docx(), 100)));
    }

    [Fact]
    public void The_check_leaves_the_stream_where_it_was()
    {
        using var stream = new MemoryStream(WithZeros(VendorTestKit.Xlsx(), 20));
        stream.Position = 0;

        Assert.NotNull(ZipBombGuard.Check(stream));
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void A_vendor_upload_that_is_a_zip_bomb_is_refused_with_its_name()
    {
        var validator = new UploadedFileValidator(T, Options.Create(new VendorFileOptions { MaxFileMegabytes = 1 }));

        var ratio = validator.Validate(new UploadedFile("提案書.docx", WithZeros(VendorTestKit.Docx(), 50)));
        var size = validator.Validate(new UploadedFile("価格.xlsx", WithManySmallParts(VendorTestKit.Xlsx(), 101, 1024 * 1024 - 1), PriceEnvelope: true));

        Assert.Equal([$"提案書.docx: {Bomb}"], ratio.Errors.Select(e => e.ErrorMessage));
        Assert.Equal([$"価格.xlsx: {Expands}"], size.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void An_sla_report_that_is_a_zip_bomb_is_refused()
    {
        var validator = new RecordSlaMeasurementsValidator(T);
        var command = new RecordSlaMeasurementsCommand(Guid.NewGuid(), new DateOnly(2028, 4, 1), 1,
            [new ItemMeasurement("k", "稼働率", "99.9%", true, "")], new ReportUpload("報告書.xlsx", WithZeros(VendorTestKit.Xlsx(), 50, "xl/media/padding.bin")));

        Assert.Equal([$"報告書ファイル: {Bomb}"], validator.Validate(command).Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void Reading_stops_at_the_first_row_past_the_cap()
    {
        // Row 13 is followed by broken XML: reading on would throw. Capped at 10 rows, the reader never gets there.
        var file = Workbook("A1:B20", sheet =>
        {
            for (var r = 1; r <= 13; r++) Row(sheet, r, ("A", "行"));
            sheet.Append("<row r=\"14\"><c r=\"A14\" t=\"inlineStr\"><is><t>broken</t></is></c></row><<<");
        });

        var capped = ExcelUpload.Read(new MemoryStream(file), useHeaderRow: false, headerRows: 2, maxRows: 10, maxColumns: 5);

        Assert.Equal("行数が多すぎます（10行まで）。", capped.Refusal!.Say(T));
        Assert.Empty(capped.Items);
        Assert.ThrowsAny<XmlException>(() => ExcelUpload.Read(new MemoryStream(file), useHeaderRow: false, headerRows: 0, maxRows: 100, maxColumns: 5));
    }

    [Fact]
    public void A_tiny_file_that_declares_the_whole_grid_is_refused_at_the_cap()
    {
        // A few hundred bytes: every column of the sheet and one cell in its last row. MiniExcel fills the rows in between.
        var file = Workbook("A1:XFD1048576", sheet => Row(sheet, 1_048_576, ("XFD", "x")));

        var read = ExcelUpload.Read(new MemoryStream(file), useHeaderRow: false, headerRows: 0, maxRows: 2000, maxColumns: 26);

        Assert.True(file.Length < 2048, $"{file.Length} bytes");
        Assert.Equal("行数が多すぎます（2000行まで）。", read.Refusal!.Say(T));
    }

    [Fact]
    public void Rows_within_the_cap_are_read_up_to_the_columns_asked_for()
    {
        var file = Workbook("A1:XFD3", sheet =>
        {
            Row(sheet, 1, ("A", "見出し"), ("C", "右"));
            Row(sheet, 2, ("A", "1"), ("XFD", "遠く"));
        });

        var read = ExcelUpload.Read(new MemoryStream(file), useHeaderRow: false, headerRows: 0, maxRows: 10, maxColumns: 3);

        Assert.Null(read.Refusal);
        Assert.Equal(2, read.Items.Count);
        Assert.Equal(["A", "B", "C"], read.Items[0].Keys);
        Assert.Equal(("見出し", "右", "1"), (read.Items[0]["A"], read.Items[0]["C"], read.Items[1]["A"]));
    }

    [Fact]
    public void The_survey_import_refuses_half_a_million_rows_and_a_bomb()
    {
        var header = SurveyWorkbook.Columns.Select((c, i) => (ExcelUpload.ColumnName(i), c)).ToArray();
        var rows = HalfAMillionRows(header);

        Assert.True(rows.Length < 5 * 1024 * 1024, $"{rows.Length} bytes");
        Assert.Equal(["行数が多すぎます（2000行まで）。"], SurveyWorkbook.Import(new MemoryStream(rows), ["豊丘村"], T).Errors);
        Assert.Equal([Bomb], SurveyWorkbook.Import(new MemoryStream(WithZeros(SurveyWorkbook.Export([]), 50, "xl/media/padding.bin")), ["豊丘村"], T).Errors);
    }

    [Fact]
    public void The_function_list_import_refuses_too_many_rows_in_excel_and_csv_and_a_bomb()
    {
        var header = FunctionListFile.Columns.Select((c, i) => (ExcelUpload.ColumnName(i), c)).ToArray();
        var csv = new StringBuilder(string.Join(",", FunctionListFile.Columns)).Append('\n');
        for (var i = 0; i < 500_000; i++) csv.Append('F').Append(i).Append(",区分,機能,機能\n");

        Assert.Equal(["行数が多すぎます（5000行まで）。"], FunctionListFile.Parse(new MemoryStream(HalfAMillionRows(header)), "list.xlsx", T).Errors);
        Assert.Equal(["行数が多すぎます（5000行まで）。"], FunctionListFile.Parse(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "list.csv", T).Errors);
        Assert.Equal([Bomb], FunctionListFile.Parse(new MemoryStream(WithZeros(VendorTestKit.Xlsx(), 50, "xl/media/padding.bin")), "list.xlsx", T).Errors);
    }

    [Fact]
    public void Every_refusal_template_has_an_English_entry_with_the_same_placeholders()
    {
        var root = Path.Combine(RepositoryPaths.FindRoot(AppContext.BaseDirectory)!, "src", "Procurement.Web");
        var english = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(root, "Resources", "en.json")))!;

        foreach (var template in ZipBombGuard.Templates.Append(ExcelUpload.TooManyRows))
        {
            Assert.True(english.TryGetValue(template, out var en), template);
            Assert.Equal(Placeholder().Matches(template).Select(m => m.Value), Placeholder().Matches(en).Select(m => m.Value));
        }
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
