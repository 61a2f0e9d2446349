using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Procurement.Tests.Infrastructure;

namespace Procurement.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port with its own database, and Debian's Chromium driven by
/// Playwright (no browser download: the machine's /usr/bin/chromium).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public AppFactory App { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    private IPlaywright _playwright = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDirectory { get; } = FindScreenshotDirectory();

    public async Task InitializeAsync()
    {
        App = await AppFactory.StartAsync("browser" + Guid.NewGuid().ToString("N")[..6], useKestrel: true);
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "ja-JP", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        // The app, its PostgreSQL and Chromium share 2 cores; a page that took over 30 s to load once under load
        // failed a journey, so allow 60 s before calling a step stuck.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>
    /// Every page a journey looks at is also scanned with axe-core: a screenshot is where a journey says
    /// "a user sees this", so that is where WCAG 2.1 AA (the level JIS X 8341-3 asks of public sites) must hold.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
        await page.AssertAccessibleAsync(name);
    }

    private static string FindScreenshotDirectory()
    {
        var root = Procurement.Infrastructure.Database.RepositoryPaths.FindRoot(AppContext.BaseDirectory) ?? Path.GetTempPath();
        var dir = Path.Combine(root, "artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        return dir;
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
