using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Features.Demo;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Account;

/// <summary>
/// Behind a trusted reverse proxy, failures lock the client that made them out of that account, not the owner.
/// The test host has no socket, so a startup filter plays the proxy's connection: every request arrives from
/// 10.0.0.1, configured as the trusted proxy, with the client's address in X-Forwarded-For.
/// </summary>
public sealed class LockoutPerClientTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.1";
    private AppFactory _app = null!;
    private WebApplicationFactory<Program> _behindProxy = null!;

    public async Task InitializeAsync()
    {
        _app = await AppFactory.StartAsync(nameof(LockoutPerClientTests));
        _behindProxy = _app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Procurement:TrustedProxies", Proxy);
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new ArrivesFrom(IPAddress.Parse(Proxy))));
        });
    }

    public async Task DisposeAsync()
    {
        await _behindProxy.DisposeAsync();
        await _app.DisposeAsync();
    }

    private HttpClient ClientAt(string address)
    {
        var client = _behindProxy.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static Dictionary<string, string> Form(string user, string password) => new() { ["UserName"] = user, ["Password"] = password };

    [Fact]
    public async Task An_attacker_locks_only_their_own_client_and_the_owner_still_signs_in_from_another()
    {
        var attacker = ClientAt("203.0.113.9");
        await attacker.GetAsync("/Account/SignIn");
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => attacker.PostFormAsync("/Account/SignIn", Form("officer1", "wrong-password"))));

        var attackerWithRightPassword = await attacker.PostFormAsync("/Account/SignIn", Form("officer1", DemoData.Password));
        var owner = await ClientAt("198.51.100.20").PostFormAsync("/Account/SignIn", Form("officer1", DemoData.Password));

        Assert.Equal(HttpStatusCode.OK, attackerWithRightPassword.StatusCode);
        Assert.Contains("ロック", await attackerWithRightPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
    }

    [Fact]
    public async Task The_client_address_is_the_one_the_trusted_proxy_appended_not_one_the_client_wrote_before_it()
    {
        var attacker = ClientAt("203.0.113.10");
        for (var i = 0; i < 5; i++) await attacker.PostFormAsync("/Account/SignIn", Form("member1", "wrong-password"));
        attacker.DefaultRequestHeaders.Remove("X-Forwarded-For");
        attacker.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.30, 203.0.113.10"); // forged left part

        var right = await attacker.PostFormAsync("/Account/SignIn", Form("member1", DemoData.Password));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("ロック", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed class ArrivesFrom(IPAddress proxy) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = proxy;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
