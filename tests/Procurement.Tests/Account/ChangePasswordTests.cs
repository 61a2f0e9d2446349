using System.Net;
using Procurement.Features.Account;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Account;

/// <summary>The page where signed-in users change their own password.</summary>
public sealed class ChangePasswordTests : IAsyncLifetime
{
    private AppFactory _app = null!;
    private HttpClient _user = null!;
    private string _userName = "";

    public async Task InitializeAsync()
    {
        _app = await AppFactory.StartAsync(nameof(ChangePasswordTests), demo: false);
        (_, _userName) = await _app.CreateOtherGroupWithOfficerAsync("clerk");
        _user = await _app.SignInAsync(_userName, TestUsers.Password);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> PostAsync(string current, string next, string confirm)
    {
        var response = await _user.PostFormAsync("/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = confirm,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_layout_links_to_the_page_and_the_form_carries_an_antiforgery_token()
    {
        Assert.Contains("href=\"/Account/ChangePassword\"", await _user.GetStringAsync("/"), StringComparison.Ordinal);
        var page = await _user.GetStringAsync("/Account/ChangePassword");
        Assert.Contains("__RequestVerificationToken", page, StringComparison.Ordinal);
        Assert.Contains("現在のパスワード", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_current_password_is_named_and_the_password_stays()
    {
        var page = await PostAsync("not-my-password", "clerk-new-pass-2026", "clerk-new-pass-2026");

        Assert.Contains("現在のパスワードが正しくありません。", page, StringComparison.Ordinal);
        await _app.SignInAsync(_userName, TestUsers.Password);
    }

    [Fact]
    public async Task A_confirmation_that_differs_is_named()
    {
        var page = await PostAsync(TestUsers.Password, "clerk-new-pass-2026", "clerk-new-pass-2027");

        Assert.Contains("確認用のパスワードが新しいパスワードと一致しません。", page, StringComparison.Ordinal);
        await _app.SignInAsync(_userName, TestUsers.Password);
    }

    [Fact]
    public async Task A_short_new_password_is_named()
    {
        var page = await PostAsync(TestUsers.Password, "short", "short");

        Assert.Contains("パスワードは10文字以上にしてください。", page, StringComparison.Ordinal);
        await _app.SignInAsync(_userName, TestUsers.Password);
    }

    [Fact]
    public async Task Guessing_the_current_password_is_limited_like_signing_in()
    {
        var (_, guesser) = await _app.CreateOtherGroupWithOfficerAsync("guesser");
        var session = await _app.SignInAsync(guesser, TestUsers.Password);
        for (var i = 0; i < SignInAttempts.MaxFailures; i++)
        {
            await session.PostFormAsync("/Account/ChangePassword", new()
            {
                ["Input.CurrentPassword"] = $"guess-{i}", ["Input.NewPassword"] = "guesser-new-2026", ["Input.ConfirmPassword"] = "guesser-new-2026",
            });
        }

        var right = await session.PostFormAsync("/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = TestUsers.Password, ["Input.NewPassword"] = "guesser-new-2026", ["Input.ConfirmPassword"] = "guesser-new-2026",
        });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("ロック", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        _app.Clock.Advance(SignInAttempts.LockoutDuration + TimeSpan.FromSeconds(1));
        await _app.SignInAsync(guesser, TestUsers.Password); // the old password still holds
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await _app.Anonymous().GetAsync("/Account/ChangePassword");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
