using System.Net;
using Marten;
using Procurement.Features.Documents;
using Procurement.Features.Groups;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Groups;

public sealed class GroupWizardTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<HttpResponseMessage> Post(HttpClient client, params (string Key, string Value)[] fields) =>
        await client.PostFormAsync("/Groups/Wizard", fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)), "/Groups/Wizard");

    [Fact]
    public async Task An_officer_creates_a_group_with_members_and_a_representative_and_belongs_to_it()
    {
        var client = await _app.SignInAsync("officer1");
        await Post(client, ("Step", "0"), ("action", "next"), ("Input.Name", "北信自治体クラウド広域連合"), ("Input.Form", "WideAreaUnion"));
        await Post(client, ("Step", "1"), ("action", "next"),
            ("Input.Members[0].Name", "中野市"), ("Input.Members[0].Population", "41,835"), ("Input.Members[0].PopulationDate", "2025-09-30"),
            ("Input.Members[1].Name", "飯山市"), ("Input.Members[1].Population", "18920"), ("Input.Members[1].PopulationDate", "2025-09-30"),
            ("Input.Members[2].Name", ""), ("Input.Members[2].Population", ""), ("Input.Members[2].PopulationDate", ""),
            ("Input.RepresentativeRow", "0"));

        var review = await client.GetStringAsync("/Groups/Wizard");
        Assert.Contains("人口計: 60,755人", review, StringComparison.Ordinal);

        var done = await Post(client, ("Step", "2"), ("action", "submit"));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await using var session = _app.Store.QuerySession();
        var group = await session.Query<GroupView>().SingleAsync(g => g.Name == "北信自治体クラウド広域連合");
        Assert.Equal(OrganisationForm.WideAreaUnion, group.Form);
        Assert.Equal("中野市", group.Representative);
        Assert.Equal([41_835, 18_920], group.Members.Select(m => m.Population));
        Assert.Single(group.UserIds);
        Assert.Equal(DateStyle.WarekiOnly, group.DateStyle); // nothing chosen: the default, and no settings event
        Assert.DoesNotContain((await session.Events.FetchStreamAsync(group.Id)).Select(e => e.Data), e => e is GroupDocumentSettingsChanged);
    }

    [Fact]
    public async Task The_date_style_chosen_in_the_first_step_is_shown_for_review_and_recorded_with_the_group()
    {
        var client = await _app.SignInAsync("officer1");
        var bad = await Post(client, ("Step", "0"), ("action", "next"), ("Input.Name", "南部自治体クラウド協議会"), ("Input.Form", "Council"), ("Input.DateStyle", "Gregorian"));
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("日付の書き方を選択してください。", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_DateStyle\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"南部自治体クラウド協議会\"", html, StringComparison.Ordinal);

        await Post(client, ("Step", "0"), ("action", "next"), ("Input.Name", "南部自治体クラウド協議会"), ("Input.Form", "Council"), ("Input.DateStyle", "WarekiWithWestern"));
        await Post(client, ("Step", "1"), ("action", "next"),
            ("Input.Members[0].Name", "阿南町"), ("Input.Members[0].Population", "4,300"), ("Input.Members[0].PopulationDate", "2025-09-30"),
            ("Input.RepresentativeRow", "0"));
        Assert.Contains("<dd>和暦（西暦）</dd>", await client.GetStringAsync("/Groups/Wizard"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await Post(client, ("Step", "2"), ("action", "submit"))).StatusCode);
        await using var session = _app.Store.QuerySession();
        var group = await session.Query<GroupView>().SingleAsync(g => g.Name == "南部自治体クラウド協議会");
        Assert.Equal(DateStyle.WarekiWithWestern, group.DateStyle);
        var settings = Assert.Single((await session.Events.FetchStreamAsync(group.Id)).Select(e => e.Data).OfType<GroupDocumentSettingsChanged>());
        Assert.Equal("高森 花子", settings.By.Name);
    }

    [Fact]
    public async Task Member_rows_with_bad_values_are_named_and_kept()
    {
        var client = await _app.SignInAsync("officer2");
        await Post(client, ("Step", "0"), ("action", "next"), ("Input.Name", "検証協議会"), ("Input.Form", "Council"));

        var response = await Post(client, ("Step", "1"), ("action", "next"),
            ("Input.Members[0].Name", "甲町"), ("Input.Members[0].Population", "-5"), ("Input.Members[0].PopulationDate", "2025-09-30"),
            ("Input.Members[1].Name", "乙村"), ("Input.Members[1].Population", "abc"), ("Input.Members[1].PopulationDate", ""));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("人口は1以上の整数で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("人口の基準日を入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("代表団体を選択してください。", html, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Input.Members[1].Population\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"abc\"", html, StringComparison.Ordinal);
        await using var session = _app.Store.QuerySession();
        Assert.False(await session.Query<GroupView>().AnyAsync(g => g.Name == "検証協議会"));
    }
}
