using System.Net;
using System.Text.RegularExpressions;
using Procurement.Features.Account;
using Procurement.Features.Demo;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Account;

public sealed partial class SignInTests : IAsyncLifetime
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
        for (var i = 0; i < SignInAttempts.MaxFailures; i++)
        {
            await client.PostFormAsync("/Account/SignIn", Form("member2", "wrong-password"));
        }

        var locked = await client.PostFormAsync("/Account/SignIn", Form("member2", DemoData.Password));
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("ロック", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        _app.Clock.Advance(SignInAttempts.LockoutDuration + TimeSpan.FromSeconds(1));
        var after = await client.PostFormAsync("/Account/SignIn", Form("member2", DemoData.Password));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Forty_parallel_wrong_passwords_lock_the_account_for_the_right_one()
    {
        var client = _app.Anonymous();
        await client.GetAsync("/Account/SignIn"); // one antiforgery cookie for all forty

        var attempts = await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(_ => client.PostFormAsync("/Account/SignIn", Form("officer2", "wrong-password"))));

        Assert.All(attempts, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var right = await client.PostFormAsync("/Account/SignIn", Form("officer2", DemoData.Password));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("ロック", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_user_name_gets_the_same_answers_as_a_real_account()
    {
        async Task<List<string>> AnswersAsync(string user)
        {
            var client = _app.Anonymous();
            var answers = new List<string>();
            for (var i = 0; i <= SignInAttempts.MaxFailures; i++)
            {
                var html = await (await client.PostFormAsync("/Account/SignIn", Form(user, "wrong-password"))).Content.ReadAsStringAsync();
                answers.Add(ErrorSummary().Match(html).Value);
            }
            return answers;
        }

        var real = await AnswersAsync("chair");
        var unknown = await AnswersAsync("nobody-here");

        Assert.Equal(real, unknown);
        Assert.Contains("ユーザー名またはパスワードが正しくありません", real[0], StringComparison.Ordinal);
        Assert.Contains("ロック", real[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_forwarded_header_does_not_escape_the_lock_when_no_proxy_is_trusted()
    {
        var client = _app.Anonymous();
        for (var i = 0; i < SignInAttempts.MaxFailures; i++)
        {
            client.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            await client.PostFormAsync("/Account/SignIn", Form("officer1", "wrong-password"));
        }
        client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.77");

        var right = await client.PostFormAsync("/Account/SignIn", Form("officer1", DemoData.Password));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("ロック", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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

    [GeneratedRegex("<div class=\"error-summary\"[^>]*>.*?</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummary();
}
