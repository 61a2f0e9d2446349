namespace Procurement.Features.Documents;

/// <summary>How a group writes dates in its documents (公用文): 和暦 only, or 和暦 with the Western year in brackets.</summary>
public enum DateStyle
{
    WarekiOnly,
    WarekiWithWestern,
}

/// <summary>和暦 formatting. 令和 began on 2019-05-01, and the first year of an era is written 元年.</summary>
public static class JapaneseDates
{
    private static readonly (DateOnly Start, string Name)[] Eras =
    [
        (new DateOnly(2019, 5, 1), "令和"),
        (new DateOnly(1989, 1, 8), "平成"),
        (new DateOnly(1926, 12, 25), "昭和"),
        (new DateOnly(1912, 7, 30), "大正"),
        (new DateOnly(1868, 1, 25), "明治"),
    ];

    public static (string Era, int Year) EraOf(DateOnly date)
    {
        foreach (var (start, name) in Eras)
        {
            if (date >= start) return (name, date.Year - start.Year + 1);
        }
        throw new ArgumentOutOfRangeException(nameof(date), date, "明治より前の日付は和暦に変換できません。");
    }

    public static string EraYear(DateOnly date)
    {
        var (era, year) = EraOf(date);
        return year == 1 ? $"{era}元年" : $"{era}{year.ToString(CultureInfo.InvariantCulture)}年";
    }

    /// <summary>
    /// 令和8年11月26日, or 令和8年（2026年）11月26日 with <see cref="DateStyle.WarekiWithWestern"/>: full-width brackets,
    /// like every other bracket in the documents (公用文). English UI gets ISO dates.
    /// </summary>
    public static string Format(DateOnly date, DateStyle style = DateStyle.WarekiOnly, bool english = false)
    {
        if (english) return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var yearPart = style == DateStyle.WarekiWithWestern
            ? $"{EraYear(date)[..^1]}年（{date.Year.ToString(CultureInfo.InvariantCulture)}年）"
            : EraYear(date);
        return $"{yearPart}{date.Month.ToString(CultureInfo.InvariantCulture)}月{date.Day.ToString(CultureInfo.InvariantCulture)}日";
    }

    public static string Format(DateOnly date) => Format(date, DateStyle.WarekiOnly, Infrastructure.Localization.UiText.IsEnglish);

    public static string FormatDateTime(DateTimeOffset at, TimeZoneInfo zone, bool english, DateStyle style = DateStyle.WarekiOnly)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        return english
            ? local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : $"{Format(DateOnly.FromDateTime(local.DateTime), style)} {time}";
    }

    /// <summary>A month (SLA measurement month, report month): 令和8年4月, or 令和8年（2026年）4月; 2026-04 in English.</summary>
    public static string FormatMonth(DateOnly month, DateStyle style = DateStyle.WarekiOnly, bool english = false)
    {
        if (english) return month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var full = Format(new DateOnly(month.Year, month.Month, 1), style);
        return full[..full.LastIndexOf('月')] + "月";
    }

    /// <summary>会計年度 (April to March) in 和暦: 2027-03-31 → 令和8年度; the first fiscal year of 令和 is 令和元年度.</summary>
    public static string FiscalYear(DateOnly date)
    {
        var startYear = date.Month >= 4 ? date.Year : date.Year - 1;
        // FY2019 began under 平成 but is called 令和元年度: the era in force at the year's end names it.
        var (era, endEraYear) = EraOf(new DateOnly(startYear + 1, 3, 31));
        var year = endEraYear - 1;
        if (year < 1) (era, year) = EraOf(new DateOnly(startYear, 4, 1));
        return year == 1 ? $"{era}元年度" : $"{era}{year.ToString(CultureInfo.InvariantCulture)}年度";
    }

    /// <summary>Yen with 3-digit commas: 5,000円.</summary>
    public static string Yen(long amount) => amount.ToString("#,0", CultureInfo.InvariantCulture) + "円";

    /// <summary>Japan Standard Time; falls back to +09:00 where the machine has no tz database.</summary>
    public static TimeZoneInfo Tokyo { get; } = FindTokyo();

    private static TimeZoneInfo FindTokyo()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("JST", TimeSpan.FromHours(9), "JST", "JST"); }
    }
}
