using MiniExcelLibs;

namespace Procurement.Infrastructure.Uploads;

/// <summary>
/// The one way an uploaded .xlsx is read into rows. The zip is checked first (<see cref="ZipBombGuard"/>); then rows
/// are streamed and reading stops at the first row past the cap, so a sheet of half a million rows costs no more than
/// one of cap + 1. Reading is also bounded to the caller's columns: MiniExcel builds every row as wide as the sheet's
/// declared dimension, and a tiny file can declare 16,384 columns and a row numbered 1,048,576.
/// Errors of the format itself (not a workbook, broken XML) surface as MiniExcel's exceptions, for the caller to name.
/// </summary>
public static class ExcelUpload
{
    public const string TooManyRows = "行数が多すぎます（{0}行まで）。";

    private const int LastExcelRow = 1_048_576;

    public sealed record Rows(IReadOnlyList<IDictionary<string, object?>> Items, UploadRefusal? Refusal);

    /// <param name="useHeaderRow">Row 1 names the columns (keys are the headings) and is not returned.</param>
    /// <param name="headerRows">Rows at the top that are returned but not counted against <paramref name="maxRows"/>.</param>
    /// <param name="maxRows">Data rows allowed; one more is refused with a message naming the limit. Empty rows count too: they are rows of the sheet.</param>
    /// <param name="maxColumns">Columns read (from A); cells further right are not read at all.</param>
    public static Rows Read(Stream xlsx, bool useHeaderRow, int headerRows, int maxRows, int maxColumns)
    {
        if (ZipBombGuard.Check(xlsx) is { } bomb) return new([], bomb);
        // Bounded in columns only: a range that ended at the cap's row would silently drop a row further down, and a
        // sheet with anything past the cap is refused instead. Gaps between rows come back as empty rows and count.
        var endCell = ColumnName(maxColumns - 1) + LastExcelRow.ToString(CultureInfo.InvariantCulture);
        var rows = new List<IDictionary<string, object?>>();
        foreach (var row in xlsx.QueryRange(useHeaderRow, excelType: ExcelType.XLSX, startCell: "A1", endCell: endCell).Cast<IDictionary<string, object?>>())
        {
            if (rows.Count == headerRows + maxRows) return new([], new UploadRefusal(TooManyRows, maxRows));
            rows.Add(row);
        }
        return new(rows, null);
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + ((index - 1) % 26)) + name;
        return name;
    }
}
