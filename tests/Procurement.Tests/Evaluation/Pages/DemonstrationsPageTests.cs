using System.Net;
using Procurement.Features.Evaluation;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Evaluation.Pages.EvaluationPageFlow;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>The demonstration page: the officer schedules (date, times, place, cap), cancels and defines the scenario; .ics downloads.</summary>
public sealed class DemonstrationsPageTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;
    private static readonly string Page = $"{Hub}/Demonstrations";
    private static readonly string A = EvaluationDemo.VendorA.ToString();
    private static readonly string B = EvaluationDemo.VendorB.ToString();

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Slot(string vendor, string date, string start, string end, string place = "高森町役場 大会議室", string cap = "3") => new()
    {
        ["Schedule.VendorId"] = vendor, ["Schedule.Date"] = date, ["Schedule.Start"] = start, ["Schedule.End"] = end,
        ["Schedule.Place"] = place, ["Schedule.AttendeeCap"] = cap, ["Schedule.Notes"] = "説明20分・質疑10分",
    };

    private static string Unfold(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);

    [Fact]
    public async Task The_officer_schedules_slots_and_everyone_downloads_each_slot_and_the_whole_schedule_as_ics()
    {
        var officer = await _app.SignInAsync("officer1");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"{Page}?handler=Schedule", Slot(A, "2027-01-20", "10:00", "10:30"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"{Page}?handler=Schedule", Slot(B, "2027-01-20", "１１:００", "11:30"))).StatusCode);

        var member = await _app.SignInAsync("member1");
        var html = await member.GetStringAsync(Page);
        Assert.Contains("高森町役場 大会議室", html, StringComparison.Ordinal);
        Assert.Contains("説明20分・質疑10分", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Schedule\"", html, StringComparison.Ordinal); // members read, officers schedule

        var whole = await member.GetAsync($"{Page}?handler=Ics");
        Assert.Equal("text/calendar", whole.Content.Headers.ContentType!.MediaType);
        var all = Unfold(await whole.Content.ReadAsStringAsync());
        Assert.Equal(2, all.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("DTSTART:20270120T010000Z", all, StringComparison.Ordinal); // 10:00 Japan time
        Assert.Contains("DTSTART:20270120T020000Z", all, StringComparison.Ordinal);

        var slotLink = System.Text.RegularExpressions.Regex.Match(html, "handler=Ics&(?:amp;)?slot=([0-9a-f-]{36})").Groups[1].Value;
        var one = Unfold(await member.GetStringAsync($"{Page}?handler=Ics&slot={slotLink}"));
        Assert.Equal(1, one.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("SUMMARY:デモンストレーション: 甲システム株式会社", one, StringComparison.Ordinal);
        Assert.Contains("LOCATION:高森町役場 大会議室", one, StringComparison.Ordinal);
        Assert.Contains("出席者の上限: 3名", one, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"{Page}?handler=Ics&slot={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Bad_dates_times_places_and_caps_are_named_next_to_their_fields_with_the_input_kept()
    {
        var officer = await _app.SignInAsync("officer1");

        var badDate = await officer.PostFormAsync($"{Page}?handler=Schedule", Slot(A, "1月20日", "25:00", "10:30", cap: "三"));
        Assert.Equal(HttpStatusCode.OK, badDate.StatusCode);
        var html = await badDate.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#Schedule_Date\"", html, StringComparison.Ordinal);
        Assert.Contains("日付を「2026-12-01」の形式で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("開始時刻を「13:30」の形式で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("出席者の上限は1〜100人で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"1月20日\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"高森町役場 大会議室\"", html, StringComparison.Ordinal);

        var backwards = await officer.PostFormAsync($"{Page}?handler=Schedule", Slot(A, "2027-01-20", "11:00", "10:00", place: ""));
        html = await backwards.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#Schedule_End\"", html, StringComparison.Ordinal);
        Assert.Contains("終了時刻は開始時刻より後にしてください。", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Schedule_Place\"", html, StringComparison.Ordinal);
        Assert.Contains("会場を入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"11:00\"", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"{Page}?handler=Schedule", Slot(A, "2027-01-20", "10:00", "10:30"))).StatusCode);
        var clash = await officer.PostFormAsync($"{Page}?handler=Schedule", Slot(B, "2027-01-20", "10:15", "10:45"));
        html = await clash.Content.ReadAsStringAsync();
        Assert.Contains("甲システム株式会社のデモンストレーションと時間が重なっています。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"10:15\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slot_is_cancelled_only_with_a_reason()
    {
        var officer = await _app.SignInAsync("officer1");
        await officer.PostFormAsync($"{Page}?handler=Schedule", Slot(A, "2027-01-20", "10:00", "10:30"));
        var slot = System.Text.RegularExpressions.Regex.Match(await officer.GetStringAsync(Page), "name=\"Cancel.SlotId\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;

        var noReason = await officer.PostFormAsync($"{Page}?handler=Cancel", new() { ["Cancel.SlotId"] = slot, ["Cancel.Reason"] = "" });
        Assert.Contains("取消の理由を入力してください。", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var member = await _app.SignInAsync("member1");
        var byMember = await member.PostFormAsync($"{Page}?handler=Cancel", new() { ["Cancel.SlotId"] = slot, ["Cancel.Reason"] = "都合" });
        Assert.Contains("この操作を行う権限がありません。", await byMember.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var cancelled = await officer.PostFormAsync($"{Page}?handler=Cancel", new() { ["Cancel.SlotId"] = slot, ["Cancel.Reason"] = "事業者の申出により日程変更" });
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Contains("デモンストレーションの予定はまだありません。", await officer.GetStringAsync(Page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scenario_needs_a_reason_once_proposals_are_open_and_appears_on_the_members_sheet()
    {
        var officer = await _app.SignInAsync("officer1");
        const string Items = "転入届の受付から住民票の写しの交付まで,10\n大量一括処理,5,必須";

        var badLine = await officer.PostFormAsync($"{Page}?handler=Scenario", new() { ["Scenario.Items"] = "操作デモ", ["Scenario.Reason"] = "追加" });
        Assert.Contains("1行目: 「項目名,配点」の形式で入力してください", await badLine.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var noReason = await officer.PostFormAsync($"{Page}?handler=Scenario", new() { ["Scenario.Items"] = Items });
        var html = await noReason.Content.ReadAsStringAsync();
        Assert.Contains("提案書の開封後にデモンストレーションの項目を変更するには、変更理由が必要です。", html, StringComparison.Ordinal);
        Assert.Contains("大量一括処理,5,必須</textarea>", html, StringComparison.Ordinal);

        var saved = await officer.PostFormAsync($"{Page}?handler=Scenario", new() { ["Scenario.Items"] = Items, ["Scenario.Reason"] = "デモンストレーションの実施を決定" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        html = await officer.GetStringAsync(Page);
        Assert.Contains("<td>D-2</td>", html, StringComparison.Ordinal);
        Assert.Contains("大量一括処理", html, StringComparison.Ordinal);

        // A change of frozen criteria: the member re-confirms before scoring; the scenario is on their sheet.
        var member = await _app.SignInAsync("member1");
        await DeclareNoConflictAsync(member);
        Assert.Contains("転入届の受付から住民票の写しの交付まで", await member.GetStringAsync($"{Hub}/Sheet"), StringComparison.Ordinal);
        var memberPost = await member.PostFormAsync($"{Page}?handler=Scenario", new() { ["Scenario.Items"] = "x,1", ["Scenario.Reason"] = "r" });
        Assert.Contains("この操作を行う権限がありません。", await memberPost.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outsider_gets_404_and_members_cannot_schedule()
    {
        var member = await _app.SignInAsync("member1");
        var refused = await member.PostFormAsync($"{Page}?handler=Schedule", Slot(A, "2027-01-20", "10:00", "10:30"));
        Assert.Contains("この操作を行う権限がありません。", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("デモンストレーションの予定はまだありません。", await member.GetStringAsync(Page), StringComparison.Ordinal);

        var (_, outsiderName) = await _app.CreateOtherGroupWithOfficerAsync();
        var outsider = await _app.SignInAsync(outsiderName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync($"{Page}?handler=Schedule", Slot(A, "2027-01-20", "10:00", "10:30"), "/")).StatusCode);
    }
}
