using Microsoft.Playwright;
using Procurement.BrowserTests.Infrastructure;
using Procurement.Features.Demo;

namespace Procurement.BrowserTests.Vendors;

/// <summary>The officer's vendor journey: two vendors, their estimates, the comparison chart, a published answer and the Q&A Word file.</summary>
public sealed class VendorJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string CaseUrl = $"/Cases/{DemoData.CaseId}";

    private static async Task RegisterAsync(IPage page, string name, string number, string contact)
    {
        await page.GotoAsync(CaseUrl + "/Vendors");
        await page.ClickAsync("text=新しい事業者を登録");
        await page.FillAsync("#Input_CompanyName", name);
        await page.FillAsync("#Input_CorporateNumber", number);
        await page.FillAsync("#Input_Address", "長野県飯田市追手町2丁目678番地");
        await page.FillAsync("#Input_ContactPerson", contact);
        await page.FillAsync("#Input_Email", "sales@example.jp");
        await page.ClickAsync("button[type=submit].primary");
    }

    private static async Task EstimateAsync(IPage page, string initial, string monthly, string term)
    {
        await page.FillAsync("#Estimate_ResponseDate", "2026-11-20");
        await page.FillAsync("#Estimate_InitialCost", initial);
        await page.FillAsync("#Estimate_MonthlyOperatingCost", monthly);
        await page.FillAsync("#Estimate_ContractMonths", "60");
        await page.FillAsync("#Estimate_OperatingCostForTerm", term);
        await page.ClickAsync("form[action*='handler=Estimate'] button[type=submit]");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("見積を記録しました");
    }

    [Fact]
    public async Task An_officer_registers_two_vendors_compares_estimates_publishes_an_answer_and_downloads_the_QA_document()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("officer1");
        await page.GotoAsync(CaseUrl);
        await page.ClickAsync("main >> text=事業者・RFI・見積");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("事業者");

        // A mistyped 法人番号: message next to the field, the typed text stays.
        await RegisterAsync(page, "南信州クラウドサービス株式会社", "7000012050003", "飯田 一郎");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.CorporateNumber']")).ToContainTextAsync("チェックデジット");
        await Assertions.Expect(page.Locator("#Input_CorporateNumber")).ToHaveValueAsync("7000012050003");
        await BrowserFixture.ScreenshotAsync(page, "vendors-01-register-error");
        await page.FillAsync("#Input_CorporateNumber", "7000012050002");
        await page.ClickAsync("button[type=submit].primary");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("南信州クラウドサービス株式会社");
        await EstimateAsync(page, "30,000,000", "1,500,000", "");
        await BrowserFixture.ScreenshotAsync(page, "vendors-02-vendor-detail");

        await RegisterAsync(page, "信濃情報システム株式会社", "1180301018771", "松本 花子");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("信濃情報システム株式会社");
        await EstimateAsync(page, "45,000,000", "1,200,000", "70,000,000");

        await page.ClickAsync("nav.subnav >> text=事業者");
        await Assertions.Expect(page.Locator("table.data tbody tr")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(page, "vendors-02b-vendor-list");

        // Comparison: A 30,000,000 + 1,500,000 × 60 = 120,000,000; B 45,000,000 + 70,000,000 = 115,000,000; median 117,500,000.
        await page.ClickAsync("nav.subnav >> text=見積比較・予定価格");
        await Assertions.Expect(page.Locator("tr[data-row='総額（導入＋運用期間）'] td[data-stat='median']")).ToHaveTextAsync("117,500,000円");
        await Assertions.Expect(page.Locator("svg.estimate-chart rect")).ToHaveCountAsync(2 * 2 + 2); // 2 bars × 2 segments + 2 legend swatches
        await page.CheckAsync("input[name='Input.Basis'][value=LowestEstimate]");
        await page.FillAsync("#Input_Reason", "2社の見積のうち最低額を基礎とし、仕様の確定後に精査する。");
        await page.ClickAsync("form button[type=submit].primary");
        await Assertions.Expect(page.Locator("#planned-price-current")).ToContainTextAsync("115,000,000円");
        await BrowserFixture.ScreenshotAsync(page, "vendors-03-estimate-comparison");

        // Q&A: period, a question, a condition-changing answer, the Word download.
        await page.ClickAsync("nav.subnav >> text=質問回答");
        await page.FillAsync("#Period_AnnouncedOn", "2026-11-01");
        await page.FillAsync("#Period_ProposalDeadline", "2026-12-15T17:00");
        await page.ClickAsync("form[action*='handler=Period'] button");
        await Assertions.Expect(page.Locator("#qa-period")).ToContainTextAsync("令和8年12月15日 17:00");
        await page.SelectOptionAsync("#Question_VendorId", new SelectOptionValue { Label = "信濃情報システム株式会社" });
        await page.FillAsync("#Question_ReceivedOn", "2026-11-10");
        await page.FillAsync("#Question_Text", "稼働率の基準値（99.5%）は、計画停止時間を除いた値と考えてよいか。");
        await page.ClickAsync("form[action*='handler=Question'] button");
        await page.FillAsync("#answer-1", "計画停止時間を除いた値とします。なお基準値は99.9%に改めます。");
        await page.CheckAsync("input[name='Answer.ChangesConditions']");
        await page.ClickAsync("form[action*='handler=Answer'] button");
        await Assertions.Expect(page.Locator("#qa-table")).ToContainTextAsync("条件変更");
        await BrowserFixture.ScreenshotAsync(page, "vendors-04-qanda");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#qa-download"));
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(BrowserFixture.ScreenshotDirectory, "vendors-qanda.docx");
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Empty(Procurement.Tests.Vendors.QaDocumentTests.ValidationErrors(bytes));
        var text = Procurement.Tests.Vendors.QaDocumentTests.AllText(bytes);
        Assert.Contains("計画停止時間を除いた値とします。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("信濃情報システム", text, StringComparison.Ordinal);

        // A proposal with a price envelope; a disguised file is refused by content.
        await page.ClickAsync("nav.subnav >> text=提案書");
        await page.SelectOptionAsync("#Submit_VendorId", new SelectOptionValue { Label = "南信州クラウドサービス株式会社" });
        await page.FillAsync("#Submit_SubmittedAt", "2026-11-20T10:30");
        await page.SetInputFilesAsync("#Submit_Files", new FilePayload { Name = "技術提案書.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
        await page.SetInputFilesAsync("#Submit_PriceFiles", new FilePayload { Name = "見積書.xlsx", MimeType = "application/octet-stream", Buffer = [0x4D, 0x5A, 0x90, 0x00] });
        await page.ClickAsync("form[action*='handler=Submit'] button");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Submit.Files']")).ToContainTextAsync("見積書.xlsx はPDF・Word（.docx）・Excel（.xlsx）のいずれでもないか");
        await BrowserFixture.ScreenshotAsync(page, "vendors-05-proposal-refused");
        await page.SetInputFilesAsync("#Submit_Files", new FilePayload { Name = "技術提案書.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
        await page.SetInputFilesAsync("#Submit_PriceFiles", new FilePayload { Name = "価格提案書.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
        await page.ClickAsync("form[action*='handler=Submit'] button");
        await Assertions.Expect(page.Locator("#proposal-table")).ToContainTextAsync("価格提案書.pdf");
        await Assertions.Expect(page.Locator("#proposal-table")).ToContainTextAsync("期限内");
        await BrowserFixture.ScreenshotAsync(page, "vendors-06-proposals");

        await page.GotoAsync(CaseUrl);
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("回答を公開しました（条件変更あり）");
        await BrowserFixture.ScreenshotAsync(page, "vendors-07-case-timeline");
    }
}
