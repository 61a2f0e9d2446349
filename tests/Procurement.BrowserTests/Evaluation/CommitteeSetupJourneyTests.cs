using Microsoft.Playwright;
using Procurement.BrowserTests.Infrastructure;
using Procurement.Features.Cases;
using Procurement.Features.Demo;
using Procurement.Features.Evaluation;
using Procurement.Infrastructure.Events;

namespace Procurement.BrowserTests.Evaluation;

/// <summary>
/// On a new case with criteria but no committee, the officer seats members (with their 職) and a chair from the hub,
/// dismisses a member seated by mistake, and opens the proposals.
/// </summary>
public sealed class CommitteeSetupJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Fact]
    public async Task An_officer_seats_the_committee_and_opens_the_proposals()
    {
        var caseId = Guid.NewGuid();
        await using (var session = browser.App.Store.LightweightSession())
        {
            var now = browser.App.Clock.GetUtcNow();
            session.Events.StartStream<CaseSummary>(caseId, new CaseOpened(caseId, DemoData.GroupId, "文書管理システム調達", ["bunsho"],
                CloudForm.SaaS, new DateOnly(2029, 4, 1), 50_000_000, Actor.System, now));
            session.Events.StartStream(EvaluationStreams.Evaluation(caseId), new CriteriaDefined(caseId, EvaluationDemo.Criteria, EvaluationDemo.Settings, Actor.System, now));
            await session.SaveChangesAsync();
        }
        var page = await browser.NewPageAsync();
        await page.SignInAsync("officer1");
        await page.GotoAsync($"/Cases/{caseId}/Evaluation");
        await page.ClickAsync("#committee-setup");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("選定委員会と評価対象");

        await Button(page, "提案書を開封する").ClickAsync();
        await Assertions.Expect(page.Locator("#Open")).ToContainTextAsync("選定委員と委員長を選任してから提案書を開封してください。");

        await page.SelectOptionAsync("#Member_UserId", new SelectOptionValue { Label = "豊丘 一郎" });
        await page.FillAsync("#Member_Position", "豊丘村 総務課長");
        await Button(page, "選任する").ClickAsync();
        await page.SelectOptionAsync("#Member_UserId", new SelectOptionValue { Label = "喬木 由美" });
        await Button(page, "選任する").ClickAsync();
        await Assertions.Expect(page.Locator("#members tr", new() { HasText = "喬木 由美" })).ToHaveCountAsync(1);
        await Button(page, "喬木 由美を解任する").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("委員を解任しました。");
        await Assertions.Expect(page.Locator("#members tr", new() { HasText = "喬木 由美" })).ToHaveCountAsync(0);
        await page.SelectOptionAsync("#Member_UserId", new SelectOptionValue { Label = "南 信夫（委員長）" });
        await page.CheckAsync("#Member_IsChair");
        await Button(page, "選任する").ClickAsync();
        await Assertions.Expect(page.Locator("#members")).ToContainTextAsync("豊丘 一郎");
        await Assertions.Expect(page.Locator("#members tr", new() { HasText = "南 信夫" })).ToContainTextAsync("委員長");
        await Assertions.Expect(page.Locator("#members tr", new() { HasText = "豊丘 一郎" }).Locator("input[name='Seat.Position']")).ToHaveValueAsync("豊丘村 総務課長");
        await BrowserFixture.ScreenshotAsync(page, "evaluation-committee-setup");

        await Button(page, "提案書を開封する").ClickAsync();
        await Assertions.Expect(page.Locator("#opened")).ToContainTextAsync("高森 花子が開封しました。");
        await Assertions.Expect(page.Locator("#Open")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "evaluation-committee-opened");
    }
}
