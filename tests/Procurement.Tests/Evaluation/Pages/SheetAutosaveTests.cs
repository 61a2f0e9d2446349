using System.Net;
using Marten;
using System.Text.Json;
using Procurement.Features.Demo;
using Procurement.Features.Evaluation;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Evaluation.Pages.EvaluationPageFlow;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>The score sheet's autosave handler (what wwwroot/js/score-sheet-autosave.js calls) and its version check.</summary>
public sealed class SheetAutosaveTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;
    private static readonly string Sheet = $"{Hub}/Sheet";
    private static readonly string Autosave = $"{Hub}/Sheet?handler=Autosave";
    private static readonly string A = EvaluationDemo.VendorA.ToString("N");

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpClient> MemberAsync(string name = "member1")
    {
        var member = await _app.SignInAsync(name);
        await DeclareNoConflictAsync(member);
        return member;
    }

    private async Task<int> SheetEventCountAsync(string userName)
    {
        var memberId = await UserIdAsync(_app, userName);
        await using var session = _app.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(EvaluationStreams.ScoreSheet(DemoData.CaseId, memberId))).Count;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> AutosaveAsync(HttpClient member, long version, Dictionary<string, string> cells)
    {
        var response = await member.PostFormAsync(Autosave, new Dictionary<string, string>(cells) { ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Sheet);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task The_page_wires_the_autosave_script_and_carries_the_sheet_version()
    {
        var member = await MemberAsync();
        var html = await member.GetStringAsync(Sheet);
        Assert.Contains($"data-autosave-url=\"{Sheet}?handler=Autosave\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/js/score-sheet-autosave.js?v=", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Version\" value=\"0\"", html, StringComparison.Ordinal);
        Assert.Contains("下書きを保存", html, StringComparison.Ordinal); // the button stays for browsers without JS
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/js/score-sheet-autosave.js")).StatusCode);
    }

    [Fact]
    public async Task An_autosave_saves_the_changed_cells_answers_time_and_version_and_appends_nothing_when_nothing_changed()
    {
        var member = await MemberAsync();

        var (status, body) = await AutosaveAsync(member, 0, new() { [$"Cells[{A}-1-1]"] = "4", [$"Cells[{A}-3-1]"] = "12.5" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("saved").GetBoolean());
        Assert.Equal("10:00:00", body.GetProperty("at").GetString()); // 01:00 UTC on the test clock, shown in Japan time
        Assert.Equal(1, body.GetProperty("version").GetInt64());
        var html = await member.GetStringAsync(Sheet);
        Assert.Contains("value=\"12.5\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"4\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Equal(1, await SheetEventCountAsync("member1"));

        // The same cells again (the page sends every cell on each autosave): no event, same version.
        var (again, same) = await AutosaveAsync(member, 1, new() { [$"Cells[{A}-1-1]"] = "4", [$"Cells[{A}-3-1]"] = "12.5" });
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(1, same.GetProperty("version").GetInt64());
        Assert.Equal(1, await SheetEventCountAsync("member1"));
        Assert.Equal(1, await SheetVersionAsync(member));
    }

    [Fact]
    public async Task A_bad_value_is_answered_422_with_the_error_keyed_by_the_cell_and_nothing_is_saved()
    {
        var member = await MemberAsync();

        var (status, body) = await AutosaveAsync(member, 0, new() { [$"Cells[{A}-3-1]"] = "99", [$"Cells[{A}-1-1]"] = "3" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.False(body.GetProperty("saved").GetBoolean());
        Assert.Equal("甲システム株式会社「障害時の対応体制」: 評価は0〜15の数値で入力してください",
            body.GetProperty("errors").GetProperty($"cell-{A}-3-1").GetString());
        Assert.Equal(0, await SheetEventCountAsync("member1"));
    }

    /// <summary>Every cell of the sheet as the page posts it: as loaded (empty here), except the ones given.</summary>
    private static Dictionary<string, string> Page(Dictionary<string, string> changed)
    {
        var cells = Cells("", "").Where(kv => kv.Key.StartsWith("Cells[", StringComparison.Ordinal)).ToDictionary(kv => kv.Key, _ => "");
        foreach (var (key, value) in changed) cells[key] = value;
        return cells;
    }

    private async Task<List<decimal?>> HistoryOfAsync(string userName, Guid vendor, string item)
    {
        var memberId = await UserIdAsync(_app, userName);
        await using var session = _app.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(EvaluationStreams.ScoreSheet(DemoData.CaseId, memberId));
        return [.. events.Select(e => e.Data).OfType<Procurement.Features.Evaluation.ScoreSheets.ScoreDraftSaved>()
            .SelectMany(e => e.Changes).Where(c => c.VendorId == vendor && c.ItemId == item).Select(c => c.Mark)];
    }

    [Fact]
    public async Task A_second_tab_with_an_older_version_keeps_the_other_tabs_cells_and_its_later_write_of_the_same_cell_wins()
    {
        var member = await MemberAsync();
        var loadedAt = await SheetVersionAsync(member); // both tabs opened the sheet here

        var (first, _) = await AutosaveAsync(member, loadedAt, Page(new() { [$"Cells[{A}-1-1]"] = "5", [$"Cells[{A}-1-2]"] = "4" }));
        Assert.Equal(HttpStatusCode.OK, first);

        // The second tab still shows 1-2 empty: that is not an edit, so the first tab's 4 stays; its 1-1 is later and wins.
        var (second, body) = await AutosaveAsync(member, loadedAt, Page(new() { [$"Cells[{A}-1-1]"] = "2", [$"Cells[{A}-3-1]"] = "7" }));
        Assert.Equal(HttpStatusCode.OK, second);
        Assert.True(body.GetProperty("saved").GetBoolean());
        var html = await member.GetStringAsync(Sheet);
        Assert.Contains("<option value=\"2\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"4\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("value=\"7\"", html, StringComparison.Ordinal);
        Assert.Equal([5m, 2m], await HistoryOfAsync("member1", EvaluationDemo.VendorA, "1-1")); // the earlier value stays in the history

        // The button (no JS) follows the same rule.
        var button = await member.PostFormAsync($"{Sheet}?handler=Save", Page(new() { [$"Cells[{A}-1-1]"] = "3" }).Append(new("Version", loadedAt.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToDictionary(), Sheet);
        Assert.Equal(HttpStatusCode.Redirect, button.StatusCode);
        html = await member.GetStringAsync(Sheet);
        Assert.Contains("<option value=\"3\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"4\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("value=\"7\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_autosaves_of_one_member_are_never_refused_as_stale()
    {
        var member = await MemberAsync();
        var loadedAt = await SheetVersionAsync(member);
        var vendors = new[] { EvaluationDemo.VendorA, EvaluationDemo.VendorB, EvaluationDemo.VendorC }.Select(v => v.ToString("N")).ToList();
        var changes = vendors.SelectMany(v => new[] { ("1-1", "4"), ("1-2", "3"), ("3-1", "9") }.Select(c => (Key: $"Cells[{v}-{c.Item1}]", Value: c.Item2))).ToList();

        var replies = await Task.WhenAll(changes.Concat(changes).Select(c => AutosaveAsync(member, loadedAt, Page(new() { [c.Key] = c.Value }))));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        await using var session = _app.Store.QuerySession();
        var sheet = (await session.LoadAsync<Procurement.Features.Evaluation.ScoreSheets.ScoreSheetView>(EvaluationStreams.ScoreSheet(DemoData.CaseId, await UserIdAsync(_app, "member1"))))!;
        // The stream holds every change too, not only the read model.
        var live = (await session.Events.AggregateStreamAsync<Procurement.Features.Evaluation.ScoreSheets.ScoreSheetView>(sheet.Id))!;
        Assert.Equal(changes.Count, live.Cells.Count);
        Assert.Equal(changes.Count, sheet.Cells.Count);
    }

    [Fact]
    public async Task A_submitted_sheet_refuses_the_autosave_and_the_page_no_longer_autosaves()
    {
        var member = await MemberAsync();
        var submit = await member.PostFormAsync($"{Sheet}?handler=Submit", Cells("3", "10"), Sheet);
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var events = await SheetEventCountAsync("member1");
        var version = await SheetVersionAsync(member);

        var (status, body) = await AutosaveAsync(member, version, Cells("5", "15"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.StartsWith("提出済みの採点表は変更できません。", body.GetProperty("errors").GetProperty("Sheet").GetString(), StringComparison.Ordinal);
        Assert.Equal(events, await SheetEventCountAsync("member1"));
        var html = await member.GetStringAsync(Sheet);
        Assert.Contains("data-autosave-url=\"\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("score-sheet-autosave.js", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Legal_staff_and_outsiders_cannot_autosave()
    {
        var legal = await _app.SignInAsync("legal");
        Assert.True(IsDenied(await legal.PostFormAsync(Autosave, Cells("3", "10"), Hub)));

        var (_, outsiderName) = await _app.CreateOtherGroupWithOfficerAsync();
        var outsider = await _app.SignInAsync(outsiderName, TestUsers.Password);
        var refused = await outsider.PostFormAsync(Autosave, Cells("3", "10"), "/");
        Assert.True(refused.StatusCode is HttpStatusCode.NotFound || IsDenied(refused));
    }
}
