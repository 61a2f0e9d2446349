using Marten;
using Microsoft.Playwright;
using Procurement.BrowserTests.Infrastructure;
using Procurement.Features.Contracts;
using Procurement.Features.Demo;
using Procurement.Features.Sla;
using Procurement.Infrastructure.Events;

namespace Procurement.BrowserTests.Planning;

/// <summary>Phase4: an officer records a month of SLA measurements, sets the year's payment and downloads the period report.</summary>
public sealed class SlaReportJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_officer_records_measurements_and_downloads_the_SLA_period_report()
    {
        await using (var session = browser.App.Store.LightweightSession())
        {
            var dossier = ContractStreams.DossierId(DemoData.CaseId);
            if (await session.Events.FetchStreamStateAsync(dossier) is null)
            {
                session.Events.StartStream<ContractDossier>(dossier,
                    new ContractDossierOpened(dossier, DemoData.CaseId, DemoData.GroupId, Actor.System, DateTimeOffset.UtcNow),
                    new SlaSaved(dossier, 1, SlaPresets.Create(SlaPreset.CoreBusiness), Actor.System, DateTimeOffset.UtcNow));
                await session.SaveChangesAsync();
            }
        }
        var page = await browser.NewPageAsync();
        await page.SignInAsync("officer1");
        await page.GotoAsync($"/Cases/{DemoData.CaseId}/SlaEvaluation?year=2028");

        await page.FillAsync("#Input_AnnualPayment", "96,000,000");
        await page.ClickAsync("form[action*=Payment] button");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("年間支払額を設定しました。");

        await page.FillAsync("#Input_PeriodStart", "2028-04");
        var rows = await page.Locator("input[id$='__Measured']").CountAsync();
        for (var i = 0; i < rows; i++) await page.FillAsync($"#Input_Rows_{i}__Measured", i == 0 ? "99.5%" : "達成");
        await page.UncheckAsync("#Input_Rows_0__Met");
        await page.SetInputFilesAsync("#report", new FilePayload { Name = "2028-04_月次報告.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7 monthly"u8.ToArray() });
        await page.ClickAsync("form[action*=Measure] button.primary");

        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("SLAの測定結果を登録しました。");
        await Assertions.Expect(page.Locator("#items")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("2028-04_月次報告.pdf");
        await BrowserFixture.ScreenshotAsync(page, "24-sla-evaluation");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("form[action*=Report] button"));
        var path = Path.Combine(BrowserFixture.ScreenshotDirectory, "sla-report.docx");
        await download.SaveAsAsync(path);
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(path)[..2]);
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
