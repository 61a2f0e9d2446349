using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Procurement.BrowserTests.Infrastructure;

/// <summary>
/// axe-core scans with the WCAG 2.0/2.1 A and AA rules: JIS X 8341-3:2016 equals WCAG 2.0, and public-sector sites
/// are asked to meet AA; 2.1 AA adds what phones and low vision need. A violation fails the test with the rule, the
/// element and axe's own explanation, so the fix can start from the message.
/// </summary>
public static partial class Accessibility
{
    /// <remarks>
    /// Only violations are collected: axe still runs every rule of the tags on every element, but does not gather the
    /// passing and inapplicable nodes that nothing here reads (axe's documented option for large pages).
    /// </remarks>
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>The page shapes scanned so far in this test run (see <see cref="ShapeAsync"/>).</summary>
    private static readonly ConcurrentDictionary<string, string> Scanned = new(StringComparer.Ordinal);

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?<=/)\d+(?=/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Ids();

    /// <summary>A path with its ids replaced: one route of the app, whichever case, version or vendor it shows.</summary>
    public static string RouteShape(string path) => Ids().Replace(path.Split('?', '#')[0], "{id}");

    public static async Task<IReadOnlyList<string>> ViolationsAsync(this IPage page)
    {
        // Scan what has finished loading, not a half-drawn page.
        await page.WaitForLoadStateAsync(LoadState.Load);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await page.RunAxe(WcagAa);
        Interlocked.Add(ref _scanTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
        Interlocked.Increment(ref _scans);
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

    /// <summary>
    /// Scans the page unless a page of the same shape was scanned earlier in the run (by any test): a scan costs a
    /// second or more on this machine, and the journeys and the crawl of every page meet the same pages again and again.
    /// </summary>
    public static async Task AssertAccessibleOnceAsync(this IPage page, string name)
    {
        if (await page.FirstOfItsShapeAsync(name)) await page.AssertAccessibleAsync(name);
    }

    /// <summary>True the first time a page of this shape is met in the run (and remembers it).</summary>
    public static async Task<bool> FirstOfItsShapeAsync(this IPage page, string by)
    {
        if (Scanned.TryAdd(await page.ShapeAsync(), by)) return true;
        Interlocked.Increment(ref _skipped);
        return false;
    }

    private static int _skipped;
    private static int _scans;
    private static long _scanTicks;

    /// <summary>What was scanned in the run and by whom, for a reader wondering whether a page was: artifacts/accessibility-scans.txt.</summary>
    public static void WriteScanList(string path) =>
        File.WriteAllLines(path, [$"{Scanned.Count} page shapes, {_scans} scans taking {TimeSpan.FromTicks(_scanTicks).TotalSeconds:0.0} s in all, {_skipped} repeats not scanned again", .. Scanned.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}\t{s.Value}")]);

    /// <summary>
    /// What a scan's outcome depends on beyond the route: the states a page can be drawn in (a message, errors next to
    /// fields, warnings, a dialog, print), the forms and tables the reader's role and the case's progress put on it, and
    /// the language. The same route in another state is another shape and is scanned again; the same route reached
    /// again in the same state is not.
    /// </summary>
    private static async Task<string> ShapeAsync(this IPage page)
    {
        var state = await page.EvaluateAsync<string>(@"() => {
            const shown = s => [...document.querySelectorAll(s)].some(e => e.tagName === 'svg' || e.textContent.trim() !== '');
            const marks = ['.flash', '#error-summary', '.error-list', '.field-error', '.field-validation-error', '[role=alert]',
                '.notice', 'dialog[open]', '.badge.danger', '.badge.warn', '.badge.ok', 'tr.unanswered', '.diff-add', '.diff-gap', 'svg', 'details[open]'];
            const count = s => document.querySelectorAll(s).length;
            return [marks.filter(shown).join(','), 'forms=' + count('main form'), 'tables=' + count('main table'),
                'buttons=' + count('main button'), document.documentElement.lang, matchMedia('print').matches ? 'print' : 'screen'].join('|');
        }");
        return RouteShape(new Uri(page.Url).AbsolutePath) + "|" + state;
    }
}
