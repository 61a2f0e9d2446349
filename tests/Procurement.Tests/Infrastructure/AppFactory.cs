using System.Net;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Procurement.Features.Demo;
using Procurement.Infrastructure.Auth;

namespace Procurement.Tests.Infrastructure;

/// <summary>The real app on a database of its own, with a fake clock the test can move.</summary>
public sealed partial class AppFactory(string? connectionString, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));

    public static async Task<AppFactory> StartAsync(string hint, bool demo = true, bool useKestrel = false)
    {
        var factory = new AppFactory(await TestDatabase.CreateAsync(hint));
        if (useKestrel)
        {
            // A real port, for a real browser.
            factory.UseKestrel(0);
            factory.StartServer();
        }
        else
        {
            _ = factory.Server; // build the host now: schema and demo data are ready before the first request
        }
        if (demo)
        {
            using var scope = factory.Services.CreateScope();
            await DemoData.SeedAsync(scope.ServiceProvider.GetRequiredService<IDocumentStore>(), factory.Clock,
                scope.ServiceProvider.GetRequiredService<PasswordService>());
        }
        return factory;
    }

    public string? ConnectionString => connectionString;

    /// <summary>The embedded default: no connection string, the app runs its own cluster in <paramref name="dataDirectory"/>.</summary>
    public static AppFactory Embedded(string dataDirectory) =>
        new(null, new Dictionary<string, string> { ["Procurement:DataDirectory"] = dataDirectory, ["Procurement:Port"] = "0" });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (connectionString is not null) builder.UseSetting("ConnectionStrings:Procurement", connectionString);
        builder.UseSetting("Procurement:Demo", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    /// <summary>The cookies the last sign-in set, as name=value pairs.</summary>
    public IReadOnlyList<string> LastSignInCookies { get; private set; } = [];

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in through the real sign-in form (antiforgery and all).</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = DemoData.Password)
    {
        var client = Anonymous();
        var response = await client.PostFormAsync("/Account/SignIn", new() { ["UserName"] = userName, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in as {userName} failed: {response.StatusCode}");
        }
        LastSignInCookies = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).ToList()
            : [];
        return client;
    }
}

public static partial class HttpClientForms
{
    /// <summary>The language switch in the page header, as a user clicks it: the cookie then makes every page English.</summary>
    public static async Task UseEnglishAsync(this HttpClient client) =>
        (await client.PostFormAsync("/Language", new Dictionary<string, string> { ["lang"] = "en", ["returnUrl"] = "/" }, formPageUrl: "/")).Dispose();

    /// <summary>GETs the form page for its antiforgery token, then POSTs the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPageUrl = null)
    {
        var page = await client.GetStringAsync(formPageUrl ?? url);
        var token = TokenPattern().Match(page);
        if (!token.Success) throw new InvalidOperationException($"no antiforgery token on {formPageUrl ?? url}");
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string formPageUrl)
    {
        var page = await client.GetStringAsync(formPageUrl);
        var token = TokenPattern().Match(page);
        if (!token.Success) throw new InvalidOperationException($"no antiforgery token on {formPageUrl}");
        var all = fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
