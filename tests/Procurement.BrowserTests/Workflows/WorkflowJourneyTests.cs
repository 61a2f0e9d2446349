using Microsoft.Playwright;
using Procurement.BrowserTests.Infrastructure;
using Procurement.Features.Demo;

namespace Procurement.BrowserTests.Workflows;

/// <summary>The officer starts the case's workflow, sets an overdue deadline, sees it in the inbox, completes the step, and looks at the diagram and schedule.</summary>
public sealed class WorkflowJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_officer_works_a_step_from_the_inbox_and_sees_it_on_the_diagram()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("officer1");
        await page.GotoAsync($"/Cases/{DemoData.CaseId}");
        await page.SelectOptionAsync("#Start_Definition", "joint-cloud-procurement:1");
        await page.ClickAsync("button:has-text(\"手続を開始\")");
        await Assertions.Expect(page.Locator(".workflow-panel")).ToContainTextAsync("勉強会・情報収集");
        await BrowserFixture.ScreenshotAsync(page, "wf-01-case-workflow-panel");

        // A due date in the past (today is 2026-11-26 on the test clock) makes the step overdue.
        await page.ClickAsync(".workflow-panel >> text=勉強会・情報収集");
        await page.FillAsync("#Deadline_Due", "2026-11-20");
        await page.ClickAsync("text=期限を保存");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("期限を設定しました。");

        // The inbox, reached from the nav with the keyboard.
        // Focus and key press in one step, on the link itself: a separate focus could be lost before the key arrives.
        await page.Locator("nav >> text=自分のタスク").PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/Tasks", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("tr.overdue-row")).ToContainTextAsync("期限超過（6日）");
        await BrowserFixture.ScreenshotAsync(page, "wf-02-inbox-overdue");

        // Completing with an empty reason-free note works; the case moves on.
        await page.ClickAsync("table.tasks >> text=勉強会・情報収集");
        await BrowserFixture.ScreenshotAsync(page, "wf-03-step-page");
        await page.FillAsync("#Complete_Note", "先行する協議会を視察した");
        await page.ClickAsync("text=完了にする");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("「勉強会・情報収集」を完了しました。");
        await Assertions.Expect(page.Locator(".workflow-panel")).ToContainTextAsync("共同検討の枠組み検討");

        // Send back without a reason: the message sits next to the field.
        await page.ClickAsync(".workflow-panel >> text=共同検討の枠組み検討");
        await page.ClickAsync("#SendBack button[type=submit]");
        await Assertions.Expect(page.Locator("[data-valmsg-for='SendBack.Reason']")).ToContainTextAsync("差戻しの理由を入力してください。");
        await BrowserFixture.ScreenshotAsync(page, "wf-04-send-back-error");

        await page.GotoAsync($"/Cases/{DemoData.CaseId}/Diagram");
        await Assertions.Expect(page.Locator("figure.diagram svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("figure.diagram")).ToContainTextAsync("勉強会・情報収集");
        await BrowserFixture.ScreenshotAsync(page, "wf-05-case-diagram");

        await page.ClickAsync("main >> text=自治体クラウド共同調達（第1版）");
        await Assertions.Expect(page.Locator("table.data")).ToContainTextAsync("条例・規則等の改正");
        await BrowserFixture.ScreenshotAsync(page, "wf-05b-definition");

        await page.GotoAsync($"/Cases/{DemoData.CaseId}/Schedule");
        await Assertions.Expect(page.Locator("figure.schedule svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("figure.schedule")).ToContainTextAsync("今日 2026-11-26");
        await BrowserFixture.ScreenshotAsync(page, "wf-06-schedule");

        // Printed, the diagram stands alone: no menu.
        await page.GotoAsync($"/Cases/{DemoData.CaseId}/Diagram");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(page, "wf-07-diagram-print");
    }
}
