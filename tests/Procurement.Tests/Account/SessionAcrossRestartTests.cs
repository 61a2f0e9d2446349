using System.Net;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Account;

public sealed class SessionAcrossRestartTests
{
    [Fact]
    public async Task A_sign_in_cookie_still_works_after_the_app_restarts_on_the_same_database()
    {
        string cookieHeader;
        string cs;
        await using (var first = await AppFactory.StartAsync(nameof(SessionAcrossRestartTests)))
        {
            cs = first.ConnectionString!;
            var client = await first.SignInAsync("officer1");
            var response = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            cookieHeader = string.Join("; ", first.LastSignInCookies);
        }

        await using var second = new AppFactory(cs);
        var fresh = second.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookieHeader);
        var again = await fresh.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}
