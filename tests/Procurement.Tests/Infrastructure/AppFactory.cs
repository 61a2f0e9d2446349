using System.Net;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Procurement.Features.Demo;

namespace Procurement.Tests.Infrastructure;

/// <summary>The real app on a database of its own, with a fake clock the test can move.</summary>
public sealed partial class AppFactory(string? connectionString, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>When every test app's clock starts, and when the demo data says it was created.</summary>
    public static readonly DateTimeOffset StartTime = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    /// <summary>When this app's clock starts (and its demo data was written); <see cref="StartTime"/> unless set.</summary>
    public DateTimeOffset Start { get; init; } = StartTime;

    /// <summary>Service overrides applied after the app's own registrations (a fake mailer, say).</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; init; }

    private FakeTimeProvider? _clock;

    /// <summary>The app's clock. <see cref="ResetAsync"/> replaces it (a fake clock cannot go back), so read it from here each time.</summary>
    public FakeTimeProvider Clock => _clock ??= new FakeTimeProvider(Start);

    /// <summary>Settings the app was built with (for a shared app that stands in for <c>new AppFactory(cs, settings)</c>).</summary>
    public IReadOnlyDictionary<string, string>? Settings => settings;

    /// <summary>A new app on a new database with the demo data (unless <paramref name="demo"/> is false: then empty).</summary>
    public static async Task<AppFactory> StartAsync(string hint, bool demo = true, bool useKestrel = false) =>
        await StartAsync(hint, null, demo, useKestrel);

    public static async Task<AppFactory> StartAsync(string hint, IReadOnlyDictionary<string, string>? settings, bool demo = true, bool useKestrel = false,
        DateTimeOffset? start = null, Action<IServiceCollection>? configure = null)
    {
        // The demo data comes copied from a template (seeding per app cost seconds); the app finds it seeded already.
        var at = start ?? StartTime;
        var factory = new AppFactory(demo ? await TestDatabase.CreateSeededAsync(hint, at) : await TestDatabase.CreateAsync(hint), settings)
        {
            Start = at,
            ConfigureTestServices = configure,
        };
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
        return factory;
    }

    /// <summary>
    /// Back to the state <see cref="StartAsync(string, bool, bool)"/> left: the demo data only, the clock at <see cref="Start"/>.
    /// What lets test classes share one app (see <see cref="SharedApp"/>) while each test starts clean.
    /// </summary>
    public async Task ResetAsync()
    {
        await TestDatabase.ResetAsync(connectionString ?? throw new InvalidOperationException("the embedded app has no test database to reset"));
        _clock = new FakeTimeProvider(Start);
        LastSignInCookies = [];
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
        // Tests convert PDFs only when they ask for one: a LibreOffice run per generated version would eat the 2 cores.
        builder.UseSetting("Procurement:Pdf:ConvertInBackground", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new CurrentClock(this));
            ActingUserSlot.Register(services);
            ConfigureTestServices?.Invoke(services);
        });
    }

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    /// <summary>The app's use cases through the mediator as the demo user <paramref name="userName"/>, no HTTP in between.</summary>
    public Task<ActingUser> AsAsync(string userName, params string[] roles) => ActingUser.StartAsync(this, userName, roles);

    /// <summary>Whatever <see cref="Clock"/> is now: the app keeps one TimeProvider while tests get a fresh clock on reset.</summary>
    private sealed class CurrentClock(AppFactory app) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => app.Clock.GetUtcNow();
        public override TimeZoneInfo LocalTimeZone => app.Clock.LocalTimeZone;
        public override long TimestampFrequency => app.Clock.TimestampFrequency;
        public override long GetTimestamp() => app.Clock.GetTimestamp();
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            app.Clock.CreateTimer(callback, state, dueTime, period);
    }

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

    /// <summary>The antiforgery token of a form page (for a test that posts it somewhere else, e.g. to another instance).</summary>
    public static string AntiforgeryToken(string page) =>
        TokenPattern().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no antiforgery token on the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
