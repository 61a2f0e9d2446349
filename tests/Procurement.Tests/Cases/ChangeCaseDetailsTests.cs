using System.Net;
using Marten;
using Procurement.Features.Cases;
using Procurement.Features.Demo;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Cases;

public sealed class ChangeCaseDetailsTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string EditUrl = $"/Cases/{DemoData.CaseId}/Edit";

    private static IEnumerable<KeyValuePair<string, string>> Edit(long version, string title) =>
    [
        new("Input.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Input.Title", title),
        new("Input.TargetBusinesses", "jukiki"),
        new("Input.TargetBusinesses", "koseki"),
        new("Input.CloudForm", "SaaS"),
        new("Input.PlannedGoLive", "2028-04-01"),
        new("Input.BudgetCeiling", "480000000"),
    ];

    [Fact]
    public async Task The_second_of_two_officers_saving_the_same_version_is_told_and_overwrites_nothing()
    {
        var first = await _app.SignInAsync("officer1");
        var second = await _app.SignInAsync("officer2");
        long version;
        await using (var s = _app.Store.QuerySession()) version = (await s.LoadAsync<CaseSummary>(DemoData.CaseId))!.Version;

        var ok = await first.PostFormAsync(EditUrl, Edit(version, "一人目の変更"), EditUrl);
        var stale = await second.PostFormAsync(EditUrl, Edit(version, "二人目の変更"), EditUrl);

        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("他の利用者がこの内容を変更しました", html, StringComparison.Ordinal);
        Assert.Contains("value=\"二人目の変更\"", html, StringComparison.Ordinal);

        await using var session = _app.Store.QuerySession();
        var current = await session.LoadAsync<CaseSummary>(DemoData.CaseId);
        Assert.Equal("一人目の変更", current!.Title);
        Assert.Equal(version + 1, current.Version);
        var events = await session.Events.FetchStreamAsync(DemoData.CaseId);
        Assert.Single(events, e => e.Data is CaseDetailsChanged);
    }

    [Fact]
    public async Task An_invalid_edit_appends_no_event()
    {
        var officer = await _app.SignInAsync("officer1");
        long version;
        await using (var s = _app.Store.QuerySession()) version = (await s.LoadAsync<CaseSummary>(DemoData.CaseId))!.Version;

        var response = await officer.PostFormAsync(EditUrl, Edit(version, ""), EditUrl);

        Assert.Contains("案件名を入力してください。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var session = _app.Store.QuerySession();
        Assert.Equal(version, (await session.LoadAsync<CaseSummary>(DemoData.CaseId))!.Version);
    }

    [Fact]
    public async Task An_empty_business_value_in_the_post_is_refused_by_name_not_a_server_error()
    {
        var officer = await _app.SignInAsync("officer1");
        long version;
        await using (var s = _app.Store.QuerySession()) version = (await s.LoadAsync<CaseSummary>(DemoData.CaseId))!.Version;

        var response = await officer.PostFormAsync(EditUrl, Edit(version, "変更").Append(new("Input.TargetBusinesses", "")), EditUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("対象業務に不明な業務が含まれています。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var session = _app.Store.QuerySession();
        Assert.Equal(version, (await session.LoadAsync<CaseSummary>(DemoData.CaseId))!.Version);
    }
}
