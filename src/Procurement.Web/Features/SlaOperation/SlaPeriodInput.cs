using Procurement.Features.Sla;

namespace Procurement.Features.SlaOperation;

/// <summary>A maintenance window as typed or read from a report: text, until <see cref="SlaPeriodInput"/> has read it.</summary>
public sealed record MaintenanceRow(string Start, string End, string AnnouncedOn, string Description)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Start) && string.IsNullOrWhiteSpace(End) && string.IsNullOrWhiteSpace(AnnouncedOn) && string.IsNullOrWhiteSpace(Description);
}

/// <summary>An outage as typed or read; <see cref="Attributable"/> is 「はい」/「いいえ」 (or yes/no from the form).</summary>
public sealed record OutageRow(string Start, string End, string Service, string Cause, string Attributable)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Start) && string.IsNullOrWhiteSpace(End) && string.IsNullOrWhiteSpace(Service) && string.IsNullOrWhiteSpace(Cause);
}

/// <summary>One item's entries as typed or read: counts, a value, a confirmation (yes/no), 該当なし, an override and its reason.</summary>
public sealed record ItemRow(string ItemKey, string Within, string Total, string Value, string Confirmed, bool NotApplicable,
    string Override, string OverrideReason, string Note);

/// <summary>
/// Where a field sits, in the words of its source: the form (「障害 2行目の開始」) or the vendor's file (「5行目 C列（開始）」).
/// <paramref name="Field"/> is the form's field key, for the message to sit beside the input.
/// </summary>
public sealed record FieldPlace(string Label, string Field);

public sealed record PeriodRecords(IReadOnlyList<MaintenanceWindow> Maintenance, IReadOnlyList<OutageRecord> Outages, IReadOnlyList<ItemInput> Items);

/// <summary>A problem with a field of a period's records: the message names its place.</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>
/// Reads a period's rows into records against the agreed SLA and says what is wrong with each, by place: times that do
/// not parse or end before they start, outages outside the period, counts that are not whole numbers or exceed their
/// total, and each item left blank (by its row and name). All or nothing: with any problem, no records.
/// </summary>
public static class SlaPeriodInput
{
    public const int MaxRows = 200;

    public static (PeriodRecords? Records, IReadOnlyList<FieldProblem> Problems) Read(
        SlaDefinition sla, DateOnly periodStart, int months,
        IReadOnlyList<(MaintenanceRow Row, Func<string, FieldPlace> Place)> maintenance,
        IReadOnlyList<(OutageRow Row, Func<string, FieldPlace> Place)> outages,
        IReadOnlyList<(ItemRow Row, Func<string, FieldPlace> Place)> items,
        UiText t)
    {
        var problems = new List<FieldProblem>();
        void Add(FieldPlace p, string message) => problems.Add(new FieldProblem(p.Field, $"{p.Label}: {message}"));
        var periodEnd = periodStart.AddMonths(months).ToDateTime(TimeOnly.MinValue);
        var periodBegin = periodStart.ToDateTime(TimeOnly.MinValue);

        var windows = new List<MaintenanceWindow>();
        foreach (var (row, place) in maintenance.Where(m => !m.Row.IsBlank))
        {
            var start = Time(row.Start, place("開始"), Add, t);
            var end = Time(row.End, place("終了"), Add, t);
            DateOnly? announced = Day(row.AnnouncedOn) is { } d ? d : null;
            if (announced is null) Add(place("通知日"), t["通知日を「2028-04-01」の形で入力してください。"]);
            if (start is { } s && end is { } e)
            {
                if (e <= s) Add(place("終了"), t["終了は開始より後の日時にしてください。"]);
                else if (e <= periodBegin || s >= periodEnd) Add(place("開始"), t["対象期間の計画停止ではありません。"]);
                else if (announced is { } a) windows.Add(new MaintenanceWindow(s, e, a, Clip(row.Description, 200)));
            }
        }

        var records = new List<OutageRecord>();
        foreach (var (row, place) in outages.Where(o => !o.Row.IsBlank))
        {
            var start = Time(row.Start, place("開始"), Add, t);
            var end = Time(row.End, place("終了（復旧）"), Add, t);
            bool? attributable = (row.Attributable ?? "").Trim() switch
            {
                "はい" or "yes" or "true" or "○" => true,
                "いいえ" or "no" or "false" or "×" => false,
                _ => null,
            };
            if (attributable is null) Add(place("乙の責め"), t["乙の責めに帰すべき障害かを「はい」か「いいえ」で入力してください。"]);
            if (string.IsNullOrWhiteSpace(row.Cause)) Add(place("原因"), t["原因を入力してください。"]);
            if (start is { } s && end is { } e)
            {
                if (e <= s) Add(place("終了（復旧）"), t["終了は開始より後の日時にしてください。"]);
                else if (s < periodBegin || s >= periodEnd) Add(place("開始"), t["対象期間に発生した障害ではありません。"]);
                else if (attributable is { } at && !string.IsNullOrWhiteSpace(row.Cause))
                    records.Add(new OutageRecord(s, e, Clip(row.Service, 100), Clip(row.Cause, 300), at));
            }
        }

        var byKey = items.GroupBy(i => i.Row.ItemKey).ToDictionary(g => g.Key, g => g.Last());
        var inputs = new List<ItemInput>();
        foreach (var item in sla.Items)
        {
            var key = SlaEvaluation.KeyOf(item);
            var computed = item.Metric is SlaMetric.Availability or SlaMetric.RecoveryTime or SlaMetric.MaintenanceNotice;
            if (!byKey.TryGetValue(key, out var entry) && computed)
            {
                entry = (new ItemRow(key, "", "", "", "", false, "", "", ""), column => new FieldPlace(item.Indicator, ""));
            }
            else if (entry.Row is null)
            {
                problems.Add(new FieldProblem("", t.Format("「{0}」の行がありません。", item.Indicator)));
                continue;
            }
            var (row, place) = entry;
            var @override = SlaOverride.All.Contains(row.Override ?? "") ? row.Override : null;
            if (@override is not null && string.IsNullOrWhiteSpace(row.OverrideReason)) Add(place("判定変更の理由"), t["判定を変更する理由を入力してください。"]);
            if ((row.OverrideReason ?? "").Length > 500 || (row.Note ?? "").Length > 500) Add(place("備考"), t.Format("{0}文字以内で入力してください。", 500));
            long? within = null, total = null;
            decimal? value = null;
            bool? confirmed = null;
            var blankAllowed = row.NotApplicable || @override is not null;
            switch (item.Metric)
            {
                case SlaMetric.Rate when !row.NotApplicable:
                    within = Count(row.Within, place("期限内の件数"), blankAllowed, Add, t);
                    total = Count(row.Total, place("全件数"), blankAllowed, Add, t);
                    if (within is { } w && total is { } all && w > all) Add(place("期限内の件数"), t["期限内の件数が全件数を超えています。"]);
                    break;
                case SlaMetric.Value when !row.NotApplicable:
                    if (string.IsNullOrWhiteSpace(row.Value)) { if (!blankAllowed) Add(place("値"), t.Format("測定値（{0}）を入力してください。", item.Unit)); }
                    else if (decimal.TryParse(row.Value.Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v >= 0) value = v;
                    else Add(place("値"), t["0以上の数値で入力してください。"]);
                    break;
                case SlaMetric.Confirmation when !row.NotApplicable:
                    confirmed = (row.Confirmed ?? "").Trim() switch { "yes" or "達成" => true, "no" or "未達成" => false, _ => null };
                    if (confirmed is null && !blankAllowed) Add(place("確認"), t["達成か未達成かを選択してください。"]);
                    break;
            }
            inputs.Add(new ItemInput(key, within, total, value, confirmed, row.NotApplicable, @override, (row.OverrideReason ?? "").Trim(), (row.Note ?? "").Trim()));
        }
        return problems.Count > 0 ? (null, problems) : (new PeriodRecords(windows, records, inputs), problems);
    }

    private static string Clip(string? s, int max)
    {
        var v = (s ?? "").Trim();
        return v.Length > max ? v[..max] : v;
    }

    private static long? Count(string? text, FieldPlace place, bool blankAllowed, Action<FieldPlace, string> add, UiText t)
    {
        var s = (text ?? "").Trim().Replace(",", "", StringComparison.Ordinal);
        if (s.Length == 0)
        {
            if (!blankAllowed) add(place, t["件数を入力してください。"]);
            return null;
        }
        if (long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 1_000_000_000_000) return n;
        add(place, t["件数は0以上の整数で入力してください。"]);
        return null;
    }

    private static readonly string[] TimeFormats =
        ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy/MM/dd HH:mm", "yyyy/M/d H:mm", "yyyy-M-d H:mm", "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd HH:mm:ss"];

    /// <summary>A Japan wall-clock time; 「24:00」 is the next day's 0:00, as service hours are written.</summary>
    public static DateTime? ParseTime(string? text)
    {
        var s = (text ?? "").Trim();
        var midnight = s.EndsWith(" 24:00", StringComparison.Ordinal) || s.EndsWith("T24:00", StringComparison.Ordinal);
        if (midnight) s = s[..^5] + "00:00";
        return DateTime.TryParseExact(s, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var v)
            ? (midnight ? v.AddDays(1) : v)
            : null;
    }

    private static DateTime? Time(string? text, FieldPlace place, Action<FieldPlace, string> add, UiText t)
    {
        if (ParseTime(text) is { } v) return v;
        add(place, string.IsNullOrWhiteSpace(text) ? t["日時を入力してください。"] : t["日時は「2028-04-10 09:00」の形で入力してください。"]);
        return null;
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact((text ?? "").Trim(), ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
