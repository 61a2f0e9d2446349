using Marten;
using Microsoft.Playwright;
using Procurement.BrowserTests.Infrastructure;
using Procurement.Features.Cases;
using Procurement.Features.Demo;
using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Infrastructure.Events;

namespace Procurement.BrowserTests.Evaluation;

/// <summary>
/// An officer builds criteria in the wizard (two categories, a 必須 item, a ○△× item, 加算方式, rounding) and submits;
/// on the demo case, where proposals are open, a change needs a reason and a member confirms it on the hub.
/// </summary>
public sealed class CriteriaEditorJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<Guid> NewCaseAsync()
    {
        var id = Guid.NewGuid();
        await using var session = browser.App.Store.LightweightSession();
        session.Events.StartStream<CaseSummary>(id, new CaseOpened(id, DemoData.GroupId, "文書管理システム調達", ["bunsho"],
            CloudForm.SaaS, new DateOnly(2029, 4, 1), 50_000_000, Actor.System, browser.App.Clock.GetUtcNow()));
        await session.SaveChangesAsync();
        return id;
    }

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Fact]
    public async Task An_officer_builds_criteria_with_two_categories_and_submits_them()
    {
        await EvaluationDemo.SeedAsync(browser.App.Store, browser.App.Clock);
        var caseId = await NewCaseAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync("officer1");
        await page.GotoAsync($"/Cases/{caseId}/Evaluation");
        await page.ClickAsync("main >> text=評価基準の編集");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("評価基準");

        await page.FillAsync("#Input_Categories_0__Name", "必須要件");
        await page.FillAsync("#Input_Categories_0__Items_0__Name", "LGWAN-ASPとして提供できること");
        await page.FillAsync("#Input_Categories_0__Items_0__MaxPoints", "0");
        await page.SelectOptionAsync("#Input_Categories_0__Items_0__Scale", "PassFail");
        await page.CheckAsync("#Input_Categories_0__Items_0__Required");
        await Assertions.Expect(page.Locator("#Input_Categories_0__Items_0__Anchors")).ToBeHiddenAsync(); // the small script hides 5段階 texts

        await Button(page, "区分を追加").ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Categories_0__Items_0__Name")).ToHaveValueAsync("LGWAN-ASPとして提供できること");
        await page.FillAsync("#Input_Categories_1__Name", "提案内容");
        await page.FillAsync("#Input_Categories_1__Items_0__Name", "業務機能の網羅性");
        await page.FillAsync("#Input_Categories_1__Items_0__MaxPoints", "40");
        await page.ClickAsync("text=評価項目 2 の5段階の評価の説明");
        await page.FillAsync("#Input_Categories_1__Items_0__Anchors_5_", "特に優れている");

        await Button(page, "行を追加").Nth(1).ClickAsync();
        await page.FillAsync("#Input_Categories_1__Items_1__Name", "帳票の出力");
        await page.SelectOptionAsync("#Input_Categories_1__Items_1__Scale", "FitGap");
        await Button(page, "次へ").ClickAsync();

        // The missing 配点 is named by row and field; everything typed stays.
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("評価項目 3 の配点を入力してください。");
        await Assertions.Expect(page.Locator("#Input_Categories_1__Items_1__Name")).ToHaveValueAsync("帳票の出力");
        await Assertions.Expect(page.Locator("#Input_Categories_1__Items_0__Anchors_5_")).ToHaveValueAsync("特に優れている");
        await BrowserFixture.ScreenshotAsync(page, "crit-01-items-error");
        await page.FillAsync("#Input_Categories_1__Items_1__MaxPoints", "20");
        await BrowserFixture.ScreenshotAsync(page, "crit-02-items");
        await Button(page, "次へ").ClickAsync();

        await Assertions.Expect(page.Locator("legend")).ToHaveTextAsync("価格評価と比率");
        await page.CheckAsync("input[name='Input.PriceMethod'][value='Additive']");
        await page.FillAsync("#Input_TechnicalWeight", "2");
        await page.FillAsync("#Input_PriceWeight", "1");
        await BrowserFixture.ScreenshotAsync(page, "crit-03-price");
        await Button(page, "次へ").ClickAsync();

        await Assertions.Expect(page.Locator("legend")).ToHaveTextAsync("端数処理と基準");
        await page.SelectOptionAsync("#Input_Rounding_2__Mode", "Truncate");
        await page.FillAsync("#Input_Rounding_2__Decimals", "3");
        await page.SelectOptionAsync("#Input_Rounding_3__Mode", "Truncate");
        await page.FillAsync("#Input_Rounding_3__Decimals", "2");
        await page.FillAsync("#Input_PassLine", "0.6");
        await BrowserFixture.ScreenshotAsync(page, "crit-04-rounding");
        await Button(page, "次へ").ClickAsync();

        await Assertions.Expect(page.Locator("#summary-full-marks")).ToContainTextAsync("60点");
        await Assertions.Expect(page.Locator("#summary-price-points")).ToContainTextAsync("30点");
        await BrowserFixture.ScreenshotAsync(page, "crit-05-review");
        await Button(page, "この内容で評価基準を保存").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("評価基準を保存しました。");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("提案評価");
        await BrowserFixture.ScreenshotAsync(page, "crit-06-hub");

        await using var session = browser.App.Store.QuerySession();
        var view = (await session.LoadAsync<EvaluationView>(EvaluationStreams.Evaluation(caseId)))!;
        Assert.Equal(["必須要件", "提案内容"], view.Criteria.Select(c => c.Name));
        Assert.True(view.Criteria[0].Items[0].Required);
        Assert.Equal(ScaleKind.FitGap, view.Criteria[1].Items[1].Scale);
        Assert.Equal(PriceMethod.Additive, view.Settings.PriceMethod);
        Assert.Equal(new RoundingRule(RoundingMode.Truncate, 2), view.Settings.RoundingOrExact.PricePoints);
    }

    [Fact]
    public async Task A_change_after_opening_needs_a_reason_and_a_member_confirms_it_on_the_hub()
    {
        await EvaluationDemo.SeedAsync(browser.App.Store, browser.App.Clock);
        var criteria = $"/Cases/{DemoData.CaseId}/Evaluation/Criteria";
        var page = await browser.NewPageAsync();
        await page.SignInAsync("officer1");
        await page.GotoAsync(criteria);
        await page.GetByRole(AriaRole.Link, new() { Name = "変更する", Exact = true }).ClickAsync();
        await page.FillAsync("#Input_Categories_1__Items_0__MaxPoints", "30");
        for (var i = 0; i < 3; i++) await Button(page, "次へ").ClickAsync();
        await Button(page, "理由を添えて評価基準を変更").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("変更理由を入力してください。");
        await page.FillAsync("#Input_Reason", "質問回答を踏まえ業務機能の配点を見直したため");
        await BrowserFixture.ScreenshotAsync(page, "crit-07-change-reason");
        await Button(page, "理由を添えて評価基準を変更").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("評価基準を変更しました。");
        await Assertions.Expect(page.Locator("#pending-members")).ToContainTextAsync("豊丘 一郎");
        await BrowserFixture.ScreenshotAsync(page, "crit-08-pending");
        await page.Context.CloseAsync();

        var member = await browser.NewPageAsync();
        await member.SignInAsync("member1");
        await member.GotoAsync($"/Cases/{DemoData.CaseId}/Evaluation");
        await Assertions.Expect(member.Locator("#criteria-change-notice")).ToContainTextAsync("質問回答を踏まえ業務機能の配点を見直したため");
        await BrowserFixture.ScreenshotAsync(member, "crit-09-member-notice");
        await member.Locator("#criteria-change-notice").GetByRole(AriaRole.Button, new() { Name = "確認" }).ClickAsync();
        await Assertions.Expect(member.Locator(".flash")).ToContainTextAsync("評価基準の変更を確認しました。");
        await Assertions.Expect(member.Locator("#criteria-change-notice")).ToHaveCountAsync(0);
    }
}
