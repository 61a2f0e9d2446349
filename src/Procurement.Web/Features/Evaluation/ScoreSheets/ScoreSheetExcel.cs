using MiniExcelLibs;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Infrastructure.Uploads;

namespace Procurement.Features.Evaluation.ScoreSheets;

/// <summary>
/// A member's sheet as .xlsx for committees that score on paper or in Excel: one row per item, one column per
/// vendor; row 2 carries the vendor ids so a renamed column header cannot move scores to another vendor.
/// </summary>
public static class ScoreSheetExcel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const int FirstVendorColumn = 5; // F
    private const int FirstItemRow = 3;

    /// <summary>Item rows read from an upload (below the two heading rows); criteria have tens of items.</summary>
    public const int MaxItemRows = 1000;

    /// <summary>
    /// Columns read beyond the exported ones (A–E, then one per vendor): room for a column the member inserted. Reading
    /// costs rows × columns however empty the cells are, so the width follows the evaluation rather than the file.
    /// </summary>
    private const int SpareColumns = 10;

    public static byte[] Export(EvaluationView view, ScoreSheetView sheet, Guid memberId)
    {
        var vendors = VendorsFor(view, memberId);
        var rows = new List<Dictionary<string, object?>>
        {
            Row(["項目番号", "区分", "評価項目", "配点", "尺度", .. vendors.Select(v => (object?)v.Name)]),
            Row(["事業者ID", "", "", "", "", .. vendors.Select(v => (object?)v.VendorId.ToString("N"))]),
        };
        foreach (var category in view.ScoredCriteria)
        {
            foreach (var item in category.Items)
            {
                rows.Add(Row([item.Id, category.Name, item.Name, item.MaxPoints, ScaleHint(item),
                    .. vendors.Select(v => sheet.MarkFor(v.VendorId, item.Id) is { } mark ? CellValue(item, mark) : null)]));
            }
        }
        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: false, sheetName: "採点表", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>Every problem with its cell (e.g. 「G7: 評価は0〜5の整数で入力してください」); entries only when there is none.</summary>
    public static (IReadOnlyList<ScoreEntry> Entries, IReadOnlyList<string> Errors) Read(EvaluationView view, ScoreSheetView sheet, Guid memberId, Stream content)
    {
        IReadOnlyList<IDictionary<string, object?>> rows;
        try
        {
            var read = ExcelUpload.Read(content, useHeaderRow: false, headerRows: 2, maxRows: MaxItemRows,
                maxColumns: FirstVendorColumn + VendorsFor(view, memberId).Count + SpareColumns);
            if (read.Refusal is { } refusal) return ([], [refusal.Say(EvaluationText.T)]);
            rows = read.Items;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or FormatException or System.Xml.XmlException)
        {
            return ([], ["Excelファイル（.xlsx）として読み取れません。"]);
        }

        var errors = new List<string>();
        if (rows.Count < 2 || Text(rows[0], "A") != "項目番号" || Text(rows[1], "A") != "事業者ID")
        {
            return ([], ["A1: この採点表の様式ではありません。エクスポートした採点表に入力してください。"]);
        }

        var allowed = VendorsFor(view, memberId).ToDictionary(v => v.VendorId.ToString("N"), v => v.VendorId, StringComparer.OrdinalIgnoreCase);
        var columns = new List<(string Column, Guid VendorId)>();
        foreach (var (column, _) in rows[1].Where(kv => ColumnIndex(kv.Key) >= FirstVendorColumn).OrderBy(kv => ColumnIndex(kv.Key)))
        {
            var id = Text(rows[1], column);
            if (id.Length == 0) continue;
            if (allowed.TryGetValue(id, out var vendorId)) columns.Add((column, vendorId));
            else if (Guid.TryParse(id, out var parsed) && view.IsConflicted(memberId, parsed)) errors.Add($"{column}2: 利害関係を申告した事業者は採点できません");
            else errors.Add($"{column}2: 事業者IDが評価対象の事業者と一致しません");
        }

        var items = view.ScoredCriteria.SelectMany(c => c.Items).ToDictionary(i => i.Id, StringComparer.Ordinal);
        var entries = new List<ScoreEntry>();
        for (var r = 2; r < rows.Count; r++)
        {
            var rowNumber = (r + 1).ToString(CultureInfo.InvariantCulture);
            var itemId = Text(rows[r], "A");
            if (itemId.Length == 0) continue;
            if (!items.TryGetValue(itemId, out var item))
            {
                errors.Add($"A{rowNumber}: 項目番号「{itemId}」は評価基準にありません");
                continue;
            }
            foreach (var (column, vendorId) in columns)
            {
                var text = Text(rows[r], column);
                decimal? mark = null;
                if (text.Length > 0)
                {
                    if (Marks.TryParse(item, text, out var parsed)) mark = parsed;
                    else errors.Add($"{column}{rowNumber}: {Marks.RangeMessage(item)}");
                }
                // The file has no comment column: keep what the member wrote on the page.
                entries.Add(new ScoreEntry(vendorId, item.Id, mark, sheet.Cells.GetValueOrDefault(ScoreSheetView.Key(vendorId, item.Id))?.Comment));
            }
        }
        return errors.Count > 0 ? ([], errors) : (entries, []);
    }

    private static List<EvaluatedVendor> VendorsFor(EvaluationView view, Guid memberId) =>
        view.Vendors.Where(v => !view.IsConflicted(memberId, v.VendorId)).ToList();

    private static string ScaleHint(CriteriaItem item) => item.Scale switch
    {
        ScaleKind.FiveLevel => "5段階（0〜5）",
        ScaleKind.FitGap => "○△×",
        ScaleKind.Number => $"点数（0〜{item.MaxPoints.ToString(CultureInfo.InvariantCulture)}）",
        ScaleKind.PassFail => "合否",
        _ => "",
    };

    private static object CellValue(CriteriaItem item, decimal mark) =>
        item.Scale is ScaleKind.FiveLevel or ScaleKind.Number ? mark : Marks.Format(item.Scale, mark);

    private static Dictionary<string, object?> Row(object?[] values)
    {
        var row = new Dictionary<string, object?>(values.Length);
        for (var i = 0; i < values.Length; i++) row[ColumnName(i)] = values[i];
        return row;
    }

    private static string Text(IDictionary<string, object?> row, string column) => row.TryGetValue(column, out var value) && value is not null
        ? (value is double d ? ((decimal)d).ToString(CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim()
        : "";

    internal static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + ((index - 1) % 26)) + name;
        return name;
    }

    private static int ColumnIndex(string name) => name.Aggregate(0, (acc, ch) => acc * 26 + (ch - 'A' + 1)) - 1;
}
