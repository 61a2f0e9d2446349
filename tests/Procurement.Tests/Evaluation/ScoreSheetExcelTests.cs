using MiniExcelLibs;
using Procurement.Features.Evaluation.Committee;
using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Infrastructure.Validation;
using static Procurement.Tests.Evaluation.EvaluationHarness;

using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Evaluation;

[Trait("Lane", "Fast")]
public sealed class ScoreSheetExcelTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private EvaluationHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await shared.EvaluationAsync();
        await _h.SetUpCommitteeAsync();
        await _h.Send("member1", new DeclareConflictOfInterest(_h.CaseId, [], ""));
        await _h.Send("member1", new SaveScoreDraft(_h.CaseId, [new ScoreEntry(VendorA, "1-1", 3, "説明が具体的")]));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    /// <summary>Reads the exported file as rows of cells keyed by column letter.</summary>
    private static List<Dictionary<string, object?>> Rows(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r)).ToList();
    }

    private static byte[] Write(List<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    [Fact]
    public async Task The_export_lists_items_by_row_and_vendors_by_column_and_imports_back()
    {
        var rows = Rows(await _h.Query("member1", q => q.ExportMySheetAsync(_h.CaseId)));

        Assert.Equal("項目番号", rows[0]["A"]);
        Assert.Equal(("甲システム株式会社", "乙情報サービス株式会社"), (rows[0]["F"], rows[0]["G"]));
        Assert.Equal(VendorA.ToString("N"), rows[1]["F"]);
        Assert.Equal(("1-1", "5段階（0〜5）"), (rows[2]["A"], rows[2]["E"]));
        Assert.Equal(3d, Convert.ToDouble(rows[2]["F"], System.Globalization.CultureInfo.InvariantCulture));

        rows[2]["G"] = 4;     // B 1-1
        rows[3]["F"] = 42.5;  // A 1-2
        rows[3]["G"] = "40";  // B 1-2, typed as text
        await _h.Send("member1", new ImportScoreSheet(_h.CaseId, Write(rows)));

        var sheet = await _h.Query("member1", q => q.GetMySheetAsync(_h.CaseId));
        var cells = sheet.Cells.ToDictionary(c => (c.VendorId, c.ItemId));
        Assert.Equal((3m, "説明が具体的"), (cells[(VendorA, "1-1")].Mark, cells[(VendorA, "1-1")].Comment));
        Assert.Equal(42.5m, cells[(VendorA, "1-2")].Mark);
        Assert.Equal(4m, cells[(VendorB, "1-1")].Mark);
        Assert.Equal(40m, cells[(VendorB, "1-2")].Mark);
        var history = await _h.Query("member1", q => q.GetScoreHistoryAsync(_h.CaseId, sheet.MemberId));
        Assert.Equal(3, history.Count(e => e.What == "Excel取込"));
    }

    [Fact]
    public async Task An_import_with_a_wrong_value_item_or_vendor_names_each_cell_and_saves_nothing()
    {
        var rows = Rows(await _h.Query("member1", q => q.ExportMySheetAsync(_h.CaseId)));
        rows[2]["G"] = 7;                                  // out of range, but column G's vendor id is wrong: reported once as G2
        rows[3]["F"] = 51;                                 // F4: above 配点 50
        rows.Add(new() { ["A"] = "9-9", ["B"] = "", ["C"] = "", ["D"] = "", ["E"] = "", ["F"] = 1, ["G"] = 1 }); // A5: unknown item
        rows[1]["G"] = Guid.NewGuid().ToString("N");       // G2: not a vendor of this evaluation
        var before = await _h.Query("member1", q => q.GetMySheetAsync(_h.CaseId));

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => _h.Send("member1", new ImportScoreSheet(_h.CaseId, Write(rows))));

        Assert.Equal(
            ["G2: 事業者IDが評価対象の事業者と一致しません", "F4: 評価は0〜50の数値で入力してください", "A5: 項目番号「9-9」は評価基準にありません"],
            refused.Message.Split('\n'));
        var after = await _h.Query("member1", q => q.GetMySheetAsync(_h.CaseId));
        Assert.Equal(before.Version, after.Version);
        Assert.Single(after.Cells);
    }

    [Fact]
    public async Task An_out_of_range_five_level_mark_names_its_cell()
    {
        var rows = Rows(await _h.Query("member1", q => q.ExportMySheetAsync(_h.CaseId)));
        rows[2]["G"] = 6;

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => _h.Send("member1", new ImportScoreSheet(_h.CaseId, Write(rows))));

        Assert.Equal("G3: 評価は0〜5の整数で入力してください", refused.Message);
    }

    [Fact]
    public async Task A_sheet_of_half_a_million_rows_is_refused_naming_the_limit_and_saves_nothing()
    {
        var file = Uploads.CraftedFiles.Workbook("A1:F500002", sheet =>
        {
            Uploads.CraftedFiles.Row(sheet, 1, ("A", "項目番号"));
            Uploads.CraftedFiles.Row(sheet, 2, ("A", "事業者ID"), ("F", VendorA.ToString("N")));
            for (var r = 3; r <= 500_002; r++) Uploads.CraftedFiles.Row(sheet, r, ("B", "x"));
        });

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => _h.Send("member1", new ImportScoreSheet(_h.CaseId, file)));

        Assert.Equal("行数が多すぎます（1000行まで）。", refused.Message);
        Assert.Single((await _h.Query("member1", q => q.GetMySheetAsync(_h.CaseId))).Cells);
    }

    [Fact]
    public async Task An_exported_sheet_carrying_a_zip_bomb_is_refused()
    {
        var export = await _h.Query("member1", q => q.ExportMySheetAsync(_h.CaseId));

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            _h.Send("member1", new ImportScoreSheet(_h.CaseId, Uploads.CraftedFiles.WithZeros(export, 50, "xl/media/padding.bin"))));

        Assert.Equal("圧縮率が100倍を超える部分を含むため、受け付けられません（圧縮爆弾の疑い）。", refused.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_the_sheet_is_refused()
    {
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => _h.Send("member1", new ImportScoreSheet(_h.CaseId, "not excel"u8.ToArray())));

        Assert.Equal("Excelファイル（.xlsx）として読み取れません。", refused.Message);
    }
}
