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

    private async Task<int> ScanAsync(string userName, HashSet<string> scannedShapes, List<string> failures)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(userName);

        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(["/"]);
        var scanned = 0;
        // Bounded: a link bug must not make the scan run for ever.
        while (queue.Count > 0 && visited.Count < 80)
        {
            var path = queue.Dequeue();
            var shape = Infrastructure.Accessibility.RouteShape(path);
            if (!visited.Add(shape)) continue;
            var response = await page.GotoAsync(path);
            if (response is null || !response.Ok || !(response.Headers.GetValueOrDefault("content-type") ?? "").StartsWith("text/html", StringComparison.Ordinal)) continue;
            if (scannedShapes.Add(shape))
            {
                scanned++;
                if (await page.FirstOfItsShapeAsync($"{userName} {path}"))
                {
                    failures.AddRange((await page.ViolationsAsync()).Select(v => $"{userName} {path}: {v}"));
                }
            }

            foreach (var href in await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.getAttribute('href'))"))
            {
                if (string.IsNullOrEmpty(href) || !href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal) || NotAPage().IsMatch(href)) continue;
                var target = href.Split('#')[0];
                if (!visited.Contains(Infrastructure.Accessibility.RouteShape(target))) queue.Enqueue(target);
            }
        }

        await page.Context.CloseAsync();
        return scanned;
    }
}
