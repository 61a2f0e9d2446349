using Microsoft.Playwright;
using Procurement.BrowserTests.Infrastructure;

namespace Procurement.BrowserTests.Cases;

/// <summary>The officer's first journey: sign in, open a case through the wizard (with a back step and a save-and-resume), see the timeline.</summary>
public sealed class OpenCaseJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_officer_opens_a_case_with_back_and_resume_and_sees_its_timeline()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("officer1");
        await BrowserFixture.ScreenshotAsync(page, "01-home");

        await page.ClickAsync("nav >> text=案件の作成");
        await page.SelectOptionAsync("#Input_GroupId", new SelectOptionValue { Label = "南信州町村自治体クラウド協議会" });
        await page.FillAsync("#Input_Title", "子ども・子育て支援システム共同調達");
        await page.ClickAsync("button[value=next]");

        await page.CheckAsync("input[value=kodomo]");
        await page.CheckAsync("input[value=jidoteate]");
        await BrowserFixture.ScreenshotAsync(page, "02-wizard-businesses");
        await page.ClickAsync("button[value=next]");

        // Invalid budget: the message sits next to the field and the typed text stays.
        await page.CheckAsync("input[value=SaaS]");
        await page.FillAsync("#Input_PlannedGoLive", "2029-04-01");
        await page.FillAsync("#Input_BudgetCeiling", "未定");
        await page.ClickAsync("button[value=next]");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.BudgetCeiling']")).ToContainTextAsync("予算上限額は円単位の整数で入力してください。");
        await Assertions.Expect(page.Locator("#Input_BudgetCeiling")).ToHaveValueAsync("未定");
        await BrowserFixture.ScreenshotAsync(page, "03-wizard-error");

        // Back one step: the business choices are still ticked.
        await page.FillAsync("#Input_BudgetCeiling", "95,000,000");
        await page.ClickAsync("button[value=back]");
        await Assertions.Expect(page.Locator("input[value=kodomo]")).ToBeCheckedAsync();

        // Save, sign out, sign in again, resume from the home page.
        await page.ClickAsync("button[value=save]");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("途中保存しました");
        await page.SignOutAsync();
        await page.SignInAsync("officer1");
        await page.ClickAsync("main >> text=案件の作成");
        await Assertions.Expect(page.Locator("input[value=jidoteate]")).ToBeCheckedAsync();
        await page.ClickAsync("button[value=next]");
        await Assertions.Expect(page.Locator("#Input_BudgetCeiling")).ToHaveValueAsync("95,000,000");
        await page.ClickAsync("button[value=next]");

        await Assertions.Expect(page.Locator("h2")).ToContainTextAsync("入力内容の確認");
        await Assertions.Expect(page.Locator("dl.summary")).ToContainTextAsync("95,000,000円");
        await BrowserFixture.ScreenshotAsync(page, "04-wizard-review");
        await page.ClickAsync("button[value=submit]");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("子ども・子育て支援システム共同調達");
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("案件を作成しました");
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("高森 花子");
        await BrowserFixture.ScreenshotAsync(page, "05-case-timeline");
    }

    [Fact]
    public async Task An_officer_reads_the_audit_log_of_a_case_and_downloads_it_as_CSV()
    {
        await Procurement.Features.Evaluation.EvaluationDemo.SeedAsync(browser.App.Store, browser.App.Clock);
        var page = await browser.NewPageAsync();
        await page.SignInAsync("officer1");
        await page.GotoAsync($"/Cases/{Procurement.Features.Demo.DemoData.CaseId}");

        await page.ClickAsync("#audit-trail-link");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("監査ログ");
        await Assertions.Expect(page.Locator("tr.audit-case").First).ToContainTextAsync("案件を作成しました");
        await Assertions.Expect(page.Locator("tr.audit-evaluation", new() { HasText = "提案書を開封" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "07-audit-trail");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#audit-csv"));
        Assert.StartsWith("監査ログ_", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), System.Text.Encoding.UTF8);
        Assert.StartsWith("\"日時\",\"記録の種類\"", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("提案書を開封", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_wizard_can_be_driven_with_the_keyboard_alone()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("officer2");
        await page.GotoAsync("/Groups/Wizard");

        await page.FocusAsync("#Input_Name");
        await page.Keyboard.TypeAsync("キーボード協議会");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space"); // first organisation form radio
        // The date style has its default (和暦のみ) chosen, so a keyboard user can go straight on.
        await Assertions.Expect(page.Locator("input[name='Input.DateStyle'][value='WarekiOnly']")).ToBeCheckedAsync();
        await BrowserFixture.ScreenshotAsync(page, "06a-group-wizard-basics");
        await page.Keyboard.PressAsync("Enter"); // submits with the first submit button after focus: next
        await Assertions.Expect(page.Locator("#Input_Members_0__Name")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "06-group-wizard-members");
    }
}
