using System.Text;
using Procurement.Features.Sla;
using Procurement.Infrastructure.Uploads;

namespace Procurement.Features.SlaOperation;

/// <summary>
/// The vendor's monthly SLA report as a table (Excel or CSV, UTF-8), one record per row under a heading row:
/// 種別 (計画停止 / 障害 / 項目), 指標, 開始, 終了, 通知日, 対象サービス, 原因, 乙の責め, 期限内件数, 全件数, 値, 備考.
/// An 項目 row names the SLA 指標 and gives its counts, its value, 達成 / 未達成 (a confirmation) or 該当なし.
/// Every problem is named by row and column; nothing is recorded while any remains.
/// </summary>
public static class SlaReportImport
{
    public static readonly string[] Columns = ["種別", "指標", "開始", "終了", "通知日", "対象サービス", "原因", "乙の責め", "期限内件数", "全件数", "値", "備考"];
    public const int MaxColumns = 30;

    public sealed record Rows(
        IReadOnlyList<(MaintenanceRow Row, Func<string, FieldPlace> Place)> Maintenance,
        IReadOnlyList<(OutageRow Row, Func<string, FieldPlace> Place)> Outages,
        IReadOnlyList<(ItemRow Row, Func<string, FieldPlace> Place)> Items);

    public static (Rows? Rows, IReadOnlyList<string> Errors) Read(byte[] content, string fileName, SlaDefinition sla, UiText t)
    {
        List<string[]> table;
        try
        {
            if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                table = CsvRows.Read(new MemoryStream(content, writable: false), 1 + SlaPeriodInput.MaxRows + 1);
            }
            else
            {
                var read = ExcelUpload.Read(new MemoryStream(content, writable: false), useHeaderRow: false, headerRows: 1, maxRows: SlaPeriodInput.MaxRows, maxColumns: MaxColumns);
                if (read.Refusal is { } refusal) return (null, [refusal.Say(t)]);
                table = read.Items.Select(row => row.Values.Select(Cell).ToArray()).ToList();
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or NotSupportedException or DecoderFallbackException)
        {
            return (null, [t["ExcelまたはCSV（UTF-8）として読み込めませんでした。"]]);
        }
        if (table.Count == 0) return (null, [t["取り込む行がありません。"]]);
        if (table.Count - 1 > SlaPeriodInput.MaxRows) return (null, [t.Format("行数が多すぎます（{0}行まで）。", SlaPeriodInput.MaxRows)]);
        var header = table[0].Select(h => h.Trim()).ToArray();
        var index = Columns.Select(c => Array.IndexOf(header, c)).ToArray();
        var missing = Columns.Where((c, i) => index[i] < 0).ToList();
        if (missing.Count > 0) return (null, [t.Format("1行目: 見出し「{0}」がありません。", string.Join("」「", missing))]);

        var byIndicator = sla.Items.GroupBy(i => i.Indicator).ToDictionary(g => g.Key, g => g.First());
        var maintenance = new List<(MaintenanceRow, Func<string, FieldPlace>)>();
        var outages = new List<(OutageRow, Func<string, FieldPlace>)>();
        var items = new List<(ItemRow, Func<string, FieldPlace>)>();
        var errors = new List<string>();
        for (var r = 1; r < table.Count; r++)
        {
            var row = table[r];
            string Get(string column)
            {
                var c = index[Array.IndexOf(Columns, column)];
                return c < row.Length ? row[c].Trim() : "";
            }
            var rowNumber = r + 1;
            FieldPlace Place(string column)
            {
                // Columns of the form's labels that differ from the file's headings.
                var heading = column switch { "終了（復旧）" => "終了", "期限内の件数" => "期限内件数", "判定変更の理由" or "確認" => "値", _ => column };
                var c = Array.IndexOf(Columns, heading);
                var letter = c < 0 ? "" : ExcelUpload.ColumnName(index[c]);
                return new FieldPlace(t.Format("{0}行目 {1}列（{2}）", rowNumber, letter, heading), "report");
            }
            if (Columns.All(c => Get(c).Length == 0)) continue;
            switch (Get("種別"))
            {
                case "計画停止":
                    maintenance.Add((new MaintenanceRow(Get("開始"), Get("終了"), Get("通知日"), Get("原因")), Place));
                    break;
                case "障害":
                    outages.Add((new OutageRow(Get("開始"), Get("終了"), Get("対象サービス"), Get("原因"), Get("乙の責め")), Place));
                    break;
                case "項目":
                    if (!byIndicator.TryGetValue(Get("指標"), out var item))
                    {
                        errors.Add($"{Place("指標").Label}: {t.Format("「{0}」はSLAにない指標です。", Get("指標"))}");
                        break;
                    }
                    var value = Get("値");
                    var notApplicable = value == "該当なし";
                    var confirmation = value is "達成" or "未達成";
                    items.Add((new ItemRow(SlaEvaluation.KeyOf(item), Get("期限内件数"), Get("全件数"),
                        notApplicable || confirmation ? "" : value, confirmation ? value : "", notApplicable, "", "", Get("備考")), Place));
                    break;
                default:
                    errors.Add($"{Place("種別").Label}: {t["種別は「計画停止」「障害」「項目」のいずれかです。"]}");
                    break;
            }
        }
        return errors.Count > 0 ? (null, errors) : (new Rows(maintenance, outages, items), []);
    }

    /// <summary>The heading row and one 項目 row per SLA item: what the vendor fills in (CSV, UTF-8 with a BOM for Excel).</summary>
    public static byte[] TemplateCsv(SlaDefinition sla)
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", Columns)).Append("\r\n");
        foreach (var item in sla.Items)
        {
            if (item.Metric is SlaMetric.Availability or SlaMetric.RecoveryTime or SlaMetric.MaintenanceNotice) continue;
            text.Append("項目,").Append(Quote(item.Indicator)).Append(",,,,,,,,,,\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    /// <summary>A date cell reads as the form writes it; numbers as typed.</summary>
    private static string Cell(object? v) => v switch
    {
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        null => "",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };
}
