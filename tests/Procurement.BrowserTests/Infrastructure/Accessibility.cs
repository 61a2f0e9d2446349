using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Procurement.BrowserTests.Infrastructure;

/// <summary>
/// axe-core scans with the WCAG 2.0/2.1 A and AA rules: JIS X 8341-3:2016 equals WCAG 2.0, and public-sector sites
/// are asked to meet AA; 2.1 AA adds what phones and low vision need. A violation fails the test with the rule, the
/// element and axe's own explanation, so the fix can start from the message.
/// </summary>
public static class Accessibility
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task<IReadOnlyList<string>> ViolationsAsync(this IPage page)
    {
        // Scan what has finished loading, not a half-drawn page.
        await page.WaitForLoadStateAsync(LoadState.Load);
        var result = await page.RunAxe(WcagAa);
        return result.Violations
            .SelectMany(v => v.Nodes.Select(n => $"{v.Id} ({v.Impact}): {v.Help} — {n.Target} — {string.Join("; ", (n.Any ?? []).Concat(n.All ?? []).Concat(n.None ?? []).Select(c => c.Message))} — {n.Html}"))
            .ToList();
    }

    public static async Task AssertAccessibleAsync(this IPage page, string name)
    {
        var violations = await page.ViolationsAsync();
        Assert.True(violations.Count == 0,
            $"{name} ({page.Url}) has {violations.Count} WCAG 2.1 AA violation(s):\n" + string.Join("\n", violations));
    }
}
