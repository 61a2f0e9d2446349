using System.Text;
using Procurement.Infrastructure.Uploads;

namespace Procurement.Features.FitGap;

/// <summary>
/// A vendor package's function list, as the vendor sends it: Excel or CSV with the columns
/// 機能ID, 区分, 機能名, 種別 (機能/帳票). All rows or none: each problem is named by row and column.
/// </summary>
public static class FunctionListFile
{
    public static readonly string[] Columns = ["機能ID", "区分", "機能名", "種別"];
    public const int MaxRows = 5000;

    /// <summary>
    /// Columns read from an Excel list (A–AD): the four named ones may sit among the vendor's own. Reading costs rows ×
    /// columns however empty the cells are, so the width is bounded too.
    /// </summary>
    public const int MaxColumns = 30;

    public sealed record Result(IReadOnlyList<PackageFunction> Functions, IReadOnlyList<string> Errors);

    public static Result Parse(Stream content, string fileName, UiText t)
    {
        List<string[]> rows;
        try
        {
            if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                rows = CsvRows.Read(content, 1 + MaxRows + 1);
            }
            else
            {
                var read = ExcelUpload.Read(content, useHeaderRow: false, headerRows: 1, maxRows: MaxRows, maxColumns: MaxColumns);
                if (read.Refusal is { } refusal) return new([], [refusal.Say(t)]);
                rows = read.Items.Select(row => row.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToArray()).ToList();
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or NotSupportedException or DecoderFallbackException)
        {
            return new([], [t["ExcelまたはCSV（UTF-8）として読み込めませんでした。"]]);
        }
        if (rows.Count == 0) return new([], [t["取り込む行がありません。"]]);
        var header = rows[0].Select(h => h.Trim()).ToArray();
        var index = Columns.Select(c => Array.IndexOf(header, c)).ToArray();
        var missing = Columns.Where((c, i) => index[i] < 0).ToList();
        if (missing.Count > 0) return new([], [t.Format("1行目: 見出し「{0}」がありません。", string.Join("」「", missing))]);
        if (rows.Count - 1 > MaxRows) return new([], [t.Format("行数が多すぎます（{0}行まで）。", MaxRows)]);

        var errors = new List<string>();
        var functions = new List<PackageFunction>();
        var seen = new HashSet<string>();
        for (var r = 1; r < rows.Count; r++)
        {
            string Cell(int c) => index[c] < rows[r].Length ? rows[r][index[c]].Trim() : "";
            if (Columns.Select((_, c) => Cell(c)).All(string.IsNullOrEmpty)) continue;
            string Where(int c) => t.Format("{0}行目 {1}列（{2}）", r + 1, (char)('A' + index[c]), Columns[c]);

            var id = Cell(0);
            if (id.Length is 0 or > 50) errors.Add($"{Where(0)}: {t["機能IDを50文字以内で入力してください。"]}");
            else if (!seen.Add(id)) errors.Add($"{Where(0)}: {t["機能IDが重複しています。"]}");
            var name = Cell(2);
            if (name.Length is 0 or > 200) errors.Add($"{Where(2)}: {t["機能名を200文字以内で入力してください。"]}");
            var kind = Cell(3) switch { "機能" => FunctionKind.Function, "帳票" => FunctionKind.Form, _ => (FunctionKind?)null };
            if (kind is null) errors.Add($"{Where(3)}: {t["種別は「機能」か「帳票」です。"]}");
            if (Cell(1).Length > 100) errors.Add($"{Where(1)}: {t.Format("{0}文字以内で入力してください。", 100)}");
            if (kind is not null) functions.Add(new PackageFunction(id, Cell(1), name, kind.Value));
        }
        if (errors.Count == 0 && functions.Count == 0) errors.Add(t["取り込む行がありません。"]);
        return errors.Count > 0 ? new([], errors) : new(functions, []);
    }
}
