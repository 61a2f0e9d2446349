using Microsoft.Playwright;
using Procurement.BrowserTests.Infrastructure;
using Procurement.Features.Demo;
using Procurement.Features.Evaluation;

namespace Procurement.BrowserTests.Workflows;

/// <summary>
/// A committee member starts from the home page's task list: the declaration is the first task, then scoring with the
/// items left; the sheet says what is left, the submit asks for a confirmation, and the list is empty afterwards.
/// </summary>
public sealed class TaskListJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string Hub = $"/Cases/{DemoData.CaseId}/Evaluation";

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Fact]
    public async Task A_member_declares_and_scores_starting_from_the_home_page_task_list()
    {
        await EvaluationDemo.SeedAsync(browser.App.Store, browser.App.Clock);
        var page = await browser.NewPageAsync();
        await page.SignInAsync("member1");
        await page.GotoAsync("/");

        var declare = page.Locator("#home-tasks tr[data-task='evaluation.declare']");
        await Assertions.Expect(declare).ToContainTextAsync("利害関係を申告する");
        await Assertions.Expect(declare).ToContainTextAsync("採点の前に必要です（評価対象 3社）");
        await Assertions.Expect(page.Locator("#task-count")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "tasks-01-home-declare");

        await declare.GetByRole(AriaRole.Link, new() { Name = "利害関係を申告する" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("利害関係の申告");
        // No answer is preset: sending without a choice is refused next to the field.
        await Assertions.Expect(page.Locator("input[name='Declaration.HasConflict']:checked")).ToHaveCountAsync(0);
        await Button(page, "申告する").ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Declaration.HasConflict']")).ToHaveTextAsync("利害関係の有無を選んでください。");
        await BrowserFixture.ScreenshotAsync(page, "tasks-02-declaration-choice-required");
        await page.CheckAsync("input[name='Declaration.HasConflict'][value='false']");
        await Button(page, "申告する").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("利害関係の申告を記録しました。");

        await page.GotoAsync("/");
        var score = page.Locator("#home-tasks tr[data-task='evaluation.score']");
        await Assertions.Expect(score).ToContainTextAsync("残り36項目（全36項目）");
        await Assertions.Expect(page.Locator("#home-tasks tr[data-task='evaluation.declare']")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "tasks-03-home-score");
        await score.GetByRole(AriaRole.Link, new() { Name = "提案を採点する" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("自分の採点表");
        await Assertions.Expect(page.Locator("#remaining-total")).ToHaveTextAsync("全36項目のうち、未入力は36項目です。");

        // Vendor A only, then submit: refused, the empty rows highlighted, what was typed kept.
        var a = EvaluationDemo.VendorA.ToString("N");
        await page.EvaluateAsync(@"(a) => {
            for (const s of document.querySelectorAll(`table.score-sheet select[id^='cell-${a}-']`)) s.value = [...s.options].map(o => o.value).includes('4') ? '4' : s.options[1].value;
            for (const i of document.querySelectorAll(`table.score-sheet input[id^='cell-${a}-']`)) i.value = '12';
        }", a);
        await page.FillAsync($"#note-{a}-1-1", "説明会の回答と照合する");
        await page.CheckAsync("#SubmitConfirmed");
        await Button(page, "提出する").ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("未入力の評価が24件あります。");
        await Assertions.Expect(page.Locator("tr.unanswered")).ToHaveCountAsync(24);
        await Assertions.Expect(page.Locator($"#cell-{a}-3-1")).ToHaveValueAsync("12");
        await Assertions.Expect(page.Locator($"#remaining-{a}")).ToContainTextAsync("入力済み");
        await BrowserFixture.ScreenshotAsync(page, "tasks-04-sheet-unanswered-highlighted");
        await page.Locator($"#vendor-{EvaluationDemo.VendorB:N}").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "tasks-04b-sheet-unanswered-rows.png") });
        await page.Locator("#sheet-progress").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "tasks-04c-sheet-what-is-left.png") });

        await page.EvaluateAsync(@"() => {
            for (const s of document.querySelectorAll('table.score-sheet select')) if (s.value === '') s.value = [...s.options].map(o => o.value).includes('3') ? '3' : s.options[1].value;
            for (const i of document.querySelectorAll('table.score-sheet input[type=text]')) if (i.value === '') i.value = '10';
        }");
        // The submit asks first: without the confirmation nothing is submitted.
        await page.UncheckAsync("#SubmitConfirmed");
        await Button(page, "提出する").ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='SubmitConfirmed']")).ToContainTextAsync("提出する前に、提出の結果を確認してチェックを入れてください。");
        await Assertions.Expect(page.Locator("#remaining-total")).ToHaveTextAsync("全36項目を入力済みです。");
        await Assertions.Expect(page.Locator($"#note-{a}-1-1")).ToHaveValueAsync("説明会の回答と照合する");
        await BrowserFixture.ScreenshotAsync(page, "tasks-05-sheet-confirm-first");
        await page.CheckAsync("#SubmitConfirmed");
        await Button(page, "提出する").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("採点表を提出しました。");

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#home-tasks tr[data-task^='evaluation.']")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "tasks-06-home-after-submit");
    }
}
