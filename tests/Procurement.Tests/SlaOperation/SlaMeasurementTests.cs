using System.Text;
using MiniExcelLibs;
using Procurement.Features.Sla;
using Procurement.Features.SlaOperation;
using Procurement.Infrastructure.Localization;

namespace Procurement.Tests.SlaOperation;

/// <summary>SLA achievement computed from raw records, each figure worked out by hand in the comment above its test.</summary>
[Trait("Lane", "Fast")]
public sealed class SlaMeasurementTests
{
    private static readonly UiText T = new();

    private static readonly SlaItem Availability = new SlaItem(SlaCategory.Availability, "サービス稼働率", "99.9%以上", "監視", "式")
        { Metric = SlaMetric.Availability, Agreed = 99.9m, Unit = "%", Weight = 3 };
    private static readonly SlaItem Recovery = new SlaItem(SlaCategory.Reliability, "平均復旧時間", "1時間以内", "障害票", "式")
        { Metric = SlaMetric.RecoveryTime, Agreed = 1, Comparison = SlaComparison.AtMost, Unit = "時間", Weight = 2 };
    private static readonly SlaItem Response = new SlaItem(SlaCategory.Performance, "応答時間遵守率", "99%以上", "計測", "式")
        { Metric = SlaMetric.Rate, Agreed = 99, Unit = "%", Weight = 2 };
    private static readonly SlaItem Enquiry = new SlaItem(SlaCategory.Support, "問合せ回答時間", "95%以上", "管理簿", "式")
        { Metric = SlaMetric.Rate, Agreed = 95, Unit = "%", Weight = 1 };
    private static readonly SlaItem Backup = new SlaItem(SlaCategory.Backup, "定時バックアップ取得率", "100%", "ログ", "式")
        { Metric = SlaMetric.Rate, Agreed = 100, Unit = "%", Weight = 1 };

    private static SlaDefinition Sla(ServiceCalendar? calendar = null, PenaltySettings? penalty = null) =>
        new(SlaPreset.CoreBusiness, [Availability, Recovery, Response, Enquiry, Backup], penalty ?? PenaltySettings.Default, [])
        { Calendar = calendar ?? ServiceCalendar.AllDay };

    private static ItemInput Counts(SlaItem item, long within, long total, string? @override = null, string reason = "") =>
        new(SlaEvaluation.KeyOf(item), within, total, null, null, false, @override, reason, "");

    private static readonly DateOnly April = new(2028, 4, 1);

    private static DateTime At(int day, int hour, int minute = 0) => new(2028, 4, day, hour, minute, 0);

    // April 2028 on a 24-hour calendar: 30 days × 1,440 = 43,200 minutes.
    // Announced maintenance 20th 22:00–21st 02:00 = 240 minutes → planned service time 42,960 minutes.
    // Outage A (attributable) 10th 09:00–10:30 = 90 minutes; outage B (not attributable: the group's own line) 12th 13:00–15:00
    // = 120 minutes, excluded; outage C (attributable) 20th 23:00–21st 01:30 lies inside the maintenance window: 0 minutes count.
    // Downtime 90 → availability (42,960 − 90) ÷ 42,960 × 100 = 99.7905… → 99.790 (truncated at 3 decimals): below 99.9 → 未達成.
    // Recovery: attributable outages A (1.5 h) and C (2.5 h): mean (1.5 + 2.5) ÷ 2 = 2 h > 1 h → 未達成.
    [Fact]
    public void Availability_excludes_announced_maintenance_and_outages_not_attributable_to_the_vendor()
    {
        MaintenanceWindow[] maintenance = [new(At(20, 22), At(21, 2), new DateOnly(2028, 3, 15), "定期保守")];
        OutageRecord[] outages =
        [
            new(At(10, 9), At(10, 10, 30), "住民記録", "ディスク障害", true),
            new(At(12, 13), At(12, 15), "全サービス", "団体側回線の断", false),
            new(At(20, 23), At(21, 1, 30), "住民記録", "保守作業の延長", true),
        ];

        var figures = SlaMeasurement.Figures(Sla(), April, 1, maintenance, outages);
        var results = SlaMeasurement.Measure(Sla(), April, 1, maintenance, outages,
            [Counts(Response, 990, 1000), Counts(Enquiry, 19, 20), Counts(Backup, 30, 30)]);

        Assert.Equal(42_960m, figures.PlannedMinutes);
        Assert.Equal(240m, figures.MaintenanceMinutes);
        Assert.Equal(90m, figures.DowntimeMinutes);
        Assert.Equal(120m, figures.ExcludedDowntimeMinutes);
        var availability = results[0];
        Assert.Equal(99.790m, availability.Value);
        Assert.Equal("99.79%", availability.Measured);
        Assert.Equal("99.9%以上", availability.Agreed);
        Assert.False(availability.Met);
        Assert.Contains("乙の責めに帰さない停止 120分を除く", availability.Basis, StringComparison.Ordinal);
        var recovery = results[1];
        Assert.Equal(2m, recovery.Value);
        Assert.Equal("1時間以内", recovery.Agreed);
        Assert.False(recovery.Met);
    }

    // Weekdays 8:30–17:15 (525 minutes a day). April 2028 has 20 weekdays (1st is a Saturday): 20 × 525 = 10,500 minutes.
    // A weekend outage (Sat 8th 10:00–12:00) is outside service time: 0. A weekday outage Mon 3rd 17:00–18:00 counts 15 minutes.
    // Availability (10,500 − 15) ÷ 10,500 × 100 = 99.857… → 99.857 ≥ 99.9? No → 未達成; with 5 minutes it would pass.
    [Fact]
    public void Planned_service_time_follows_the_calendar_days_and_hours()
    {
        var weekdays = new ServiceCalendar([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], 510, 1035, false);
        OutageRecord[] outages = [new(At(8, 10), At(8, 12), "全サービス", "障害", true), new(At(3, 17), At(3, 18), "全サービス", "障害", true)];

        var figures = SlaMeasurement.Figures(Sla(weekdays), April, 1, [], outages);

        Assert.Equal(10_500m, figures.PlannedMinutes);
        Assert.Equal(15m, figures.DowntimeMinutes);
        Assert.Equal(99.857m, SlaMeasurement.Measure(Sla(weekdays), April, 1, [], outages, [Counts(Response, 1, 1), Counts(Enquiry, 1, 1), Counts(Backup, 1, 1)])[0].Value);
    }

    // Rates: responses 990 ÷ 1,000 = 99.00% ≥ 99 → 達成; enquiries 18 ÷ 20 = 90.00% < 95 → 未達成; backups 29 ÷ 30 = 96.66…% → 96.66 < 100 → 未達成.
    // No outage → recovery 該当なし (counts neither way). An enquiry month with no enquiries (0 of 0) is 該当なし too.
    [Fact]
    public void Rate_items_divide_the_counts_and_compare_with_the_agreed_value()
    {
        var results = SlaMeasurement.Measure(Sla(), April, 1, [], [], [Counts(Response, 990, 1000), Counts(Enquiry, 18, 20), Counts(Backup, 29, 30)]);

        Assert.Equal([true, true, false, false], new[] { results[0], results[2], results[3], results[4] }.Select(r => r.Met || r.NotApplicable));
        Assert.Equal(99.00m, results[2].Value);
        Assert.Equal(90.00m, results[3].Value);
        Assert.Equal(96.66m, results[4].Value);
        Assert.Equal("990 ÷ 1,000", results[2].Basis);
        Assert.True(results[1].NotApplicable);
        Assert.Equal("該当なし", results[1].Measured);

        var none = SlaMeasurement.Measure(Sla(), April, 1, [], [], [Counts(Response, 5, 5), Counts(Enquiry, 0, 0), Counts(Backup, 1, 1)]);
        Assert.True(none[3].NotApplicable);
    }

    // An override keeps the computed judgement beside it and its reason; an excused shortfall stays 未達成 but not attributable.
    [Fact]
    public void Overrides_keep_the_computed_judgement_and_their_reason()
    {
        var results = SlaMeasurement.Measure(Sla(), April, 1, [], [],
        [
            Counts(Response, 990, 1000),
            Counts(Enquiry, 18, 20, SlaOverride.Excused, "問合せ集中は制度改正の周知によるもので、甲の依頼による"),
            Counts(Backup, 29, 30, SlaOverride.Met, "失敗した1回は同日中に再取得した"),
        ]);

        Assert.False(results[3].Met);
        Assert.False(results[3].Attributable);
        Assert.False(results[3].Computed);
        Assert.Equal(SlaOverride.Excused, results[3].Override);
        Assert.True(results[4].Met);
        Assert.False(results[4].Computed);
        Assert.Contains("［判定変更: 失敗した1回は同日中に再取得した］", results[4].Sentence(), StringComparison.Ordinal);
    }

    private static RecordedPeriod Recorded(DateOnly start, int months, IReadOnlyList<ItemMeasurement> results, int minute) =>
        new(start, months, results, null, null, null, "高森 花子", new DateTimeOffset(2028, 6, 1, 0, minute, 0, TimeSpan.Zero));

    // A quarter (Apr–Jun) measured at once: the planned time covers 91 days (30 + 31 + 30) × 1,440 = 131,040 minutes; a
    // 131-minute attributable outage gives (131,040 − 131) ÷ 131,040 = 99.9000… → 99.900 ≥ 99.9 → 達成 (monthly, 131 minutes
    // in April alone would give 99.696 → 未達成). Its recovery took 131 ÷ 60 = 2.18 h > 1 h → 未達成. The quarter counts as
    // three months in the year.
    // Then July alone: no outage (recovery 該当なし), responses missed (980 ÷ 1,000 = 98%), enquiries excused, backups met.
    // Weights: availability 3, recovery 2, responses 2, enquiries 1, backups 1.
    //   Measured weight: quarter 9 × 3 months = 27, July 3 + 2 + 1 + 1 = 7 → 34.
    //   Attributable shortfalls: recovery 2 × 3 months = 6, July responses 2 → 8 (July's excused enquiries do not count).
    //   Achievement (34 − 8) ÷ 34 × 100 = 76.470… → 76.47%.
    // Model A on 12,000,000 yen: 12,000,000 × (100 − 76.47) ÷ 100 = 2,823,600 yen; cap 5% = 600,000 → 600,000 (capped).
    [Fact]
    public void Monthly_and_quarterly_periods_give_a_weighted_capped_penalty_counting_only_attributable_shortfalls()
    {
        var quarterOutage = new OutageRecord(At(5, 10), At(5, 12, 11), "住民記録", "障害", true);
        var quarter = SlaMeasurement.Measure(Sla(), April, 3, [], [quarterOutage], [Counts(Response, 999, 1000), Counts(Enquiry, 20, 20), Counts(Backup, 90, 90)]);
        var aprilOnly = SlaMeasurement.Measure(Sla(), April, 1, [], [quarterOutage], [Counts(Response, 999, 1000), Counts(Enquiry, 20, 20), Counts(Backup, 30, 30)]);
        Assert.Equal(131_040m, SlaMeasurement.Figures(Sla(), April, 3, [], [quarterOutage]).PlannedMinutes);
        Assert.Equal(99.900m, quarter[0].Value);
        Assert.True(quarter[0].Met);
        Assert.Equal(99.696m, aprilOnly[0].Value);
        Assert.False(aprilOnly[0].Met);

        var july = SlaMeasurement.Measure(Sla(), new DateOnly(2028, 7, 1), 1, [], [],
            [Counts(Response, 980, 1000), Counts(Enquiry, 10, 20, SlaOverride.Excused, "甲の依頼による調査を優先した"), Counts(Backup, 31, 31)]);
        var penalty = PenaltySettings.Default with { CapPercent = 5m };
        var year = SlaEvaluation.Evaluate(Sla(penalty: penalty), [Recorded(April, 3, quarter, 1), Recorded(new DateOnly(2028, 7, 1), 1, july, 2)], 2028, 12_000_000);

        Assert.Equal(76.47m, year.AchievementPercent);
        Assert.Equal(600_000, year.Cap);
        Assert.Equal(600_000, year.ModelAPenalty);
        Assert.True(year.Capped);
        Assert.False(quarter[1].Met);
        Assert.Equal(2.18m, quarter[1].Value);
        Assert.Equal([4, 3, 4, 4, 4], year.Items.Select(i => i.MeasuredMonths));
        Assert.Equal([0, 3, 1, 0, 0], year.Items.Select(i => i.AttributableMisses));
        Assert.Equal(2_823_600, Procurement.Features.Sla.PenaltyCalculator.ModelAPenalty(12_000_000, 76.47m));
    }

    // Model B with weights: 1 point per miss × weight, 2 for a repeat; threshold 3; 5% of the monthly fee (12,000,000 ÷ 12 =
    // 1,000,000); the cap made small enough to bind: 0.5% of 12,000,000 = 60,000.
    //   Apr: responses missed (weight 2) → 2 points (active 2) → no reduction.
    //   May: responses missed again → 2 × 2 = 4 (active 6) → 50,000.
    //   Jun: enquiries missed but excused → 0 points (active 6) → 50,000 due, cut to the cap's remainder 10,000.
    // Points expire after 2 months: in Jun only May's 4 remain active → 4 (still ≥ 3).
    [Fact]
    public void Model_B_weights_points_lets_them_expire_and_holds_the_cap()
    {
        var penalty = PenaltySettings.Default with { Kind = PenaltyKind.PenaltyPoints, PointExpiryMonths = 2, CapPercent = 0.5m };
        IReadOnlyList<ItemMeasurement> Month(DateOnly m, bool responseMet, bool enquiryExcused) => SlaMeasurement.Measure(Sla(), m, 1, [], [],
        [
            Counts(Response, responseMet ? 1000 : 900, 1000),
            enquiryExcused ? Counts(Enquiry, 1, 20, SlaOverride.Excused, "甲の指示による") : Counts(Enquiry, 20, 20),
            Counts(Backup, 1, 1),
        ]);
        var periods = new[]
        {
            Recorded(April, 1, Month(April, false, false), 1),
            Recorded(new DateOnly(2028, 5, 1), 1, Month(new DateOnly(2028, 5, 1), false, false), 2),
            Recorded(new DateOnly(2028, 6, 1), 1, Month(new DateOnly(2028, 6, 1), true, true), 3),
        };

        var year = SlaEvaluation.Evaluate(Sla(penalty: penalty), periods, 2028, 12_000_000);

        Assert.Equal([2, 4, 0], year.ModelB.Select(m => m.EarnedPoints));
        Assert.Equal([2, 6, 4], year.ModelB.Select(m => m.ActivePoints));
        Assert.Equal([0L, 50_000L, 10_000L], year.ModelB.Select(m => m.Reduction));
        Assert.Equal(60_000, year.ModelBReduction);
        Assert.True(year.ModelB[2].Capped);
    }

    // A month whose record lacks an item names it; the form names each blank row by its number and indicator.
    [Fact]
    public void Missing_items_are_named_in_the_summary_and_blank_rows_by_row_and_indicator()
    {
        var partial = new[] { new ItemMeasurement(SlaEvaluation.KeyOf(Availability), "サービス稼働率", "99.95%", true, "") };
        var year = SlaEvaluation.Evaluate(Sla(), [Recorded(April, 1, partial, 1)], 2028, null);
        Assert.Equal(["平均復旧時間", "応答時間遵守率", "問合せ回答時間", "定時バックアップ取得率"], year.Months[0].MissingItems);

        var rows = Sla().Items.Select((item, i) => (new ItemRow(SlaEvaluation.KeyOf(item), "", "", "", "", false, "", "", ""),
            (Func<string, FieldPlace>)(column => new FieldPlace($"{i + 1}行目（{item.Indicator}）の「{column}」", $"Input.Rows[{i}]")))).ToList();
        var (records, problems) = SlaPeriodInput.Read(Sla(), April, 1, [], [], rows, T);

        Assert.Null(records);
        Assert.Contains(problems, p => p.Message == "3行目（応答時間遵守率）の「期限内の件数」: 件数を入力してください。");
        Assert.Contains(problems, p => p.Message == "5行目（定時バックアップ取得率）の「全件数」: 件数を入力してください。");
        Assert.DoesNotContain(problems, p => p.Message.Contains("サービス稼働率", StringComparison.Ordinal));
        Assert.Equal(problems.Count, problems.Select(p => p.Message).Distinct().Count());
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines));

    private const string Header = "種別,指標,開始,終了,通知日,対象サービス,原因,乙の責め,期限内件数,全件数,値,備考";

    [Fact]
    public void The_vendors_report_is_imported_and_each_error_names_its_row_and_column()
    {
        var good = Csv(Header,
            "計画停止,,2028-04-20 22:00,2028-04-21 02:00,2028-03-15,,定期保守,,,,,",
            "障害,,2028-04-10 09:00,2028-04-10 10:30,,住民記録,ディスク障害,はい,,,,",
            "項目,応答時間遵守率,,,,,,,990,1000,,",
            "項目,問合せ回答時間,,,,,,,19,20,,",
            "項目,定時バックアップ取得率,,,,,,,30,30,,");
        var (rows, errors) = SlaReportImport.Read(good, "2028-04.csv", Sla(), T);
        Assert.Empty(errors);
        var (records, problems) = SlaPeriodInput.Read(Sla(), April, 1, rows!.Maintenance, rows.Outages, rows.Items, T);
        Assert.Empty(problems);
        Assert.Single(records!.Maintenance);
        Assert.True(Assert.Single(records.Outages).Attributable);

        var bad = Csv(Header,
            "障害,,2028-04-10 9時,2028-04-10 10:30,,住民記録,ディスク障害,たぶん,,,,",
            "項目,応答時間遵守率,,,,,,,1001,1000,,",
            "項目,存在しない指標,,,,,,,1,1,,",
            "報告,,,,,,,,,,,");
        var (badRows, fileErrors) = SlaReportImport.Read(bad, "2028-04.csv", Sla(), T);
        Assert.Null(badRows);
        Assert.Equal(["4行目 B列（指標）: 「存在しない指標」はSLAにない指標です。", "5行目 A列（種別）: 種別は「計画停止」「障害」「項目」のいずれかです。"], fileErrors);

        var rowsOnly = Csv(Header,
            "障害,,2028-04-10 9時,2028-04-10 10:30,,住民記録,ディスク障害,たぶん,,,,",
            "項目,応答時間遵守率,,,,,,,1001,1000,,",
            "項目,問合せ回答時間,,,,,,,1,1,,");
        var (parsed, _) = SlaReportImport.Read(rowsOnly, "2028-04.csv", Sla(), T);
        var (_, valueProblems) = SlaPeriodInput.Read(Sla(), April, 1, parsed!.Maintenance, parsed.Outages, parsed.Items, T);
        Assert.Equal(
        [
            "2行目 C列（開始）: 日時は「2028-04-10 09:00」の形で入力してください。",
            "2行目 H列（乙の責め）: 乙の責めに帰すべき障害かを「はい」か「いいえ」で入力してください。",
            "3行目 I列（期限内件数）: 期限内の件数が全件数を超えています。",
            "「定時バックアップ取得率」の行がありません。",
        ], valueProblems.Select(p => p.Message));

        var (_, headerErrors) = SlaReportImport.Read(Csv("種別,指標"), "x.csv", Sla(), T);
        Assert.Equal(["1行目: 見出し「開始」「終了」「通知日」「対象サービス」「原因」「乙の責め」「期限内件数」「全件数」「値」「備考」がありません。"], headerErrors);
        var (_, notATable) = SlaReportImport.Read([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "x.xlsx", Sla(), T);
        Assert.Single(notATable);
    }

    // The same report as an Excel sheet: a date cell reads as the form writes it, and an error names the cell's column.
    [Fact]
    public void An_excel_report_is_read_like_the_csv_and_its_errors_name_the_cell()
    {
        static byte[] Sheet(params object?[][] rows)
        {
            var columns = Enumerable.Range(0, 12).Select(i => ((char)('A' + i)).ToString()).ToList();
            var table = rows.Select(r => columns.Select((c, i) => (c, v: i < r.Length ? r[i] : null)).ToDictionary(x => x.c, x => x.v)).ToList();
            using var stream = new MemoryStream();
            stream.SaveAs(table, printHeader: false, excelType: ExcelType.XLSX);
            return stream.ToArray();
        }
        object?[] header = Header.Split(',');
        var xlsx = Sheet(header,
            ["障害", null, new DateTime(2028, 4, 10, 9, 0, 0), new DateTime(2028, 4, 10, 10, 30, 0), null, "住民記録", "ディスク障害", "はい"],
            ["項目", "応答時間遵守率", null, null, null, null, null, null, 990, 1000],
            ["項目", "問合せ回答時間", null, null, null, null, null, null, 19, 20],
            ["項目", "定時バックアップ取得率", null, null, null, null, null, null, 31, 30]);

        var (rows, errors) = SlaReportImport.Read(xlsx, "2028-04.xlsx", Sla(), T);
        Assert.Empty(errors);
        var (records, problems) = SlaPeriodInput.Read(Sla(), April, 1, rows!.Maintenance, rows.Outages, rows.Items, T);

        Assert.Null(records);
        Assert.Equal(["5行目 I列（期限内件数）: 期限内の件数が全件数を超えています。"], problems.Select(p => p.Message));
        Assert.Equal(new DateTime(2028, 4, 10, 9, 0, 0), SlaPeriodInput.ParseTime(rows.Outages[0].Row.Start));
    }
}
