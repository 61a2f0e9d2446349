using System.Text.RegularExpressions;

namespace Procurement.Features.Workflows.Definitions;

/// <summary>
/// ISO 8601 durations limited to calendar units (PnYnMnWnD). Municipal deadlines are counted in
/// calendar days and months ("公告日から30日"), never in hours, so TimeSpan would be the wrong type.
/// </summary>
public readonly partial record struct CalendarDuration(int Years, int Months, int Weeks, int Days)
{
    public static bool TryParse(string? text, out CalendarDuration duration)
    {
        duration = default;
        if (text is null) return false;
        var m = Pattern().Match(text);
        if (!m.Success || text == "P") return false;
        static int Part(Group g) => g.Success ? int.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        duration = new CalendarDuration(Part(m.Groups["y"]), Part(m.Groups["m"]), Part(m.Groups["w"]), Part(m.Groups["d"]));
        return true;
    }

    public static CalendarDuration Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"期間の形式が正しくありません: {text}（例: P30D, P2M）");

    public DateOnly AddTo(DateOnly date) => date.AddYears(Years).AddMonths(Months).AddDays(Weeks * 7 + Days);

    public string ToJapanese()
    {
        var parts = new List<string>();
        if (Years > 0) parts.Add($"{Years}年");
        if (Months > 0) parts.Add($"{Months}か月");
        if (Weeks > 0) parts.Add($"{Weeks}週間");
        if (Days > 0) parts.Add($"{Days}日");
        return string.Concat(parts);
    }

    [GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<m>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?$")]
    private static partial Regex Pattern();
}
