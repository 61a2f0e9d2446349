using System.Net;
using Marten;
using MiniExcelLibs;
using Procurement.Features.CostSharing;
using Procurement.Features.Demo;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.CostSharing;

public sealed class RecordCostShareTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await _app.CreateOtherGroupWithOfficerAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string Url = $"/Cases/{DemoData.CaseId}/CostShare";

    private static List<KeyValuePair<string, string>> Form(string action, string secondPopulation = "10000") =>
    [
        new("action", action), new("Input.Title", "導入計画の費用分担"),
        new("Input.EqualRatio", "20"), new("Input.PopulationRatio", "80"), new("Input.DiminishingRatio", "0"), new("Input.UsageRatio", "0"),
        new("Input.Remainder", "Representative"), new("Input.Leaving", "FullYear"), new("Input.Representative", "丙村"),
        new("Input.Members[0].Name", "甲市"), new("Input.Members[0].Population", "30,000"),
        new("Input.Members[1].Name", "乙町"), new("Input.Members[1].Population", secondPopulation),
        new("Input.Members[2].Name", "丙村"), new("Input.Members[2].Population", "10000"),
        new("Input.Years[0].FiscalYear", "2028"), new("Input.Years[0].Total", "1,000,000"),
    ];

    [Fact]
    public async Task Recording_appends_one_event_with_exact_yen_shows_it_on_the_timeline_and_exports_to_Excel()
    {
        var officer = await _app.SignInAsync("officer1");

        var response = await officer.PostFormAsync(Url, Form("record"), Url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var session = _app.Store.QuerySession();
        var plan = await session.LoadAsync<CostSharePlan>(DemoData.CaseId);
        // Hand-computed in CostShareCalculatorTests: 546,666 / 226,666 / 226,668 with the representative (丙村) taking the 2 yen.
        Assert.Equal([546_666L, 226_666L, 226_668L], plan!.Latest!.Years[0].Shares.Select(s => s.Amount));
        Assert.Contains("費用分担を算定しました", await officer.GetStringAsync($"/Cases/{DemoData.CaseId}"), StringComparison.Ordinal);

        var excel = await officer.GetAsync(Url + "?handler=Excel");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        var rows = (await excel.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(546_666d, Convert.ToDouble(rows[0]["2028年度"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1_000_000d, Convert.ToDouble(rows[3]["2028年度"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_bad_population_is_named_next_to_its_row_and_nothing_is_recorded()
    {
        var officer = await _app.SignInAsync("officer2");
        long before;
        await using (var s = _app.Store.QuerySession()) before = (await s.Events.FetchStreamStateAsync(DemoData.CaseId))!.Version;

        var response = await officer.PostFormAsync(Url, Form("record", secondPopulation: "一万"), Url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-valmsg-for=\"Input.Members[1].Population\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"一万\"", html, StringComparison.Ordinal);
        await using var session = _app.Store.QuerySession();
        Assert.Equal(before, (await session.Events.FetchStreamStateAsync(DemoData.CaseId))!.Version);
    }

    [Fact]
    public async Task Committee_members_may_look_but_not_record_and_other_groups_get_404()
    {
        var member = await _app.SignInAsync("member1");
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(Url)).StatusCode);
        var post = await member.PostFormAsync(Url, Form("record"), "/");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/Account/Denied", post.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await using (var session = _app.Store.QuerySession())
        {
            Assert.Null(await session.LoadAsync<CostSharePlan>(DemoData.CaseId) is { } p && p.Latest!.By.Name.Contains("豊丘", StringComparison.Ordinal) ? p : null);
        }

        var outsider = await _app.SignInAsync("outsider", TestUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Url)).StatusCode);
    }
}
