using System.Net;
using Procurement.Features.Demo;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Account;

/// <summary>Every page of the foundation, by role and by case membership.</summary>
public sealed class AuthorisationTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await _app.CreateOtherGroupWithOfficerAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string CasePage = $"/Cases/{DemoData.CaseId}";
    private static readonly string CaseEdit = $"/Cases/{DemoData.CaseId}/Edit";

    public static TheoryData<string> ProtectedPages => new() { "/", "/Groups/Wizard", "/Cases/Wizard", CasePage, CaseEdit, "/Admin/Users", "/Admin/Users/Edit" };

    [Theory]
    [MemberData(nameof(ProtectedPages))]
    public async Task Anonymous_users_are_sent_to_sign_in(string url)
    {
        var response = await _app.Anonymous().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("officer1", "/Groups/Wizard", HttpStatusCode.OK)]
    [InlineData("officer1", "/Cases/Wizard", HttpStatusCode.OK)]
    [InlineData("officer1", "/Admin/Users", HttpStatusCode.Redirect)]
    [InlineData("member1", "/Groups/Wizard", HttpStatusCode.Redirect)]
    [InlineData("member1", "/Cases/Wizard", HttpStatusCode.Redirect)]
    [InlineData("legal", "/Cases/Wizard", HttpStatusCode.Redirect)]
    [InlineData("legal", "/Admin/Users/Edit", HttpStatusCode.Redirect)]
    [InlineData("admin", "/Admin/Users", HttpStatusCode.OK)]
    [InlineData("admin", "/Admin/Users/Edit", HttpStatusCode.OK)]
    public async Task Role_pages_admit_only_their_roles(string user, string url, HttpStatusCode expected)
    {
        var client = await _app.SignInAsync(user);

        var response = await client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect) Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("officer1")]
    [InlineData("member1")]
    [InlineData("chair")]
    [InlineData("legal")]
    public async Task Members_of_the_group_see_the_case(string user)
    {
        var client = await _app.SignInAsync(user);

        var response = await client.GetAsync(CasePage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/Cases/{0}")]
    [InlineData("/Cases/{0}/Edit")]
    public async Task A_user_of_another_group_gets_404_for_the_case(string pattern)
    {
        var client = await _app.SignInAsync("outsider", TestUsers.Password);

        var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, DemoData.CaseId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("住民情報系", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_of_another_group_does_not_see_the_case_on_the_home_page()
    {
        var client = await _app.SignInAsync("outsider", TestUsers.Password);

        var home = await client.GetStringAsync("/");

        Assert.DoesNotContain("住民情報系システム共同利用", home, StringComparison.Ordinal);
        Assert.Contains("別グループ協議会", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_of_another_group_cannot_post_an_edit_to_the_case()
    {
        var client = await _app.SignInAsync("outsider", TestUsers.Password);

        var response = await client.PostFormAsync(CaseEdit, new Dictionary<string, string> { ["Input.Version"] = "1", ["Input.Title"] = "乗っ取り" }, formPageUrl: "/Cases/Wizard");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_committee_member_cannot_post_an_edit_to_a_case_of_their_own_group()
    {
        var client = await _app.SignInAsync("member1");

        var response = await client.PostFormAsync(CaseEdit, new Dictionary<string, string> { ["Input.Version"] = "1", ["Input.Title"] = "変更" }, formPageUrl: "/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_is_open_to_anonymous_callers()
    {
        Assert.Equal(HttpStatusCode.OK, (await _app.Anonymous().GetAsync("/health")).StatusCode);
    }
}
