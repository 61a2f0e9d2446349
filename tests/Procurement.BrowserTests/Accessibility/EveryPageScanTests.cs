using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Procurement.BrowserTests.Infrastructure;

namespace Procurement.BrowserTests.Accessibility;

/// <summary>
/// Every page each persona can reach by following links from the home page, scanned with axe-core (WCAG 2.1 AA).
/// The journeys scan the states they produce (errors, filled forms); this scan makes sure no page escapes because
/// no journey happens to visit it. Each route shape (ids replaced) is scanned once, by the first persona that
/// reaches it (the officer reaches most): adding a vendor adds no scans, and the journeys already scan the
/// committee's and legal's own views of shared pages at their screenshots. A page a journey already scanned in
/// the same state earlier in the run counts as scanned (<see cref="Infrastructure.Accessibility.FirstOfItsShapeAsync"/>).
/// Links are followed over HTTP; Chromium renders only the pages to scan.
/// </summary>
public sealed partial class EveryPageScanTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // What a link may lead to that is not a page: files, the sign-out and language forms, and other origins.
    [GeneratedRegex(@"(/Download|/Pdf|/File|/Export|/Csv|\.docx|\.pdf|\.csv|\.xlsx|\.svg|\.png|handler=|/Account/SignOut|/Language)", RegexOptions.IgnoreCase)]
    private static partial Regex NotAPage();

    [Fact]
    public async Task Every_page_reachable_by_each_persona_meets_WCAG_2_1_AA()
    {
        var scannedShapes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var failures = new List<string>();
        var scannedBy = new Dictionary<string, int>();
        foreach (var userName in new[] { "officer1", "member1", "chair", "legal", "admin" })
        {
            scannedBy[userName] = await ScanAsync(userName, scannedShapes, failures);
        }

        Assert.True(scannedBy["officer1"] >= 20, $"the officer reached only {scannedBy["officer1"]} page(s)");
        Assert.True(failures.Count == 0, $"{failures.Count} WCAG 2.1 AA violation(s) on {scannedShapes.Count} pages:\n" + string.Join("\n", failures));
    }

    [GeneratedRegex(@"<a\b[^>]*?\bhref=""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex Links();

    private async Task<int> ScanAsync(string userName, HashSet<string> scannedShapes, List<string> failures)
    {
        // Links are followed over plain HTTP, which costs a fraction of a rendered page; Chromium opens only the pages
        // whose shape nobody scanned yet.
        using var http = await browser.SignInClientAsync(userName, followRedirects: true);
        IPage? page = null;

        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(["/"]);
        var scanned = 0;
        // Bounded: a link bug must not make the scan run for ever.
        while (queue.Count > 0 && visited.Count < 80)
        {
            var path = queue.Dequeue();
            if (!visited.Add(Infrastructure.Accessibility.RouteShape(path))) continue;
            using var response = await http.GetAsync(path);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            // Where a redirect ended is the page to scan.
            var final = response.RequestMessage?.RequestUri?.PathAndQuery ?? path;
            if (scannedShapes.Add(Infrastructure.Accessibility.RouteShape(final)))
            {
                scanned++;
                if (page is null)
                {
                    page = await browser.NewPageAsync();
                    await page.SignInAsync(userName);
                }
                await page.GotoAsync(final);
                if (await page.FirstOfItsShapeAsync($"{userName} {final}"))
                {
                    failures.AddRange((await page.ViolationsAsync()).Select(v => $"{userName} {final}: {v}"));
                }
            }

            foreach (Match link in Links().Matches(await response.Content.ReadAsStringAsync()))
            {
                var href = WebUtility.HtmlDecode(link.Groups[1].Value);
                if (string.IsNullOrEmpty(href) || !href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal) || NotAPage().IsMatch(href)) continue;
                var target = href.Split('#')[0];
                if (!visited.Contains(Infrastructure.Accessibility.RouteShape(target))) queue.Enqueue(target);
            }
        }

        if (page is not null) await page.Context.CloseAsync();
        return scanned;
    }
}
