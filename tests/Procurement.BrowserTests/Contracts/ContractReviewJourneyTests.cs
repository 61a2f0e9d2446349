using System.IO.Compression;
using Microsoft.Playwright;
using Procurement.BrowserTests.Infrastructure;
using Procurement.Features.Demo;

namespace Procurement.BrowserTests.Contracts;

/// <summary>
/// The review loop end to end: the officer builds the SLA and terms and submits; legal staff comment on a clause and
/// send it back; the officer revises; legal staff compare the versions, approve and download the bundle.
/// </summary>
public sealed class ContractReviewJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string Dossier = $"/Cases/{DemoData.CaseId}/Contract";

    [Fact]
    public async Task Officer_builds_the_SLA_legal_sends_back_officer_revises_legal_approves_and_downloads_the_bundle()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("officer1");
        await page.GotoAsync($"/Cases/{DemoData.CaseId}");
        await page.ClickAsync("text=契約書・SLAの草案");
        await page.ClickAsync("text=SLAを作成・編集");

        // Step 1: start from the "other services" level.
        await page.CheckAsync("input[name='Input.Preset'][value='OtherService']");
        await page.ClickAsync("#apply-preset");
        await Assertions.Expect(page.Locator("#Input_Items_0__Target")).ToHaveValueAsync("99.5%以上（月間）");
        // Step 2: items, with an error first (an emptied indicator), then corrected.
        await page.FillAsync("#Input_Items_0__Target", "99.9%以上（月間）");
        await page.FillAsync("#Input_Items_1__Indicator", "");
        await page.ClickAsync("button[value=next]");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Items[1].Indicator']")).ToContainTextAsync("指標を入力してください。");
        await BrowserFixture.ScreenshotAsync(page, "contract-01-sla-items-error");
        await page.FillAsync("#Input_Items_1__Indicator", "計画停止の事前通知");
        await page.ClickAsync("button[value=next]");
        // Step 3: penalty points model.
        await page.CheckAsync("input[name='Input.PenaltyKind'][value='PenaltyPoints']");
        await page.FillAsync("#Input_PointsPerRepeatedMiss", "3");
        await page.FillAsync("#Input_FeeReductionPercent", "2.5");
        await BrowserFixture.ScreenshotAsync(page, "contract-02-sla-penalty");
        await page.ClickAsync("button[value=next]");
        // Step 4: the responsibility boundary.
        await Assertions.Expect(page.Locator("#Input_Exclusions")).ToContainTextAsync("通信回線");
        await page.ClickAsync("#finish-sla");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("SLAを保存しました。");

        await page.ClickAsync("text=契約条件を入力");
        await Assertions.Expect(page.Locator("#manual-party-note")).ToBeVisibleAsync();
        await page.FillAsync("#Input_OtsuName", "株式会社信州クラウドサービス");
        await page.FillAsync("#Input_OtsuAddress", "長野県飯田市本町一丁目1番地");
        await page.FillAsync("#Input_OtsuRepresentative", "代表取締役　伊那谷 太郎");
        await page.FillAsync("#Input_Price", "396,000,000");
        await page.FillAsync("#Input_PeriodStart", "2027-04-01");
        await page.FillAsync("#Input_PeriodEnd", "2032-03-31");
        await page.ClickAsync("button[type=submit].primary");
        await Assertions.Expect(page.Locator("#precheck")).ToContainTextAsync("必須条項はすべて揃っています。");
        await page.ClickAsync("#submit-review");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("第1版を審査に提出しました。");
        await BrowserFixture.ScreenshotAsync(page, "contract-03-submitted");
        await page.SignOutAsync();

        // Legal staff: workspace → version 1 → comment on 再委託 → send back.
        await page.SignInAsync("legal");
        await page.ClickAsync("nav >> text=契約書類の審査");
        await Assertions.Expect(page.Locator("#drafts")).ToContainTextAsync("審査中");
        await BrowserFixture.ScreenshotAsync(page, "contract-04-legal-workspace");
        await page.ClickAsync("#drafts >> text=住民情報系システム共同利用");
        await page.ClickAsync("#version-1 >> text=第1版");
        // "Comment on this clause" under 第10条（再委託の制限） preselects it in the review panel.
        await page.ClickAsync("#clause-contract-subcontracting_approval >> text=この条項にコメント");
        await Assertions.Expect(page.Locator("#Input_ClauseKey")).ToHaveValueAsync("contract:subcontracting_approval");
        await page.FillAsync("#Input_Comment", "再委託先の一覧を別紙で提出させる旨を特約に加えてください。");
        await page.ClickAsync("#add-comment");
        await Assertions.Expect(page.Locator("#clause-contract-subcontracting_approval .clause-comment")).ToContainTextAsync("再委託先の一覧");
        await page.FillAsync("#Input_Reason", "再委託に関するコメントを反映してください。");
        await BrowserFixture.ScreenshotAsync(page, "contract-05-legal-comment");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "contract-05b-legal-comment-viewport.png") });
        await page.ClickAsync("#send-back");
        await Assertions.Expect(page.Locator("#dossier-status")).ToContainTextAsync("差戻し");
        await page.SignOutAsync();

        // The officer sees the comment and revises: the change becomes version 2.
        await page.SignInAsync("officer1");
        await page.GotoAsync(Dossier);
        await Assertions.Expect(page.Locator("ul.comments")).ToContainTextAsync("再委託先の一覧");
        await page.ClickAsync("text=契約条件を入力");
        await page.FillAsync("#Input_SpecialProvisions", "乙は、再委託先の名称、住所及び業務の範囲を記載した一覧を別紙として甲に提出する。");
        await page.ClickAsync("button[type=submit].primary");
        await page.ClickAsync("#submit-review");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("第2版を審査に提出しました。");
        await page.SignOutAsync();

        // Legal staff compare 1 → 2, approve 2 and download the bundle.
        await page.SignInAsync("legal");
        await page.GotoAsync(Dossier);
        await page.ClickAsync("#diff-form button");
        await Assertions.Expect(page.Locator(".diff-add", new() { HasText = "再委託先の名称" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "contract-06-diff");
        await page.GotoAsync($"{Dossier}/Versions/2");
        await page.CheckAsync("#ApproveConfirmed");
        await page.ClickAsync("#approve");
        await Assertions.Expect(page.Locator("#version-2")).ToContainTextAsync("承認済");
        await BrowserFixture.ScreenshotAsync(page, "contract-07-approved");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#version-2 a.bundle"));
        var dir = Path.Combine(Path.GetDirectoryName(BrowserFixture.ScreenshotDirectory)!, "contracts");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "bundle-v2.zip");
        await download.SaveAsAsync(path);
        using var zip = ZipFile.OpenRead(path);
        Assert.Equal(3, zip.Entries.Count(e => e.FullName.EndsWith(".docx", StringComparison.Ordinal)));
        zip.ExtractToDirectory(Path.Combine(dir, "bundle-v2"), overwriteFiles: true);
    }
}
