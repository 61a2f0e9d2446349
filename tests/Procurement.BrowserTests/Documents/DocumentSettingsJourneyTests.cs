using Microsoft.Playwright;
using Procurement.BrowserTests.Infrastructure;
using Procurement.Features.Demo;

namespace Procurement.BrowserTests.Documents;

/// <summary>
/// The officer generates 調達仕様書, sets the group's date style to 和暦（西暦）, changes a clause parameter, generates
/// again and opens the diff between the two versions, which shows both changes.
/// </summary>
public sealed class DocumentSettingsJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string Case = $"/Cases/{DemoData.CaseId}";

    [Fact]
    public async Task Officer_sets_the_date_style_and_a_clause_parameter_and_sees_both_in_the_diff_of_the_next_version()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("officer1");
        await page.GotoAsync($"{Case}/Documents");
        await page.GenerateDocumentAsync("procurement-spec");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("調達仕様書の第1版を生成しました。");

        await page.GotoAsync("/");
        await page.ClickAsync("text=文書の設定");
        await Assertions.Expect(page.Locator("#example-WarekiOnly")).ToHaveTextAsync("令和8年11月26日");
        await Assertions.Expect(page.Locator("#example-WarekiWithWestern")).ToHaveTextAsync("令和8年（2026年）11月26日");
        await page.CheckAsync("input[name='Input.DateStyle'][value=WarekiWithWestern]");
        await BrowserFixture.ScreenshotAsync(page, "doc-settings-01-group-date-style");
        await page.ClickAsync("button[type=submit].primary");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("文書の設定を保存しました。");
        await Assertions.Expect(page.Locator("input[name='Input.DateStyle'][value=WarekiWithWestern]")).ToBeCheckedAsync();

        await page.GotoAsync($"{Case}/Documents");
        await page.ClickAsync("#template-procurement-spec a.clause-settings-link");
        await Assertions.Expect(page.Locator("#Excluded_data_provision_")).ToContainTextAsync("必須");
        await page.FillAsync("#Values_data_erasure_certificate_days_", "abc");
        await page.ClickAsync("button[type=submit].primary");
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("消去証明書の提出期限（消去後の日数）: 整数で入力してください。");
        await Assertions.Expect(page.Locator("#Values_data_erasure_certificate_days_")).ToHaveValueAsync("abc");
        await BrowserFixture.ScreenshotAsync(page, "doc-settings-02-clause-error");
        await page.FillAsync("#Values_data_erasure_certificate_days_", "14");
        await page.FillAsync("#Values_data_provision_handover_months_", "6");
        await page.ClickAsync("button[type=submit].primary");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("調達仕様書の条項の設定を保存しました。");

        // The saved settings as the next visit shows them: the values kept, who saved them and when.
        await page.ClickAsync("#template-procurement-spec a.clause-settings-link");
        await Assertions.Expect(page.Locator("#Values_data_erasure_certificate_days_")).ToHaveValueAsync("14");
        await Assertions.Expect(page.Locator("#saved-by")).ToContainTextAsync("高森 花子");
        await BrowserFixture.ScreenshotAsync(page, "doc-settings-03-clauses");
        await page.GotoAsync($"{Case}/Documents");

        await page.GenerateDocumentAsync("procurement-spec");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("調達仕様書の第2版を生成しました。");
        await page.Locator("#doc-procurement-spec form.diff-form button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Documents/procurement-spec/Diff", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".diff-add", new() { HasText = "令和8年（2026年）11月26日" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".diff-add", new() { HasText = "契約終了日の6か月前までに" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".diff-add", new() { HasText = "消去の日から14日以内に提出すること" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".diff-del", new() { HasText = "契約終了日の3か月前までに" }).First).ToBeVisibleAsync();
        await page.Locator(".diff-add", new() { HasText = "契約終了日の6か月前までに" }).First.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "doc-settings-04-diff.png") });
    }
}
