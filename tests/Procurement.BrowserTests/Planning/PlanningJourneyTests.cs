using System.Diagnostics;
using Microsoft.Playwright;
using Procurement.BrowserTests.Infrastructure;
using Procurement.Features.Demo;
using Procurement.Features.Documents.Rendering;

namespace Procurement.BrowserTests.Planning;

/// <summary>Phase1/2 tools on the demo case: the current-system survey, fit &amp; gap and the cost share, which the 導入計画 then shows.</summary>
public sealed class PlanningJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_officer_records_a_current_system_and_sees_the_group_view_with_the_lease_warning()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("officer1");
        await page.GotoAsync($"/Cases/{DemoData.CaseId}");
        await page.ClickAsync("text=現行システム概要調査");

        await page.SelectOptionAsync("#Input_Municipality", "高森町");
        await page.SelectOptionAsync("#Input_Business", "jukiki");
        await page.FillAsync("#Input_PackageName", "住民情報システムA");
        await page.FillAsync("#Input_Vendor", "株式会社南信情報");
        await page.CheckAsync("input[name='Input.ContractForm'][value=Lease]");
        await page.FillAsync("#Input_ContractStart", "2021-04-01");
        await page.FillAsync("#Input_ContractExpiry", "2026-09-30");
        await page.FillAsync("#Input_InitialCost", "2,400,000");
        await page.FillAsync("#Input_OperationCost", "6,000,000");
        await page.FillAsync("#Input_Staff", "2");
        await page.ClickAsync("form[action*=Add] button[type=submit]");

        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("現行システムを登録しました。");
        await Assertions.Expect(page.Locator("dl.summary")).ToContainTextAsync("8,400,000円");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("稼働予定日より前に満了します");
        await Assertions.Expect(page.Locator("svg.chart")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "20-survey");
    }

    [Fact]
    public async Task An_officer_calculates_and_records_a_cost_share_with_a_member_joining_part_way()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("officer2");
        await page.GotoAsync($"/Cases/{DemoData.CaseId}/CostShare");

        await page.FillAsync("#Input_Members_4__Name", "阿智村");
        await page.FillAsync("#Input_Members_4__Population", "6,100");
        await page.FillAsync("#Input_Members_4__JoinedOn", "2029-10-01");
        for (var i = 0; i < 5; i++) await page.FillAsync($"#Input_Years_{i}__Total", "96,000,000");
        await page.ClickAsync("button[value=preview]");
        await Assertions.Expect(page.Locator("#preview")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "21-cost-share-preview");

        await page.ClickAsync("button[value=record]");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("記録しました");
        // The joiner appears from FY2029 only; every year adds up to the total.
        var table = page.Locator("table.data").First;
        await Assertions.Expect(table).ToContainTextAsync("阿智村");
        await Assertions.Expect(table.Locator("tr", new() { HasText = "合計" })).ToContainTextAsync("96,000,000円");
        await BrowserFixture.ScreenshotAsync(page, "22-cost-share-recorded");
        var firstShare = (await table.Locator("tr", new() { HasText = "高森町" }).Locator("td.num").First.InnerTextAsync()).Trim();

        var excel = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=Excelで出力"));
        Assert.Equal("cost-share.xlsx", excel.SuggestedFilename);
        var dir = Path.Combine(Path.GetDirectoryName(BrowserFixture.ScreenshotDirectory)!, "documents");
        Directory.CreateDirectory(dir);
        await excel.SaveAsAsync(Path.Combine(dir, "cost-share.xlsx"));
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(Path.Combine(dir, "cost-share.xlsx"))[..2]);

        // The recorded result appears in the 導入計画, generated on the case's documents page.
        await page.GotoAsync($"/Cases/{DemoData.CaseId}");
        await page.ClickAsync("text=文書の生成・版の比較・ダウンロード");
        await page.GenerateDocumentAsync("implementation-plan");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("導入計画書の第");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#doc-implementation-plan a[href$='/Download']").First.ClickAsync());
        Assert.StartsWith("導入計画書_第", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(dir, "implementation-plan.docx");
        await download.SaveAsAsync(path);
        var text = DocxText.Extract(await File.ReadAllBytesAsync(path));
        Assert.Contains("均等割20%・人口割80%", text, StringComparison.Ordinal);
        Assert.Contains("阿智村", text, StringComparison.Ordinal);
        Assert.Contains($"| 高森町 | {firstShare.Replace("円", "", StringComparison.Ordinal)} |", text, StringComparison.Ordinal);

        if (File.Exists("/usr/bin/soffice") && File.Exists("/usr/bin/pdftoppm"))
        {
            // A profile of its own: another soffice running on the machine (other test runs) would otherwise hold the lock.
            var profile = Directory.CreateTempSubdirectory("lo-profile-").FullName;
            await RunAsync("/usr/bin/soffice", $"-env:UserInstallation=file://{profile} --headless --convert-to pdf --outdir \"{dir}\" \"{path}\"");
            var pdf = Path.ChangeExtension(path, ".pdf");
            Assert.True(File.Exists(pdf));
            await RunAsync("/usr/bin/pdftoppm", $"-png -r 60 \"{pdf}\" \"{Path.Combine(dir, "implementation-plan-page")}\"");
            Assert.NotEmpty(Directory.GetFiles(dir, "implementation-plan-page*.png"));
        }
    }

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task An_officer_imports_a_function_list_and_decides_a_gap()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("officer1");
        await page.GotoAsync($"/Cases/{DemoData.CaseId}/FitGap");
        await page.FillAsync("#PackageName", "住民情報パッケージ Ver.5");
        await page.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "functions.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("機能ID,区分,機能名,種別\nF-01,住民記録,転入届,機能\nF-02,証明,住民票の写し,帳票\n"),
        });
        await page.ClickAsync("form[action*=Import] button[type=submit]");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("2件を取り込みました。");

        await page.ClickAsync("#row-F-02 >> text=判定する");
        await page.CheckAsync("input[name='Input.Fit'][value=Gap]");
        await page.SelectOptionAsync("#Input_Decision", "Customise");
        await page.FillAsync("#Input_Reason", "独自様式が条例で定められている");
        await page.ClickAsync("form[action*=Assess] button.primary");
        await Assertions.Expect(page.Locator("#customisation-rate")).ToHaveTextAsync("100.0%");
        await BrowserFixture.ScreenshotAsync(page, "23-fit-gap");
    }
}
