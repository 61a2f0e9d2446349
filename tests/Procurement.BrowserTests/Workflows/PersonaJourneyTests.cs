using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Procurement.BrowserTests.Infrastructure;
using Procurement.Features.Demo;
using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.Committee;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Definitions;
using Procurement.Tests.Contracts;
using Procurement.Tests.Evaluation;
using Procurement.Tests.Infrastructure;

namespace Procurement.BrowserTests.Workflows;

/// <summary>
/// The chair, legal staff and the officer each start from the home page's task list on the demo case (as the demo seeds
/// it: vendors with proposals, the evaluation of those vendors, the workflow standing where the records put it) and
/// finish their job; afterwards the pages that show the same fact (the task list and its count, the case page's current
/// step, the results, the contract page, the Documents page, the case timeline) say the same thing. What the journey
/// does not itself do (the other members' scoring, the officer's first submission) is arranged through the app's own
/// handlers and forms.
/// </summary>
public sealed class PersonaJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    /// <summary>Each persona's journey starts from the demo case, not from where the previous one left it.</summary>
    public Task InitializeAsync() => browser.App.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string Case = $"/Cases/{DemoData.CaseId}";

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static ILocator TaskRow(IPage page, string kind) => page.Locator($"#home-tasks tr[data-task='{kind}']");

    private static ILocator ActiveSteps(IPage page) => page.Locator(".workflow-panel table.active-steps");

    /// <summary>The demo case as <c>scripts/run.sh</c> shows it (the test database holds only the accounts and the case).</summary>
    private async Task<EvaluationHarness> DemoCaseAsync()
    {
        await DemoData.SeedStoryAsync(browser.App.Services);
        await WorkflowDemoData.SeedAsync(browser.App.Store, browser.App.Services.GetRequiredService<WorkflowCatalog>(),
            browser.App.Services.GetRequiredService<TimeProvider>());
        return new EvaluationHarness(browser.App);
    }

    /// <summary>
    /// member1, member2 and the chair declare no conflict and submit: 5段階 A 3, B 4, C 5, ○, 合 and 10 points, except
    /// member2's △ for vendor C on 2-4 (外字の取扱い), which the chair has to decide after the close.
    /// </summary>
    private static async Task ScoreAllAsync(EvaluationHarness evaluation)
    {
        var items = EvaluationDemo.Criteria.SelectMany(c => c.Items).ToList();
        var vendors = new[] { EvaluationDemo.VendorA, EvaluationDemo.VendorB, EvaluationDemo.VendorC };
        foreach (var member in new[] { "member1", "member2", "chair" })
        {
            await evaluation.Send(member, new DeclareConflictOfInterest(DemoData.CaseId, [], ""));
            await evaluation.Send(member, new SaveScoreDraft(DemoData.CaseId, [.. vendors.SelectMany((v, vi) => items.Select(i =>
                new ScoreEntry(v, i.Id, i.Scale switch
                {
                    ScaleKind.FiveLevel => 3 + vi,
                    ScaleKind.FitGap => member == "member2" && v == EvaluationDemo.VendorC && i.Id == "2-4" ? Marks.Partial : Marks.Fit,
                    ScaleKind.PassFail => Marks.Pass,
                    _ => 10,
                })))]));
            await evaluation.Send(member, new SubmitScoreSheet(DemoData.CaseId));
        }
    }

    /// <summary>The task list's rows and the count in the navigation, read on the same page.</summary>
    private static async Task AssertCountAgreesAsync(IPage page)
    {
        await page.GotoAsync("/Tasks");
        var rows = await page.Locator("table.tasks tbody tr").CountAsync();
        if (rows == 0) await Assertions.Expect(page.Locator("#task-count")).ToHaveCountAsync(0);
        else await Assertions.Expect(page.Locator("#task-count")).ToHaveTextAsync(new Regex($@"^\s*{rows}件$"));
    }

    [Fact]
    public async Task The_chair_closes_scoring_decides_the_open_item_and_finalises_and_the_pages_agree()
    {
        var evaluation = await DemoCaseAsync();
        await ScoreAllAsync(evaluation);

        var page = await browser.NewPageAsync();
        await page.SignInAsync("chair");
        await page.GotoAsync(Case);
        await Assertions.Expect(ActiveSteps(page)).ToContainTextAsync("評価（選定委員会の審査）");
        await page.GotoAsync("/");
        var close = TaskRow(page, "evaluation.close");
        await Assertions.Expect(close).ToContainTextAsync("全3名の採点表が提出されました");
        await BrowserFixture.ScreenshotAsync(page, "persona-chair-01-home-close");

        // The close asks first: without the confirmation nothing is closed.
        await close.GetByRole(AriaRole.Link, new() { Name = "技術審査を締め切る" }).ClickAsync();
        await Button(page, "技術審査を締め切る").ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='CloseConfirmed']")).Not.ToBeEmptyAsync();
        await BrowserFixture.ScreenshotAsync(page, "persona-chair-02-close-confirm-first");
        await page.CheckAsync("#CloseConfirmed");
        await Button(page, "技術審査を締め切る").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("技術審査を締め切りました。");

        // The △ is left to decide: the task says how many, and the results say they are provisional.
        await page.GotoAsync("/");
        await Assertions.Expect(TaskRow(page, "evaluation.close")).ToHaveCountAsync(0);
        var consensus = TaskRow(page, "evaluation.consensus");
        await Assertions.Expect(consensus).ToContainTextAsync("結果の確定までに残っている事項 1件");
        await BrowserFixture.ScreenshotAsync(page, "persona-chair-03-home-consensus");
        await page.GotoAsync($"{Case}/Evaluation/Results");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("暫定の順位です。");

        await page.GotoAsync("/");
        await consensus.GetByRole(AriaRole.Link, new() { Name = "合議事項を決定する" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("委員長・担当の決定事項");
        await page.SelectOptionAsync("#PartialFit_VendorId", EvaluationDemo.VendorC.ToString());
        await page.SelectOptionAsync("#PartialFit_ItemId", "2-4");
        await page.CheckAsync("input[name='PartialFit.TreatAsFit'][value='true']");
        await page.FillAsync("#PartialFit_Reason", "外字は標準の文字セットへの同定表で対応でき、代替案として認める。");
        await Button(page, "決定する").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToBeVisibleAsync();

        // Nothing is left, but the result is final only by the chair's own act, again confirmed first.
        await page.GotoAsync("/");
        await Assertions.Expect(TaskRow(page, "evaluation.consensus")).ToHaveCountAsync(0);
        var finalise = TaskRow(page, "evaluation.finalise");
        await Assertions.Expect(finalise).ToContainTextAsync("決めることは残っていません");
        await finalise.GetByRole(AriaRole.Link, new() { Name = "審査結果を確定する" }).ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "persona-chair-04-finalise");
        await page.CheckAsync("#FinaliseConfirmed");
        await Button(page, "結果を確定する").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("審査結果を確定しました。");

        // The pages agree: no evaluation task left, the results final, the workflow past the evaluation.
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#home-tasks tr[data-task^='evaluation.']")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "persona-chair-05-home-after");
        await AssertCountAgreesAsync(page);
        await page.GotoAsync($"{Case}/Evaluation/Results");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("暫定の順位です。");
        await Assertions.Expect(page.Locator("main .badge.ok").First).ToHaveTextAsync("確定");
        await Assertions.Expect(page.Locator("#ranking-table tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#candidate-name strong")).Not.ToBeEmptyAsync();
        await BrowserFixture.ScreenshotAsync(page, "persona-chair-06-results-final");
        await page.GotoAsync(Case);
        await Assertions.Expect(ActiveSteps(page)).Not.ToContainTextAsync("評価（選定委員会の審査）");
        await Assertions.Expect(ActiveSteps(page)).ToContainTextAsync("落札者（優先交渉権者）の決定");
        // The timeline names the record that moved the step as a reader calls it, never by its code name.
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("記録「技術評価の締切」により「評価（選定委員会の審査）」が完了しました。");
        await Assertions.Expect(page.Locator("ol.timeline")).Not.ToContainTextAsync("TechnicalScoringClosed");
        await BrowserFixture.ScreenshotAsync(page, "persona-chair-07-case-after");
    }
    /// <summary>Everyone scores, the chair closes and finalises: the award the contract drafts are made from.</summary>
    private static async Task AwardAsync(EvaluationHarness evaluation)
    {
        await ScoreAllAsync(evaluation);
        await evaluation.Send("chair", new CloseTechnicalScoring(DemoData.CaseId));
        await evaluation.Send("chair", new Procurement.Features.Evaluation.Consensus.DecidePartialFit(DemoData.CaseId, EvaluationDemo.VendorC, "2-4", true, "代替案として認める。"));
        await evaluation.Send("chair", new FinaliseResults(DemoData.CaseId));
    }

    /// <summary>The officer's SLA, terms and submission through the contract pages' forms: version 1 under review.</summary>
    private async Task<HttpClient> FirstVersionInReviewAsync()
    {
        var officer = await browser.SignInClientAsync("officer1");
        await browser.App.SubmitFirstVersionAsync(officer);
        return officer;
    }

    private const string SendBackReason = "再委託先の一覧を別紙で提出させる旨の要否を確認してください。";

    [Fact]
    public async Task Legal_staff_open_the_version_from_the_task_list_send_it_back_approve_the_next_and_the_contract_pages_agree()
    {
        await AwardAsync(await DemoCaseAsync());
        var officer = await FirstVersionInReviewAsync();

        var page = await browser.NewPageAsync();
        await page.SignInAsync("legal");
        await page.GotoAsync("/");
        var review = TaskRow(page, "contract.review:1");
        await Assertions.Expect(review).ToContainTextAsync("契約書類（第1版）を審査する");
        await BrowserFixture.ScreenshotAsync(page, "persona-legal-01-home-review");

        // The task opens the version under review, not the dossier; the consistency report sits above the review panel.
        await review.GetByRole(AriaRole.Link, new() { Name = "契約書類（第1版）を審査する" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"{Case}/Contract/Versions/1", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("第1版 審査中");
        await Assertions.Expect(page.Locator("#consistency-heading")).ToHaveTextAsync("文書間の矛盾の確認");
        await Assertions.Expect(page.Locator("#consistency-clean, #consistency-count")).ToBeVisibleAsync();
        var contradictions = await page.Locator("#consistency-count").CountAsync() > 0;
        await BrowserFixture.ScreenshotAsync(page, "persona-legal-02-version-under-review");

        await page.ClickAsync("#clause-contract-subcontracting_approval >> text=この条項にコメント");
        await page.FillAsync("#Input_Comment", "再委託先の一覧の提出時期を明記してください。");
        await page.ClickAsync("#add-comment");
        await Assertions.Expect(page.Locator("#clause-contract-subcontracting_approval .clause-comment")).ToContainTextAsync("再委託先の一覧の提出時期");
        await page.FillAsync("#Input_Reason", SendBackReason);
        await page.ClickAsync("#send-back");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("第1版を差し戻しました。");
        await Assertions.Expect(page.Locator("#dossier-status")).ToContainTextAsync("差戻し");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#home-tasks tr[data-task^='contract.']")).ToHaveCountAsync(0);

        // The officer resubmits unchanged, saying why (the officer's own journey does this from the task list).
        var resubmit = await officer.PostFormAsync($"{Case}/Contract?handler=Submit",
            new Dictionary<string, string> { ["Version"] = await browser.App.VersionAsync(), ["Note"] = "別紙の提出時期は特記事項第3条に記載済みです。" }, formPageUrl: "/");
        Assert.Equal(HttpStatusCode.Redirect, resubmit.StatusCode);

        await page.ReloadAsync();
        var second = TaskRow(page, "contract.review:2");
        await Assertions.Expect(second).ToContainTextAsync("契約書類（第2版）を審査する");
        await second.GetByRole(AriaRole.Link, new() { Name = "契約書類（第2版）を審査する" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"{Case}/Contract/Versions/2", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#submit-note")).ToContainTextAsync("別紙の提出時期は特記事項第3条に記載済みです。");
        // Approving asks first: the unchecked confirmation keeps the form from being sent.
        await page.ClickAsync("#approve");
        await Assertions.Expect(page.Locator("#ApproveConfirmed:invalid")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("第2版 審査中");
        await BrowserFixture.ScreenshotAsync(page, "persona-legal-03-version-2-note");
        if (contradictions) await page.FillAsync("#Input_ContradictionReason", "契約期間の差異は協議会で確認済み。");
        await page.CheckAsync("#ApproveConfirmed");
        await page.ClickAsync("#approve");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("第2版を承認しました。");

        // The task is gone; the contract page, the Documents page and the case timeline show version 2, approved.
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#home-tasks tr[data-task^='contract.']")).ToHaveCountAsync(0);
        await AssertCountAgreesAsync(page);
        await page.GotoAsync($"{Case}/Contract");
        await Assertions.Expect(page.Locator("#dossier-status")).ToContainTextAsync("承認済");
        await Assertions.Expect(page.Locator("#dossier-status")).ToContainTextAsync("第2版");
        await Assertions.Expect(page.Locator("#version-2")).ToContainTextAsync("承認済");
        await Assertions.Expect(page.Locator("#version-1")).ToContainTextAsync("差戻し");
        await BrowserFixture.ScreenshotAsync(page, "persona-legal-04-contract-approved");
        await page.GotoAsync($"{Case}/Documents");
        await Assertions.Expect(page.Locator("#template-contract")).ToContainTextAsync("第2版");
        var v2 = page.Locator("#dossier-versions tr.dossier-file[data-version='2']");
        await Assertions.Expect(v2).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++) await Assertions.Expect(v2.Nth(i)).ToContainTextAsync("承認済");
        await BrowserFixture.ScreenshotAsync(page, "persona-legal-05-documents");
        await page.GotoAsync(Case);
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("第2版を承認しました");
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("第1版を差し戻しました");
        await BrowserFixture.ScreenshotAsync(page, "persona-legal-06-case-timeline");
    }

    [Fact]
    public async Task The_officer_resubmits_from_the_task_list_and_a_generated_report_moves_the_case_on_by_itself()
    {
        await AwardAsync(await DemoCaseAsync());
        await FirstVersionInReviewAsync();
        var legal = await browser.SignInClientAsync("legal");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.App.ReviewAsync(legal, 1, "SendBack", new() { ["Input.Reason"] = SendBackReason })).StatusCode);

        var page = await browser.NewPageAsync();
        await page.SignInAsync("officer1");
        await page.GotoAsync("/");
        var fix = TaskRow(page, "contract.fix:1");
        await Assertions.Expect(fix).ToContainTextAsync("差し戻された契約書類（第1版）を修正する");
        await Assertions.Expect(fix).ToContainTextAsync($"差戻しの理由: {SendBackReason}");
        await BrowserFixture.ScreenshotAsync(page, "persona-officer-01-home-sent-back");
        await AssertCountAgreesAsync(page);

        // Nothing needed changing: resubmitted as version 2 with a note saying why.
        await page.GotoAsync("/");
        await fix.GetByRole(AriaRole.Link, new() { Name = "差し戻された契約書類（第1版）を修正する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#dossier-status")).ToContainTextAsync("差戻し");
        await page.FillAsync("#resubmit #Note", "別紙の提出時期は特記事項第3条に記載済みのため、変更せずに再提出します。");
        await BrowserFixture.ScreenshotAsync(page, "persona-officer-02-resubmit");
        await page.ClickAsync("#resubmit button[type=submit]");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("第2版を審査に提出しました。");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#home-tasks tr[data-task^='contract.']")).ToHaveCountAsync(0);
        await AssertCountAgreesAsync(page);

        // The award decision is the current step; generating the evaluation report completes it, without its button.
        await page.GotoAsync(Case);
        await Assertions.Expect(ActiveSteps(page)).ToContainTextAsync("落札者（優先交渉権者）の決定");
        await page.GotoAsync($"{Case}/Documents");
        await page.GenerateDocumentAsync("evaluation-report");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("第1版を生成しました。");
        await page.GotoAsync(Case);
        await Assertions.Expect(ActiveSteps(page)).Not.ToContainTextAsync("落札者（優先交渉権者）の決定");
        await Assertions.Expect(ActiveSteps(page)).ToContainTextAsync("契約・SLAの締結");
        await BrowserFixture.ScreenshotAsync(page, "persona-officer-03-case-moved-on");
        await AssertCountAgreesAsync(page);
        await Assertions.Expect(page.Locator("table.tasks")).Not.ToContainTextAsync("落札者（優先交渉権者）の決定");
        await BrowserFixture.ScreenshotAsync(page, "persona-officer-04-tasks-after");
    }
}
