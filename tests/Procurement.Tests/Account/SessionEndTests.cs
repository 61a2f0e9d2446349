using System.Net;
using Procurement.Features.Demo;
using Procurement.Infrastructure.Auth;
using Procurement.Tests.Admin.Users;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Account;

/// <summary>A session ends at its next request when the rights it was signed in with are gone.</summary>
public sealed class SessionEndTests : IAsyncLifetime
{
    private AppFactory _app = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await AppFactory.StartAsync(nameof(SessionEndTests));
        _admin = await _app.SignInAsync("admin");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task AssertSignedOutAsync(HttpClient client)
    {
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static async Task AssertSignedInAsync(HttpClient client) =>
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

    private static HttpRequestMessage WithCookies(string url, IEnumerable<string> cookies)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        return request;
    }

    [Fact]
    public async Task Deactivation_ends_the_users_existing_session()
    {
        var user = await _app.SignInAsync("member1");
        await AssertSignedInAsync(user);
        var account = await _app.AccountAsync("member1");

        await _admin.SaveUserAsync(new(account.Id, "member1", account.DisplayName, [.. account.Roles], [DemoData.GroupId], IsActive: false));

        await AssertSignedOutAsync(user);
    }

    [Fact]
    public async Task Removing_a_role_ends_the_users_existing_session()
    {
        var user = await _app.SignInAsync("officer2");
        var account = await _app.AccountAsync("officer2");

        await _admin.SaveUserAsync(new(account.Id, "officer2", account.DisplayName, [Roles.Committee], [DemoData.GroupId]));

        await AssertSignedOutAsync(user);
    }

    [Fact]
    public async Task Removing_a_group_ends_the_users_existing_session()
    {
        var user = await _app.SignInAsync("member2");
        var account = await _app.AccountAsync("member2");

        await _admin.SaveUserAsync(new(account.Id, "member2", account.DisplayName, [.. account.Roles], []));

        await AssertSignedOutAsync(user);
    }

    [Fact]
    public async Task A_password_set_by_the_admin_ends_the_users_existing_session()
    {
        var user = await _app.SignInAsync("chair");
        var account = await _app.AccountAsync("chair");

        await _admin.SaveUserAsync(new(account.Id, "chair", account.DisplayName, [.. account.Roles], [DemoData.GroupId], Password: "chair-new-pass-2026"));

        await AssertSignedOutAsync(user);
    }

    [Fact]
    public async Task A_save_that_takes_no_right_away_keeps_the_session()
    {
        var user = await _app.SignInAsync("legal");
        var account = await _app.AccountAsync("legal");

        await _admin.SaveUserAsync(new(account.Id, "legal", "法務 三郎（改）", [.. account.Roles], [DemoData.GroupId]));

        await AssertSignedInAsync(user);
    }

    [Fact]
    public async Task A_cookie_captured_before_sign_out_no_longer_works()
    {
        var user = await _app.SignInAsync("officer1");
        var captured = _app.LastSignInCookies;
        var fresh = _app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await fresh.SendAsync(WithCookies("/", captured))).StatusCode);

        await user.PostFormAsync("/Account/SignOut", new Dictionary<string, string>(), formPageUrl: "/");

        var replay = await _app.Anonymous().SendAsync(WithCookies("/", captured));
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/Account/SignIn", replay.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_ones_own_password_keeps_this_session_and_ends_the_others()
    {
        var (_, userName) = await _app.CreateOtherGroupWithOfficerAsync("selfservice");
        var other = await _app.SignInAsync(userName, TestUsers.Password);
        var here = await _app.SignInAsync(userName, TestUsers.Password);

        var response = await here.PostFormAsync("/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = TestUsers.Password,
            ["Input.NewPassword"] = "self-new-pass-2026",
            ["Input.ConfirmPassword"] = "self-new-pass-2026",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await AssertSignedInAsync(here);
        await AssertSignedOutAsync(other);
        var old = await _app.Anonymous().PostFormAsync("/Account/SignIn", new() { ["UserName"] = userName, ["Password"] = TestUsers.Password });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        await _app.SignInAsync(userName, "self-new-pass-2026");
    }
}
