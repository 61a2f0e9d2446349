using System.Net;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Setup;

/// <summary>The first-run page of a fresh installation: it creates the first administrator once, then is gone.</summary>
public sealed class FirstRunTests
{
    [Fact]
    public async Task A_fresh_installation_creates_its_first_administrator_once_and_then_answers_404()
    {
        var cs = await TestDatabase.CreateAsync(nameof(A_fresh_installation_creates_its_first_administrator_once_and_then_answers_404));
        await using var app = new AppFactory(cs);
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Setup/FirstRun")).StatusCode);

        // A short password is refused next to its field, keeping the name typed.
        var refused = await client.PostFormAsync("/Setup/FirstRun", new() { ["UserName"] = "chief", ["DisplayName"] = "情報政策 課長", ["Password"] = "short" });
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("パスワードは", html, StringComparison.Ordinal);
        Assert.Contains("value=\"chief\"", html, StringComparison.Ordinal);

        var created = await client.PostFormAsync("/Setup/FirstRun", new() { ["UserName"] = "chief", ["DisplayName"] = "情報政策 課長", ["Password"] = "first-admin-pass" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/Account/SignIn", created.Headers.Location!.ToString());

        // The page is closed for good, to everyone.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/Setup/FirstRun")).StatusCode);
        var admin = await app.SignInAsync("chief", "first-admin-pass");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Users")).StatusCode);
    }
}
