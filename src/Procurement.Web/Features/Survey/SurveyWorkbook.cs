using MiniExcelLibs;
using Procurement.Features.Catalog;
using Procurement.Infrastructure.Uploads;

namespace Procurement.Features.Survey;

/// <summary>
/// The survey as an Excel sheet, the form members already fill in by hand. Import checks every cell
/// and returns either all rows or every problem with its cell: never half a sheet.
/// </summary>
public static class SurveyWorkbook
{
    public static readonly string[] Columns =
    [
        "団体名", "業務", "パッケージ名", "事業者", "契約形態", "契約開始日", "契約満了日",
        "導入費用（年額・円）", "運用保守費用（年額・円）", "運用体制（人）", "ネットワーク", "課題", "予定している変更",
    ];

    public const int MaxRows = 2000;
    public const int MaxText = 500;

    /// <summary>Columns read from an upload (A–Z): the 13 of the form and room for notes members add to the right.</summary>
    public const int MaxColumns = 26;

    public static byte[] Export(IEnumerable<CurrentSystem> systems)
    {
        var rows = systems.Select(s => new Dictionary<string, object>
        {
            [Columns[0]] = s.Municipality,
            [Columns[1]] = BusinessCatalog.Find(s.Business)?.Name ?? s.Business,
            [Columns[2]] = s.PackageName,
            [Columns[3]] = s.Vendor,
            [Columns[4]] = ContractForms.DisplayName(s.ContractForm),
            [Columns[5]] = s.ContractStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [Columns[6]] = s.ContractExpiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [Columns[7]] = s.InitialCostPerYear,
            [Columns[8]] = s.OperationCostPerYear,
            [Columns[9]] = s.OperationStaff,
            [Columns[10]] = s.Network,
            [Columns[11]] = s.Issues,
            [Columns[12]] = s.PlannedChanges,
        }).ToList();
        if (rows.Count == 0) rows.Add(Columns.ToDictionary(c => c, _ => (object)""));
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    public sealed record ImportResult(IReadOnlyList<CurrentSystem> Systems, IReadOnlyList<string> Errors);

    public static ImportResult Import(Stream xlsx, IReadOnlyCollection<string> members, UiText t)
    {
        IReadOnlyList<IDictionary<string, object?>> rows;
        try
        {
            var read = ExcelUpload.Read(xlsx, useHeaderRow: true, headerRows: 0, maxRows: MaxRows, maxColumns: MaxColumns);
            if (read.Refusal is { } refusal) return new([], [refusal.Say(t)]);
            rows = read.Items;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            return new([], [t["Excelファイル（.xlsx）として読み込めませんでした。"]]);
        }

        var errors = new List<string>();
        if (rows.Count > 0)
        {
            var missing = Columns.Where(c => !rows[0].ContainsKey(c)).ToList();
            if (missing.Count > 0) return new([], [t.Format("1行目: 見出し「{0}」がありません。出力したExcelを様式として使ってください。", string.Join("」「", missing))]);
        }

        var systems = new List<CurrentSystem>();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (Columns.All(c => string.IsNullOrWhiteSpace(Text(row, c)))) continue;
            var line = r + 2; // header is row 1
            string Cell(int column) => t.Format("{0}行目 {1}列（{2}）", line, (char)('A' + column), Columns[column]);
            void Error(int column, string message) => errors.Add($"{Cell(column)}: {message}");

            var municipality = Text(row, Columns[0]);
            if (!members.Contains(municipality)) Error(0, t["構成団体の名前と一致しません。"]);
            var businessText = Text(row, Columns[1]);
            var business = BusinessCatalog.All.FirstOrDefault(b => b.Name == businessText || b.Code == businessText);
            if (business is null) Error(1, t["業務名が一覧にありません（例: 住民基本台帳）。"]);
            var form = ContractForms.Parse(Text(row, Columns[4]));
            if (form is null) Error(4, t["リース・買取・委託・SaaS・その他 のいずれかを入力してください。"]);
            var start = Date(row, Columns[5]);
            if (start is null) Error(5, t["日付（例: 2021-04-01）で入力してください。"]);
            var expiry = Date(row, Columns[6]);
            if (expiry is null) Error(6, t["日付（例: 2026-03-31）で入力してください。"]);
            if (start is not null && expiry is not null && expiry <= start) Error(6, t["契約満了日は契約開始日より後にしてください。"]);
            var initial = Yen(row, Columns[7]);
            if (initial is null) Error(7, t["0以上の整数（円）で入力してください。"]);
            var operation = Yen(row, Columns[8]);
            if (operation is null) Error(8, t["0以上の整数（円）で入力してください。"]);
            var staff = Number(row, Columns[9]);
            if (staff is null) Error(9, t["0以上の数で入力してください。"]);
            for (var c = 0; c < Columns.Length; c++)
            {
                if (Text(row, Columns[c]).Length > MaxText) Error(c, t.Format("{0}文字以内で入力してください。", MaxText));
            }
            if (business is not null && form is not null && start is not null && expiry is not null && initial is not null && operation is not null && staff is not null)
            {
                systems.Add(new CurrentSystem(Guid.NewGuid(), municipality, business.Code, Text(row, Columns[2]), Text(row, Columns[3]), form.Value,
                    start.Value, expiry.Value, initial.Value, operation.Value, staff.Value, Text(row, Columns[10]), Text(row, Columns[11]), Text(row, Columns[12])));
            }
        }
        if (errors.Count == 0 && systems.Count == 0) errors.Add(t["取り込む行がありません。"]);
        return errors.Count > 0 ? new([], errors) : new(systems, []);
    }

    private static string Text(IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() ?? "" : "";

    private static DateOnly? Date(IDictionary<string, object?> row, string column)
    {
        if (!row.TryGetValue(column, out var v) || v is null) return null;
        if (v is DateTime dt) return DateOnly.FromDateTime(dt);
        if (v is double serial && serial is > 1 and < 80000) return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        var s = Text(row, column).Replace('/', '-');
        return DateOnly.TryParseExact(s, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static long? Yen(IDictionary<string, object?> row, string column)
    {
        var s = Text(row, column).Replace(",", "", StringComparison.Ordinal).Replace("円", "", StringComparison.Ordinal);
        return decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d >= 0 && d == decimal.Truncate(d) && d <= 1_000_000_000_000 ? (long)d : null;
    }

    private static decimal? Number(IDictionary<string, object?> row, string column)
    {
        var s = Text(row, column);
        if (s.Length == 0) return 0;
        return decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d >= 0 && d < 10_000 ? d : null;
    }
}
