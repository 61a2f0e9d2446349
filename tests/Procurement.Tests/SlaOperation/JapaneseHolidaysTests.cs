using Procurement.Features.Sla;
using Procurement.Features.SlaOperation;

namespace Procurement.Tests.SlaOperation;

/// <summary>
/// 国民の祝日 and 休日 as the Cabinet Office (内閣府「国民の祝日について」) lists them, typed in by hand per year, and the
/// planned service time of a month whose office calendar leaves them out.
/// </summary>
[Trait("Lane", "Fast")]
public sealed class JapaneseHolidaysTests
{
    private static string[] Days(int year) =>
        [.. JapaneseHolidays.Of(year).Select(h => $"{h.Key.Month}/{h.Key.Day} {h.Value}")];

    [Fact]
    public void Holidays_of_2025_with_substitute_days()
    {
        Assert.Equal(
        [
            "1/1 元日", "1/13 成人の日", "2/11 建国記念の日", "2/23 天皇誕生日", "2/24 振替休日", "3/20 春分の日", "4/29 昭和の日",
            "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "5/6 振替休日", "7/21 海の日", "8/11 山の日", "9/15 敬老の日",
            "9/23 秋分の日", "10/13 スポーツの日", "11/3 文化の日", "11/23 勤労感謝の日", "11/24 振替休日",
        ], Days(2025));
    }

    // 2026: 憲法記念日 on Sunday 5/3 moves the rest to 5/6 (5/4 and 5/5 are holidays); 9/22 lies between 敬老の日 (9/21) and 秋分の日 (9/23).
    [Fact]
    public void Holidays_of_2026_with_a_citizens_holiday_between_two_holidays()
    {
        Assert.Equal(
        [
            "1/1 元日", "1/12 成人の日", "2/11 建国記念の日", "2/23 天皇誕生日", "3/20 春分の日", "4/29 昭和の日",
            "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "5/6 振替休日", "7/20 海の日", "8/11 山の日", "9/21 敬老の日",
            "9/22 国民の休日", "9/23 秋分の日", "10/12 スポーツの日", "11/3 文化の日", "11/23 勤労感謝の日",
        ], Days(2026));
    }

    // 2027: 春分の日 3/21 is a Sunday → 3/22 振替休日.
    [Fact]
    public void Holidays_of_2027()
    {
        Assert.Equal(
        [
            "1/1 元日", "1/11 成人の日", "2/11 建国記念の日", "2/23 天皇誕生日", "3/21 春分の日", "3/22 振替休日", "4/29 昭和の日",
            "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "7/19 海の日", "8/11 山の日", "9/20 敬老の日",
            "9/23 秋分の日", "10/11 スポーツの日", "11/3 文化の日", "11/23 勤労感謝の日",
        ], Days(2027));
    }

    [Fact]
    public void Holidays_of_2024()
    {
        Assert.Equal(
        [
            "1/1 元日", "1/8 成人の日", "2/11 建国記念の日", "2/12 振替休日", "2/23 天皇誕生日", "3/20 春分の日", "4/29 昭和の日",
            "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "5/6 振替休日", "7/15 海の日", "8/11 山の日", "8/12 振替休日",
            "9/16 敬老の日", "9/22 秋分の日", "9/23 振替休日", "10/14 スポーツの日", "11/3 文化の日", "11/4 振替休日", "11/23 勤労感謝の日",
        ], Days(2024));
    }

    // 2019: no 天皇誕生日, the accession days, and 4/30 and 5/2 as 国民の休日 between them (10 days of Golden Week).
    [Fact]
    public void The_accession_year_2019()
    {
        Assert.Equal(
        [
            "1/1 元日", "1/14 成人の日", "2/11 建国記念の日", "3/21 春分の日", "4/29 昭和の日", "4/30 国民の休日", "5/1 即位の日",
            "5/2 国民の休日", "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "5/6 振替休日", "7/15 海の日", "8/11 山の日",
            "8/12 振替休日", "9/16 敬老の日", "9/23 秋分の日", "10/14 体育の日", "10/22 即位礼正殿の儀", "11/3 文化の日", "11/4 振替休日",
            "11/23 勤労感謝の日",
        ], Days(2019));
    }

    // 2020 and 2021: the Olympic moves of 海の日, スポーツの日 and 山の日 (2021: 8/8 is a Sunday → 8/9 振替休日), none in October.
    [Fact]
    public void The_Olympic_years_2020_and_2021()
    {
        Assert.Equal(
        [
            "1/1 元日", "1/13 成人の日", "2/11 建国記念の日", "2/23 天皇誕生日", "2/24 振替休日", "3/20 春分の日", "4/29 昭和の日",
            "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "5/6 振替休日", "7/23 海の日", "7/24 スポーツの日", "8/10 山の日",
            "9/21 敬老の日", "9/22 秋分の日", "11/3 文化の日", "11/23 勤労感謝の日",
        ], Days(2020));
        Assert.Equal(
        [
            "1/1 元日", "1/11 成人の日", "2/11 建国記念の日", "2/23 天皇誕生日", "3/20 春分の日", "4/29 昭和の日",
            "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "7/22 海の日", "7/23 スポーツの日", "8/8 山の日", "8/9 振替休日",
            "9/20 敬老の日", "9/23 秋分の日", "11/3 文化の日", "11/23 勤労感謝の日",
        ], Days(2021));
    }

    // 2028–2030 from the Cabinet Office's list: the equinoxes and the substitute days that differ from year to year.
    [Theory]
    [InlineData(2028, new[] { "1/10", "3/20", "5/3", "5/4", "5/5", "7/17", "9/18", "9/22", "10/9" }, 16)]
    [InlineData(2029, new[] { "1/8", "2/12", "3/20", "4/30", "5/3", "5/4", "5/5", "7/16", "9/17", "9/23", "9/24", "10/8", "11/23" }, 19)]
    [InlineData(2030, new[] { "1/14", "3/20", "5/3", "5/6", "7/15", "8/12", "9/16", "9/23", "10/14", "11/4" }, 19)]
    public void Later_years_have_the_listed_days(int year, string[] days, int count)
    {
        var all = JapaneseHolidays.Of(year).Keys.Select(d => $"{d.Month}/{d.Day}").ToList();
        Assert.All(days, d => Assert.Contains(d, all));
        Assert.Equal(count, all.Count);
    }

    [Fact]
    public void A_calendar_excludes_holidays_only_when_asked_and_old_calendars_read_without_the_flag()
    {
        var weekdays = new ServiceCalendar([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], 510, 1035, false);
        var monday = new DateOnly(2027, 5, 3);
        Assert.True(weekdays.IsServiceDay(monday));
        Assert.False((weekdays with { ExcludeHolidays = true }).IsServiceDay(monday));
        Assert.True((weekdays with { ExcludeHolidays = true }).IsServiceDay(new DateOnly(2027, 5, 6)));

        // A calendar stored before the option existed has no ExcludeHolidays: it reads as false.
        var stored = System.Text.Json.JsonSerializer.Deserialize<ServiceCalendar>("""{"Days":[1,2,3,4,5],"StartMinute":510,"EndMinute":1035,"ExcludeYearEnd":true}""")!;
        Assert.False(stored.ExcludeHolidays);
        Assert.True(stored.IsServiceDay(monday));
    }

    [Fact]
    public void The_calendar_in_words_names_the_excluded_days()
    {
        var office = new ServiceCalendar([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], 510, 1035, true) { ExcludeHolidays = true };
        Assert.Equal("月火水木金曜日 8:30から17:15まで（国民の祝日に関する法律に規定する休日及び12月29日から1月3日までを除く）", SlaCalendarText.Describe(office));
        Assert.Equal("月火水木金曜日 8:30から17:15まで（国民の祝日に関する法律に規定する休日を除く）", SlaCalendarText.Describe(office with { ExcludeYearEnd = false }));
        Assert.Equal("毎日 0:00から24:00まで", SlaCalendarText.Describe(ServiceCalendar.AllDay));
    }

    // May 2027 begins on a Saturday: weekdays are 3–7, 10–14, 17–21, 24–28 and 31 = 21 days; Golden Week takes 3, 4 and 5
    // → 18 service days × 8:45 (525 minutes) = 9,450 minutes (157.5 hours). Without the holiday flag: 21 × 525 = 11,025.
    // Outages attributable to the vendor: Thu 6th 9:00–12:00 = 180 minutes; Tue 4th (a holiday) 10:00–11:00 = 0;
    // Fri 7th 17:00–18:00 = 15 minutes (service ends 17:15) → 195 minutes.
    // Availability (9,450 − 195) ÷ 9,450 × 100 = 97.936507… → 97.936 (truncated at 3 decimals).
    [Fact]
    public void Availability_of_May_2027_on_weekdays_8_30_to_17_15_without_Golden_Week()
    {
        var office = new ServiceCalendar([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], 510, 1035, true) { ExcludeHolidays = true };
        var availability = new SlaItem(SlaCategory.Availability, "サービス稼働率", "99.5%以上", "監視", "式") { Metric = SlaMetric.Availability, Agreed = 99.5m, Unit = "%" };
        var sla = new SlaDefinition(SlaPreset.OtherService, [availability], PenaltySettings.Default, []) { Calendar = office };
        var may = new DateOnly(2027, 5, 1);
        OutageRecord[] outages =
        [
            new(new(2027, 5, 6, 9, 0, 0), new(2027, 5, 6, 12, 0, 0), "全サービス", "障害", true),
            new(new(2027, 5, 4, 10, 0, 0), new(2027, 5, 4, 11, 0, 0), "全サービス", "障害", true),
            new(new(2027, 5, 7, 17, 0, 0), new(2027, 5, 7, 18, 0, 0), "全サービス", "障害", true),
        ];

        Assert.Equal(9_450m, SlaMeasurement.PlannedMinutes(office, may, 1, []));
        Assert.Equal(11_025m, SlaMeasurement.PlannedMinutes(office with { ExcludeHolidays = false }, may, 1, []));
        var figures = SlaMeasurement.Figures(sla, may, 1, [], outages);
        Assert.Equal(195m, figures.DowntimeMinutes);
        var result = SlaMeasurement.Measure(sla, may, 1, [], outages, [])[0];
        Assert.Equal(97.936m, result.Value);
        Assert.False(result.Met);
    }
}
