using Microsoft.Playwright;
using Procurement.BrowserTests.Infrastructure;
using Procurement.Features.Demo;
using Procurement.Features.Evaluation;

namespace Procurement.BrowserTests.Evaluation;

/// <summary>
/// A member declares no conflict, scores (the sheet autosaves; a second tab on the same sheet is told it is stale) and
/// submits; the other members do the same; the chair closes technical scoring; the officer sees the ranking and its
/// chart, and opens a member's score history from the results.
/// </summary>
public sealed class ScoringJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string Hub = $"/Cases/{DemoData.CaseId}/Evaluation";

    /// <summary>Fills every still-empty cell: 5段階 <paramref name="grade"/>, ○, 合, and <paramref name="points"/> for number items.</summary>
    private static async Task FillRestAsync(IPage page, string grade, string points) =>
        await page.EvaluateAsync(@"([grade, points]) => {
            for (const s of document.querySelectorAll('table.score-sheet select')) {
                if (s.value !== '') continue;
                const values = [...s.options].map(o => o.value);
                s.value = values.includes(grade) ? grade : values[1];
            }
            for (const i of document.querySelectorAll('table.score-sheet input[type=text]')) { if (i.value === '') i.value = points; }
        }", new[] { grade, points });

    private static async Task DeclareNoConflictAsync(IPage page)
    {
        await page.GotoAsync(Hub);
        await page.ClickAsync("main >> text=利害関係の申告");
        await page.CheckAsync("input[name='Declaration.HasConflict'][value='false']");
        await page.ClickAsync("text=申告する");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("利害関係の申告を記録しました。");
    }

    private async Task ScoreAsOtherMemberAsync(string userName, string grade)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(userName);
        await DeclareNoConflictAsync(page);
        await page.GotoAsync($"{Hub}/Sheet");
        await FillRestAsync(page, grade, "11");
        await page.CheckAsync("#SubmitConfirmed"); // submitting locks the sheet: the page asks first
        await page.GetByRole(AriaRole.Button, new() { Name = "提出する", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("採点表を提出しました。");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_member_scores_and_submits_the_chair_closes_and_the_officer_sees_the_ranking_chart()
    {
        await EvaluationDemo.SeedAsync(browser.App.Store, browser.App.Clock);

        var page = await browser.NewPageAsync();
        await page.SignInAsync("member1");
        await page.GotoAsync($"/Cases/{DemoData.CaseId}");
        await page.ClickAsync("main >> text=提案評価");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("提案評価");
        await BrowserFixture.ScreenshotAsync(page, "ev-01-hub-before-declaration");

        // The sheet does not open before the declaration.
        await page.GotoAsync($"{Hub}/Sheet");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("利害関係の申告");
        await BrowserFixture.ScreenshotAsync(page, "ev-02-declaration");
        await page.CheckAsync("input[name='Declaration.HasConflict'][value='false']");
        await page.ClickAsync("text=申告する");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("利害関係の申告を記録しました。");

        await page.ClickAsync("main >> text=自分の採点表");
        var a = EvaluationDemo.VendorA.ToString("N");

        // Autosave: a typed score is saved after a short pause, without pressing a button, and survives a reload.
        await page.SelectOptionAsync($"#cell-{a}-1-2", "3");
        await page.FillAsync($"#cell-{a}-3-2", "9.5");
        await Assertions.Expect(page.Locator("#autosave-status")).ToContainTextAsync("自動保存しました");
        await BrowserFixture.ScreenshotAsync(page, "ev-03a-sheet-autosaved");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"#cell-{a}-1-2")).ToHaveValueAsync("3");
        await Assertions.Expect(page.Locator($"#cell-{a}-3-2")).ToHaveValueAsync("9.5");

        // A value out of range is not autosaved; the message appears next to its cell.
        await page.FillAsync($"#cell-{a}-3-2", "99");
        await Assertions.Expect(page.Locator($"[data-valmsg-for='cell-{a}-3-2']")).ToContainTextAsync("評価は0〜15の数値で入力してください");
        await Assertions.Expect(page.Locator("#autosave-status")).ToContainTextAsync("自動保存していません");
        await page.FillAsync($"#cell-{a}-3-2", "9.5");
        await Assertions.Expect(page.Locator($"[data-valmsg-for='cell-{a}-3-2']")).ToHaveCountAsync(0);

        // A second tab on the same sheet, opened before the first one saves again: the same item's later write wins
        // (the earlier value stays in the sheet's history), and nothing is refused as stale.
        var secondTab = await page.Context.NewPageAsync();
        await secondTab.GotoAsync($"{Hub}/Sheet");
        await page.SelectOptionAsync($"#cell-{a}-1-3", "4");
        await Assertions.Expect(page.Locator("#autosave-status")).ToContainTextAsync("自動保存しました");
        await secondTab.SelectOptionAsync($"#cell-{a}-1-3", "1");
        await Assertions.Expect(secondTab.Locator("#autosave-status")).ToContainTextAsync("自動保存しました");
        await BrowserFixture.ScreenshotAsync(secondTab, "ev-03b-second-tab-later-write-wins");
        await secondTab.CloseAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"#cell-{a}-1-3")).ToHaveValueAsync("1");
        await page.SelectOptionAsync($"#cell-{a}-1-1", "5");
        await page.SelectOptionAsync($"#cell-{a}-2-1", "○");
        await page.SelectOptionAsync($"#cell-{a}-0-1", "合");
        // A number above 配点 is refused next to its cell, the input kept.
        await page.FillAsync($"#cell-{a}-3-1", "20");
        await page.ClickAsync("text=下書きを保存");
        await Assertions.Expect(page.Locator($"[data-valmsg-for='cell-{a}-3-1']")).ToContainTextAsync("評価は0〜15の数値で入力してください");
        await Assertions.Expect(page.Locator($"#cell-{a}-3-1")).ToHaveValueAsync("20");
        await BrowserFixture.ScreenshotAsync(page, "ev-03-sheet-error");
        await page.FillAsync($"#cell-{a}-3-1", "13.5");
        await page.ClickAsync("text=下書きを保存");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("下書きを保存しました。");
        await Assertions.Expect(page.Locator($"#cell-{a}-3-1")).ToHaveValueAsync("13.5");

        await FillRestAsync(page, "4", "12");
        await BrowserFixture.ScreenshotAsync(page, "ev-04-sheet-filled");
        await page.CheckAsync("#SubmitConfirmed"); // submitting locks the sheet: the page asks first
        await page.GetByRole(AriaRole.Button, new() { Name = "提出する", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("採点表を提出しました。");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("提出済み");
        await Assertions.Expect(page.Locator($"#cell-{a}-1-1")).ToBeDisabledAsync();

        await ScoreAsOtherMemberAsync("member2", "3");
        await ScoreAsOtherMemberAsync("chair", "4");

        // Members still see only statuses, never scores, before the close.
        await page.GotoAsync(Hub);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("13.5");
        await page.Context.CloseAsync();

        var chair = await browser.NewPageAsync();
        await chair.SignInAsync("chair");
        await chair.GotoAsync(Hub);
        await BrowserFixture.ScreenshotAsync(chair, "ev-05-chair-hub");
        await chair.CheckAsync("#CloseConfirmed");
        await chair.GetByRole(AriaRole.Button, new() { Name = "技術審査を締め切る", Exact = true }).ClickAsync();
        await Assertions.Expect(chair.Locator(".flash")).ToContainTextAsync("技術審査を締め切りました。");
        // Nothing is left to decide, but the result becomes final only by the chair's own 「結果を確定する」.
        await chair.GotoAsync($"{Hub}/Chair");
        await chair.CheckAsync("#FinaliseConfirmed");
        await chair.GetByRole(AriaRole.Button, new() { Name = "結果を確定する", Exact = true }).ClickAsync();
        await Assertions.Expect(chair.Locator(".flash")).ToContainTextAsync("審査結果を確定しました。");
        await chair.Context.CloseAsync();

        var officer = await browser.NewPageAsync();
        await officer.SignInAsync("officer1");
        await officer.GotoAsync(Hub);
        await officer.ClickAsync("main >> text=評価結果");
        await Assertions.Expect(officer.Locator("#ranking-table tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(officer.Locator("#totals-chart svg")).ToBeVisibleAsync();
        await Assertions.Expect(officer.Locator("#totals-chart")).ToContainTextAsync("甲システム株式会社");
        await Assertions.Expect(officer.Locator("#category-chart svg")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(officer, "ev-06-results");
        await officer.ClickAsync("text=評価の経過（誰がいつ何をしたか）を表示");
        await Assertions.Expect(officer.Locator("ol.timeline li").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(officer, "ev-07-results-history");

        // Every change of a member's scores, with who and when, one click from the results.
        await officer.ClickAsync("text=豊丘 一郎の採点の履歴");
        await Assertions.Expect(officer.Locator("h1")).ToHaveTextAsync("採点の履歴: 豊丘 一郎");
        await Assertions.Expect(officer.Locator("#score-history")).ToContainTextAsync("— → 9.5");
        await Assertions.Expect(officer.Locator("#score-history")).ToContainTextAsync("— → 13.5");
        await Assertions.Expect(officer.Locator("#score-history")).ToContainTextAsync("提出");
        await BrowserFixture.ScreenshotAsync(officer, "ev-08-member-score-history");

        // The selected vendor declines: the officer records it and the next of the ranking is selected.
        await officer.GotoAsync($"{Hub}/Results");
        var first = await officer.Locator("#candidate-name strong").InnerTextAsync();
        await officer.FillAsync("#Decline_Reason", "契約締結前に辞退届が提出された。");
        await officer.CheckAsync("#DeclineConfirmed");
        await officer.ClickAsync("#Decline button[type=submit]");
        await Assertions.Expect(officer.Locator(".flash")).ToContainTextAsync("受注候補者の辞退を記録しました。");
        await Assertions.Expect(officer.Locator("#declines")).ToContainTextAsync($"{first}が辞退");
        await Assertions.Expect(officer.Locator("#candidate-name strong")).Not.ToHaveTextAsync(first);
        await officer.Locator("#candidate").ScrollIntoViewIfNeededAsync();
        await officer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "ev-09-candidate-declined.png") });
    }
}
