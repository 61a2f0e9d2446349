using System.Collections.Concurrent;

namespace Procurement.Features.Sla;

/// <summary>
/// 国民の祝日 and the days the 祝日法 (国民の祝日に関する法律) makes 休日 (振替休日, 国民の休日), computed rather than
/// listed, so a service calendar keeps working in years nobody typed in. Covers 2000–2099: the rules as amended since
/// 2000 (ハッピーマンデー, 昭和の日 and みどりの日 from 2007, 山の日 from 2016, 天皇誕生日 2月23日 from 2020 and none in
/// 2019, スポーツの日 from 2020), the one-off days of 2019 (即位の日, 即位礼正殿の儀) and the Olympic moves of 2020 and
/// 2021. 春分の日 and 秋分の日 are fixed each February by the 官報 from the 国立天文台's calculation; the standard
/// approximation used here agrees with it for 1980–2099. Years outside 2000–2099 have no holidays here.
/// </summary>
public static class JapaneseHolidays
{
    public const int FirstYear = 2000;
    public const int LastYear = 2099;

    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, string>> Cache = new();

    public static bool IsHoliday(DateOnly day) => Of(day.Year).ContainsKey(day);

    /// <summary>The holiday's name (「振替休日」「国民の休日」 included); null on other days.</summary>
    public static string? NameOf(DateOnly day) => Of(day.Year).GetValueOrDefault(day);

    /// <summary>Every holiday and 休日 of the year, by date.</summary>
    public static IReadOnlyDictionary<DateOnly, string> Of(int year) => Cache.GetOrAdd(year, Compute);

    private static IReadOnlyDictionary<DateOnly, string> Compute(int year)
    {
        var result = new SortedDictionary<DateOnly, string>();
        if (year is < FirstYear or > LastYear) return result;
        void Add(int month, int day, string name) => result[new DateOnly(year, month, day)] = name;
        DateOnly Monday(int month, int nth)
        {
            var first = new DateOnly(year, month, 1);
            return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7 + 7 * (nth - 1));
        }
        void AddDay(DateOnly d, string name) => result[d] = name;

        Add(1, 1, "元日");
        AddDay(Monday(1, 2), "成人の日");
        Add(2, 11, "建国記念の日");
        if (year >= 2020) Add(2, 23, "天皇誕生日");
        Add(3, Equinox(year, 20.8431), "春分の日");
        Add(4, 29, year >= 2007 ? "昭和の日" : "みどりの日");
        Add(5, 3, "憲法記念日");
        if (year >= 2007) Add(5, 4, "みどりの日");
        Add(5, 5, "こどもの日");
        switch (year)
        {
            case 2020: Add(7, 23, "海の日"); break;
            case 2021: Add(7, 22, "海の日"); break;
            case < 2003: Add(7, 20, "海の日"); break;
            default: AddDay(Monday(7, 3), "海の日"); break;
        }
        switch (year)
        {
            case 2020: Add(8, 10, "山の日"); break;
            case 2021: Add(8, 8, "山の日"); break;
            case >= 2016: Add(8, 11, "山の日"); break;
        }
        if (year < 2003) Add(9, 15, "敬老の日");
        else AddDay(Monday(9, 3), "敬老の日");
        Add(9, Equinox(year, 23.2488), "秋分の日");
        switch (year)
        {
            case 2020: Add(7, 24, "スポーツの日"); break;
            case 2021: Add(7, 23, "スポーツの日"); break;
            case >= 2020: AddDay(Monday(10, 2), "スポーツの日"); break;
            default: AddDay(Monday(10, 2), "体育の日"); break;
        }
        Add(11, 3, "文化の日");
        Add(11, 23, "勤労感謝の日");
        if (year <= 2018) Add(12, 23, "天皇誕生日");
        if (year == 2019)
        {
            Add(5, 1, "即位の日");
            Add(10, 22, "即位礼正殿の儀");
        }

        // 国民の休日 (第3条第3項): a day between two 国民の祝日 that is not itself one. Before 2007 a Sunday did not count.
        var national = result.Keys.ToHashSet();
        foreach (var d in national.Select(d => d.AddDays(1)).Where(d => d.Year == year && !national.Contains(d) && national.Contains(d.AddDays(1))).ToList())
        {
            if (year < 2007 && d.DayOfWeek == DayOfWeek.Sunday) continue;
            result[d] = "国民の休日";
        }

        // 振替休日 (第3条第2項): a 国民の祝日 on a Sunday moves the rest day to the nearest following day that is not a
        // 国民の祝日 (from 2007; before, only to the Monday).
        foreach (var d in national.Where(d => d.DayOfWeek == DayOfWeek.Sunday).Order())
        {
            var substitute = d.AddDays(1);
            if (year >= 2007)
            {
                while (national.Contains(substitute)) substitute = substitute.AddDays(1);
            }
            else if (national.Contains(substitute))
            {
                continue;
            }
            if (!result.ContainsKey(substitute)) result[substitute] = "振替休日";
        }
        return result;
    }

    /// <summary>春分日 / 秋分日 by the approximation 「int(c + 0.242194 × (Y − 1980) − int((Y − 1980) ÷ 4))」, valid 1980–2099.</summary>
    private static int Equinox(int year, double constant) =>
        (int)Math.Floor(constant + 0.242194 * (year - 1980) - Math.Floor((year - 1980) / 4.0));
}
