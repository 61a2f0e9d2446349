using System.Diagnostics;
using Microsoft.Playwright;
using Procurement.BrowserTests.Infrastructure;
using Procurement.Features.Demo;

namespace Procurement.BrowserTests.Documents;

/// <summary>
/// The officer generates the 調達仕様書, changes the case title and generates it again; legal staff open the case, see
/// both versions, compare them and download the .docx, which is then turned into PDF and page images to look at. The
/// 契約書（案） is not generated here: its row leads to the contract dossier, where the drafts are made and reviewed.
/// </summary>
public sealed class LegalReviewJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string Case = $"/Cases/{DemoData.CaseId}";
    private const string NewTitle = "住民情報系システム標準化対応 共同調達（契約書比較用）";

    [Fact]
    public async Task Legal_staff_see_two_versions_of_the_specification_view_the_diff_and_download_the_docx()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("officer1");
        await page.GotoAsync(Case);
        await page.ClickAsync("text=文書の生成・版の比較・ダウンロード");
        await Assertions.Expect(page.Locator("#template-contract button")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#template-contract a.dossier-link")).ToHaveAttributeAsync("href", $"{Case}/Contract");
        await page.GenerateDocumentAsync("procurement-spec");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("調達仕様書の第1版を生成しました。");

        await page.GotoAsync($"{Case}/Edit");
        await page.FillAsync("#Input_Title", NewTitle);
        await page.ClickAsync("button[type=submit].primary");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("案件情報を保存しました。");

        await page.ClickAsync("text=文書の生成・版の比較・ダウンロード");
        await page.GenerateDocumentAsync("procurement-spec");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("調達仕様書の第2版を生成しました。");
        await page.SignOutAsync();

        await page.SignInAsync("legal");
        await page.GotoAsync(Case);
        await page.ClickAsync("text=文書の生成・版の比較・ダウンロード");
        var series = page.Locator("#doc-procurement-spec");
        await Assertions.Expect(series.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(series).ToContainTextAsync("第1版");
        await Assertions.Expect(series).ToContainTextAsync("第2版");
        await Assertions.Expect(page.Locator("#template-procurement-spec button")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "documents-01-legal-versions");

        await series.Locator("form.diff-form button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Documents/procurement-spec/Diff", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".diff-add", new() { HasText = "契約書比較用" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".diff-del").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "documents-02-diff");

        // The changes-only view: the changed lines with a little context, the rest folded into counted gaps.
        await page.CheckAsync("input[name=changesOnly]");
        await page.ClickAsync("form.actions button[type=submit]");
        await Assertions.Expect(page.Locator(".diff-gap").First).ToContainTextAsync("行（変更なし）");
        await Assertions.Expect(page.Locator(".diff-add", new() { HasText = "契約書比較用" }).First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "documents-03-diff-changes-only");

        await page.GoBackAsync();
        await page.GoBackAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => series.Locator("a[href$='/2/Download']").ClickAsync());
        Assert.Equal("調達仕様書_第2版.docx", download.SuggestedFilename);
        var dir = Path.Combine(Path.GetDirectoryName(BrowserFixture.ScreenshotDirectory)!, "documents");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "spec-v2.docx");
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 1000);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);

        if (File.Exists("/usr/bin/soffice") && File.Exists("/usr/bin/pdftoppm"))
        {
            await RunAsync("/usr/bin/soffice", $"--headless --convert-to pdf --outdir \"{dir}\" \"{path}\"");
            var pdf = Path.ChangeExtension(path, ".pdf");
            Assert.True(File.Exists(pdf));
            await RunAsync("/usr/bin/pdftoppm", $"-png -r 50 \"{pdf}\" \"{Path.Combine(dir, "spec-v2-page")}\"");
            Assert.NotEmpty(Directory.GetFiles(dir, "spec-v2-page*.png"));
        }
    }

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, process.ExitCode);
    }
}
