using System.Net;
using Procurement.Features.Demo;
using Procurement.Features.Users;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Account;

public sealed class SignInTests : IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await AppFactory.StartAsync(nameof(SignInTests));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Dictionary<string, string> Form(string user, string password) => new() { ["UserName"] = user, ["Password"] = password };

    [Fact]
    public async Task A_correct_password_signs_in_and_the_home_page_shows_the_demo_case()
    {
        var client = await _app.SignInAsync("officer1");

        var home = await client.GetStringAsync("/");

        Assert.Contains("住民情報系システム共同利用", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_no_cookie()
    {
        var client = _app.Anonymous();

        var response = await client.PostFormAsync("/Account/SignIn", Form("officer2", "wrong-password"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ユーザー名またはパスワードが正しくありません", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password_until_the_lockout_ends()
    {
        var client = _app.Anonymous();
        for (var i = 0; i < UserAccount.MaxFailedSignIns; i++)
        {
            await client.PostFormAsync("/Account/SignIn", Form("member2", "wrong-password"));
        }

        var locked = await client.PostFormAsync("/Account/SignIn", Form("member2", DemoData.Password));
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("ロック", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        _app.Clock.Advance(UserAccount.LockoutDuration + TimeSpan.FromSeconds(1));
        var after = await client.PostFormAsync("/Account/SignIn", Form("member2", DemoData.Password));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected()
    {
        var response = await _app.Anonymous().PostAsync("/Account/SignIn", new FormUrlEncodedContent(Form("officer1", DemoData.Password)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var client = await _app.SignInAsync("legal");

        await client.PostFormAsync("/Account/SignOut", new Dictionary<string, string>(), formPageUrl: "/");

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }
}
