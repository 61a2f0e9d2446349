using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Procurement.Tests.Infrastructure;

namespace Procurement.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port with its own database, and Debian's Chromium driven by Playwright (no browser
/// download: the machine's /usr/bin/chromium). One app and one Chromium serve the whole run: starting them cost about
/// as much as a short journey, once per test class. Each class still starts from the demo data alone: the fixture (made
/// once per class) puts the shared app back to it, as if the class had started an app of its own.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Shared? _shared;
    private readonly List<IBrowserContext> _contexts = [];
    private Shared _run = null!;

    public AppFactory App => _run.App;
    public string BaseUrl => _run.BaseUrl;
    public IBrowser Browser => _run.Browser;

    public static string ScreenshotDirectory { get; } = FindScreenshotDirectory();

    public async Task InitializeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is null) _shared = await Shared.StartAsync();
            else await _shared.App.ResetAsync();
            _run = _shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "ja-JP", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        // The app, its PostgreSQL and Chromium share 2 cores, often with other work beside; a page that took over
        // 30 s to load once under load failed a journey, and a sign-in once took over 60 s while builds ran, so allow
        // 90 s before calling a step stuck.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A signed-in HTTP client on the app's real port, for what a journey arranges through the app's own forms rather
    /// than clicks (the app's in-memory client does not reach a Kestrel-hosted app).
    /// </summary>
    public async Task<HttpClient> SignInClientAsync(string userName, bool followRedirects = false)
    {
        var cookies = new System.Net.CookieContainer();
        using var signIn = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = new Uri(BaseUrl) };
        var response = await signIn.PostFormAsync("/Account/SignIn",
            new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = Procurement.Features.Demo.DemoData.Password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in as {userName} failed: {response.StatusCode}");
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = followRedirects, CookieContainer = cookies }) { BaseAddress = new Uri(BaseUrl) };
    }

    /// <summary>The class's pages close with it; the app and Chromium stay for the next class.</summary>
    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        Accessibility.WriteScanList(Path.Combine(Path.GetDirectoryName(ScreenshotDirectory)!, "accessibility-scans.txt"));
    }

    /// <summary>
    /// Every page a journey looks at is also scanned with axe-core: a screenshot is where a journey says
    /// "a user sees this", so that is where WCAG 2.1 AA (the level JIS X 8341-3 asks of public sites) must hold.
    /// A page of the same shape in the same state scanned earlier in the run is not scanned again (see
    /// <see cref="Accessibility.AssertAccessibleOnceAsync"/>).
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
        await page.AssertAccessibleOnceAsync(name);
    }

    private static string FindScreenshotDirectory()
    {
        var root = Procurement.Infrastructure.Database.RepositoryPaths.FindRoot(AppContext.BaseDirectory) ?? Path.GetTempPath();
        var dir = Path.Combine(root, "artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The app and Chromium of the test process, stopped when it exits (as the test PostgreSQL cluster is).</summary>
    private sealed record Shared(AppFactory App, string BaseUrl, IPlaywright Playwright, IBrowser Browser)
    {
        public static async Task<Shared> StartAsync()
        {
            var app = await AppFactory.StartAsync("browser", useKestrel: true);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            var baseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
            var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var shared = new Shared(app, baseUrl, playwright, browser);
            // The app and its database go with the process (the cluster removes itself at exit); Chromium is closed so
            // that no browser outlives the run. Bounded: a stuck close must not keep the test run from ending.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => shared.CloseBrowserAsync().Wait(TimeSpan.FromSeconds(10));
            return shared;
        }

        private async Task CloseBrowserAsync()
        {
            await Browser.DisposeAsync();
            Playwright.Dispose();
        }
    }
}

public static class PageActions
{
    public static async Task SignInAsync(this IPage page, string userName, string password = Procurement.Features.Demo.DemoData.Password)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("button[type=submit].primary");
        // Commit, not load: the next step waits for what it needs, and a slow stylesheet must not fail a sign-in.
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
    }

    /// <summary>
    /// Generates a document on the case's documents page; when the case still lacks inputs (the page lists them), as a
    /// working draft.
    /// </summary>
    public static async Task GenerateDocumentAsync(this IPage page, string templateId)
    {
        await page.ClickAsync($"#template-{templateId} button.generate");
        var draft = page.Locator($"#template-{templateId} button.generate-draft");
        await page.Locator($".flash, #template-{templateId} .missing-inputs").First.WaitForAsync();
        if (await draft.CountAsync() > 0) await draft.ClickAsync();
    }

    public static async Task SignOutAsync(this IPage page)
    {
        await page.ClickAsync("text=ログアウト");
        await page.WaitForURLAsync(url => url.Contains("/Account/SignIn", StringComparison.Ordinal),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
    }
}
