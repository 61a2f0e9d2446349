using System.Net;
using Procurement.Features.Demo;
using Procurement.Features.Documents.Rendering;
using Procurement.Features.Sla;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Contracts;

/// <summary>The SLA builder's service calendar over HTTP: saved, refused with the field named, shown again, and used by the drafts and the 調達仕様書.</summary>
public sealed class SlaCalendarFormTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private static readonly string Builder = $"{ContractSteps.Dossier}/Sla";
    private static readonly string Documents = $"/Cases/{DemoData.CaseId}/Documents";
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static KeyValuePair<string, string>[] Calendar(string start, string end, bool holidays, bool yearEnd, params string[] days) =>
    [
        new("Input.Preset", "OtherService"), new("Input.CalendarStart", start), new("Input.CalendarEnd", end),
        .. days.Select(d => new KeyValuePair<string, string>("Input.CalendarDays", d)),
        .. holidays ? [new KeyValuePair<string, string>("Input.ExcludeHolidays", "true")] : Array.Empty<KeyValuePair<string, string>>(),
        .. yearEnd ? [new KeyValuePair<string, string>("Input.ExcludeYearEnd", "true")] : Array.Empty<KeyValuePair<string, string>>(),
    ];

    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    [Fact]
    public async Task An_officer_saves_weekdays_8_30_to_17_15_without_holidays_and_the_builder_shows_them_again()
    {
        var officer = await _app.SignInAsync("officer1");

        var saved = await _app.SaveSlaStepAsync(officer, 0, "next", Calendar("8:30", "17:15", holidays: true, yearEnd: true, Weekdays));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var calendar = (await _app.LoadDossierAsync())!.Sla!.Calendar;
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], calendar.Days);
        Assert.Equal((510, 1035, true, true), (calendar.StartMinute, calendar.EndMinute, calendar.ExcludeYearEnd, calendar.ExcludeHolidays));

        var html = await officer.GetStringAsync($"{Builder}?step=0");
        Assert.Contains("name=\"Input.CalendarDays\" value=\"Monday\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.CalendarDays\" value=\"Saturday\" /", html, StringComparison.Ordinal);
        Assert.Contains("value=\"8:30\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"17:15\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.ExcludeHolidays\" value=\"true\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.ExcludeYearEnd\" value=\"true\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);

        // A later step keeps the calendar; the end may be 24:00.
        Assert.Equal(HttpStatusCode.Redirect, (await _app.SaveBoundaryAsync(officer)).StatusCode);
        Assert.True((await _app.LoadDossierAsync())!.Sla!.Calendar.ExcludeHolidays);
        Assert.Equal(HttpStatusCode.Redirect, (await _app.SaveSlaStepAsync(officer, 0, "next", Calendar("0:00", "24:00", false, false, [.. Weekdays, "Saturday", "Sunday"]))).StatusCode);
        Assert.Equal(ServiceCalendar.AllDay.EndMinute, (await _app.LoadDossierAsync())!.Sla!.Calendar.EndMinute);
    }

    [Fact]
    public async Task Bad_times_and_no_days_are_named_at_their_fields_kept_on_screen_and_nothing_is_saved()
    {
        var officer = await _app.SignInAsync("officer1");

        var reversed = await _app.SaveSlaStepAsync(officer, 0, "next", Calendar("17:15", "8:30", true, false, Weekdays));
        var html = await reversed.Content.ReadAsStringAsync();
        Assert.Contains("data-valmsg-for=\"Input.CalendarEnd\" data-valmsg-replace=\"true\">サービス提供時間の開始時刻は終了時刻より前にしてください。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"17:15\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.ExcludeHolidays\" value=\"true\" checked=\"checked\"", html, StringComparison.Ordinal);

        var malformed = await (await _app.SaveSlaStepAsync(officer, 0, "next", Calendar("8時半", "25:00", false, false))).Content.ReadAsStringAsync();
        Assert.Contains("data-valmsg-for=\"Input.CalendarStart\" data-valmsg-replace=\"true\">サービス提供時間の開始時刻は「8:30」のように時:分で入力してください。", malformed, StringComparison.Ordinal);
        Assert.Contains("サービス提供時間の終了時刻は「17:15」のように時:分（24:00まで）で入力してください。", malformed, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Input.CalendarDays\" data-valmsg-replace=\"true\">サービス提供日の曜日を1つ以上選択してください。", malformed, StringComparison.Ordinal);
        Assert.Contains("value=\"8時半\"", malformed, StringComparison.Ordinal);

        Assert.Null((await _app.LoadDossierAsync())?.Sla);
    }

    [Fact]
    public async Task The_SLA_draft_and_the_specification_state_the_saved_service_hours()
    {
        var officer = await _app.SignInAsync("officer1");
        Assert.Equal(HttpStatusCode.Redirect, (await _app.SaveSlaStepAsync(officer, 0, "next", Calendar("8:30", "17:15", true, true, Weekdays))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _app.SaveBoundaryAsync(officer)).StatusCode);
        const string Hours = "月火水木金曜日 8:30から17:15まで（国民の祝日に関する法律に規定する休日及び12月29日から1月3日までを除く）";

        await _app.SubmitFirstVersionAsync(officer);
        var sla = DocxText.Extract(await officer.GetByteArrayAsync($"{ContractSteps.Dossier}/Download?version=1&kind=sla"));
        Assert.Contains(Hours, sla, StringComparison.Ordinal);

        var generated = await officer.PostFormAsync($"{Documents}?handler=Generate", new Dictionary<string, string> { ["templateId"] = "procurement-spec", ["workingDraft"] = "true" }, Documents);
        Assert.Equal(HttpStatusCode.Redirect, generated.StatusCode);
        var spec = DocxText.Extract(await officer.GetByteArrayAsync($"{Documents}/procurement-spec/1/Download"));
        Assert.Contains(Hours + "とする。", spec, StringComparison.Ordinal);
    }
}
