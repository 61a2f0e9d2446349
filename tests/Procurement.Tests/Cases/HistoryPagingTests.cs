using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Procurement.Features.Cases;
using Procurement.Features.Demo;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Cases;

/// <summary>
/// The case page's timeline and the 監査ログ a page at a time, newest first, and the log's CSV complete and oldest
/// first; a page costs the same number of SQL statements whether the case has a hundred records or a thousand.
/// </summary>
public sealed partial class HistoryPagingTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A case of the demo group: opened (record 1), then changed <paramref name="count"/> − 1 times, the change i titled 「経過 v{i:0000}」.</summary>
    private async Task<Guid> SeedCaseAsync(int count, string? firstTitle = null)
    {
        var caseId = Guid.NewGuid();
        var by = new Actor(Guid.NewGuid(), "高森 花子");
        var at = _app.Clock.GetUtcNow();
        await using var session = _app.Store.LightweightSession();
        session.Events.StartStream<CaseSummary>(caseId, new CaseOpened(caseId, DemoData.GroupId, firstTitle ?? "経過 v0000", ["juki"], CloudForm.SaaS,
            new DateOnly(2028, 4, 1), 100_000_000, by, at));
        session.Events.Append(caseId, Enumerable.Range(1, count - 1).Select(i => (object)new CaseDetailsChanged(caseId, $"経過 v{i:0000}", ["juki"], CloudForm.SaaS,
            new DateOnly(2028, 4, 1), 100_000_000, by, at.AddMinutes(i))).ToArray());
        await session.SaveChangesAsync();
        return caseId;
    }

    private static List<string> Versions(string html) => VersionMark().Matches(html).Select(m => m.Value).Distinct().ToList();

    [Fact]
    public async Task The_case_page_shows_the_newest_fifty_first_then_older_pages_to_the_last()
    {
        var caseId = await SeedCaseAsync(120);
        var officer = await _app.SignInAsync("officer1");

        var first = await officer.GetStringAsync($"/Cases/{caseId}");
        var timeline = Timeline().Match(first).Groups[1].Value;
        Assert.Equal(50, Entry().Count(timeline));
        Assert.Equal("v0119", Versions(timeline)[0]);
        Assert.Equal("v0070", Versions(timeline)[^1]);
        Assert.Contains("120件中 1〜50件目（新しい順）", first, StringComparison.Ordinal);
        Assert.Contains($"rel=\"next\" href=\"/Cases/{caseId}?page=2#timeline\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"pager\" aria-label=\"ページ送り\">", first, StringComparison.Ordinal);

        var second = Timeline().Match(await officer.GetStringAsync($"/Cases/{caseId}?page=2")).Groups[1].Value;
        Assert.Equal("v0069", Versions(second)[0]);
        Assert.Equal("v0020", Versions(second)[^1]);

        var lastPage = await officer.GetStringAsync($"/Cases/{caseId}?page=3");
        var last = Timeline().Match(lastPage).Groups[1].Value;
        Assert.Equal(20, Entry().Count(last));
        Assert.Equal("v0019", Versions(last)[0]);
        Assert.Contains("案件を作成しました", last, StringComparison.Ordinal); // the oldest record closes the last page
        Assert.DoesNotContain("rel=\"next\"", lastPage, StringComparison.Ordinal);
        Assert.Contains($"rel=\"prev\" href=\"/Cases/{caseId}?page=2#timeline\"", lastPage, StringComparison.Ordinal);

        // A page past the end reads as the last one.
        Assert.Equal(Versions(last), Versions(Timeline().Match(await officer.GetStringAsync($"/Cases/{caseId}?page=99")).Groups[1].Value));
    }

    [Fact]
    public async Task The_audit_log_is_paged_newest_first_and_its_CSV_holds_every_line_oldest_first_escaped()
    {
        var caseId = await SeedCaseAsync(120, firstTitle: "=HYPERLINK(\"http://example.com\")");
        var officer = await _app.SignInAsync("officer1");

        var first = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Cases/{caseId}/AuditTrail"));
        Assert.Contains("120件の記録", first, StringComparison.Ordinal);
        Assert.Equal(50, AuditRow().Count(first));
        Assert.Equal("v0119", Versions(AuditBody().Match(first).Groups[1].Value)[0]);
        Assert.Equal("v0070", Versions(AuditBody().Match(first).Groups[1].Value)[^1]);
        Assert.Contains($"rel=\"next\" href=\"/Cases/{caseId}/AuditTrail?page=2#audit-heading\"", first, StringComparison.Ordinal);

        var filtered = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Cases/{caseId}/AuditTrail?source=Case&page=2"));
        Assert.Equal("v0069", Versions(AuditBody().Match(filtered).Groups[1].Value)[0]);
        Assert.Contains($"rel=\"next\" href=\"/Cases/{caseId}/AuditTrail?source=Case&page=3#audit-heading\"", filtered, StringComparison.Ordinal);

        var last = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Cases/{caseId}/AuditTrail?page=3"));
        Assert.Equal(20, AuditRow().Count(last));
        Assert.Contains("案件を作成しました", last, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", last, StringComparison.Ordinal);

        var response = await officer.GetAsync($"/Cases/{caseId}/AuditTrail?handler=Csv");
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(121, lines.Length); // the header and every record, not a page
        Assert.StartsWith("\"日時\",\"記録の種類\",\"版\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"1\",\"高森 花子\",\"案件を作成しました\",\"'=HYPERLINK(\"\"http://example.com\"\")", lines[1], StringComparison.Ordinal);
        Assert.Contains("v0001", lines[2], StringComparison.Ordinal);
        Assert.Contains("\"120\",", lines[^1], StringComparison.Ordinal);
        Assert.Contains("v0119", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_costs_the_same_number_of_SQL_statements_for_a_hundred_records_as_for_a_thousand()
    {
        var small = await SeedCaseAsync(100);
        var large = await SeedCaseAsync(1_000);
        var officer = await _app.SignInAsync("officer1");
        var database = new Npgsql.NpgsqlConnectionStringBuilder(_app.ConnectionString).Database!;

        foreach (var page in new[] { "", "?page=2", "/AuditTrail", "/AuditTrail?page=2", "/AuditTrail?source=Case&page=3" })
        {
            var (forSmall, smallPage) = await StatementsAsync(officer, $"/Cases/{small}{page}", database);
            var (forLarge, largePage) = await StatementsAsync(officer, $"/Cases/{large}{page}", database);
            Assert.True(forSmall > 0, $"no statement seen for {page}");
            Assert.Equal(forSmall, forLarge);
            // And the page itself is as long: fifty lines either way (the whole stream would be ten times the lines).
            Assert.InRange(largePage, smallPage * 0.9, smallPage * 1.1);
        }
    }

    /// <summary>
    /// The SQL statements a GET sends to this class's database, counted from Npgsql's activities (one per command or
    /// batch). The fewest of three warm runs, so a statement of some other work in the app never counts as the page's.
    /// </summary>
    private static async Task<(int Statements, double Length)> StatementsAsync(HttpClient client, string url, string database)
    {
        var length = (await client.GetStringAsync(url)).Length; // warm: schema checks and caches are not the page's cost
        var fewest = int.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var seen = new ConcurrentBag<string>();
            using var listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = a =>
                {
                    if (a.TagObjects.Any(t => Equals(t.Value, database))) seen.Add(a.DisplayName);
                },
            };
            ActivitySource.AddActivityListener(listener);
            (await client.GetAsync(url)).EnsureSuccessStatusCode();
            fewest = Math.Min(fewest, seen.Count);
        }
        return (fewest, length);
    }

    [GeneratedRegex("<ol class=\"timeline\" aria-labelledby=\"timeline\">(.*?)</ol>", RegexOptions.Singleline)]
    private static partial Regex Timeline();

    [GeneratedRegex("<li>")]
    private static partial Regex Entry();

    [GeneratedRegex("<table class=\"data audit-trail\".*?<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex AuditBody();

    [GeneratedRegex("<tr class=\"audit-")]
    private static partial Regex AuditRow();

    [GeneratedRegex(@"v\d{4}")]
    private static partial Regex VersionMark();
}
