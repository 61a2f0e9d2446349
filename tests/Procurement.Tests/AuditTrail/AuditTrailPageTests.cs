using System.Net;
using System.Text;
using Procurement.Features.AuditTrail;
using Procurement.Features.Demo;
using Procurement.Features.Evaluation;
using Procurement.Tests.Contracts;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.AuditTrail;

/// <summary>/Cases/{id}/AuditTrail: the case's records from every stream the reader may see, on the page and as CSV.</summary>
public sealed class AuditTrailPageTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private static readonly string Page = $"/Cases/{DemoData.CaseId}/AuditTrail";
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock);
        var officer = await _app.SignInAsync("officer1");
        Assert.Equal(HttpStatusCode.Redirect, (await _app.SaveTermsAsync(officer)).StatusCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_officer_sees_the_case_the_evaluation_and_the_contract_records_and_the_case_page_links_to_them()
    {
        var officer = await _app.SignInAsync("officer1");

        Assert.Contains($"href=\"{Page}\"", await officer.GetStringAsync($"/Cases/{DemoData.CaseId}"), StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(await officer.GetStringAsync(Page));
        Assert.Contains("<h1>監査ログ</h1>", html, StringComparison.Ordinal);
        Assert.Contains("案件を作成しました", html, StringComparison.Ordinal);
        Assert.Contains("提案書を開封（評価基準を確定）", html, StringComparison.Ordinal);
        Assert.Contains("契約条件を保存しました", html, StringComparison.Ordinal);
        Assert.Contains("class=\"audit-evaluation\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"audit-contract\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"evaluation-withheld\"", html, StringComparison.Ordinal);
        // Newest first: opening the case comes after everything that happened in it.
        Assert.True(html.IndexOf("案件を作成しました", StringComparison.Ordinal) > html.IndexOf("提案書を開封", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_CSV_holds_the_same_lines_for_Excel_with_a_BOM_and_a_header()
    {
        var officer = await _app.SignInAsync("officer1");
        var trail = WebUtility.HtmlDecode(await officer.GetStringAsync(Page));

        var response = await officer.GetAsync($"{Page}?handler=Csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("監査ログ_", response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"日時\",\"記録の種類\",\"版\",\"操作者\",\"操作\",\"内容\"", lines[0]);
        var rows = System.Text.RegularExpressions.Regex.Count(trail, "<tr class=\"audit-");
        Assert.True(rows > 10);
        Assert.Equal(rows, lines.Length - 1);
        Assert.Contains(lines, l => l.Contains("\"提案評価\"", StringComparison.Ordinal) && l.Contains("提案書を開封", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_kind_of_record_can_be_shown_and_downloaded_alone()
    {
        var officer = await _app.SignInAsync("officer1");

        var html = WebUtility.HtmlDecode(await officer.GetStringAsync($"{Page}?source=Contract"));
        Assert.Contains("class=\"audit-contract\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"audit-case\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"audit-evaluation\"", html, StringComparison.Ordinal);
        Assert.Contains("?handler=Csv&source=Contract", html, StringComparison.Ordinal);

        var csv = Encoding.UTF8.GetString(await officer.GetByteArrayAsync($"{Page}?handler=Csv&source=Contract"));
        Assert.Contains("契約条件を保存しました", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("案件を作成しました", csv, StringComparison.Ordinal);

        // An unknown kind shows everything rather than nothing.
        Assert.Contains("class=\"audit-case\"", await officer.GetStringAsync($"{Page}?source=Payroll"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_that_Excel_would_run_as_a_formula_stays_text_and_quotes_are_doubled()
    {
        Assert.Equal("\"'=HYPERLINK(\"\"http://example.com\"\")\"", AuditTrailCsv.Cell("=HYPERLINK(\"http://example.com\")"));
        Assert.Equal("\"'@SUM(A1)\"", AuditTrailCsv.Cell("@SUM(A1)"));
        Assert.Equal("\"'+81\"", AuditTrailCsv.Cell("+81"));
        Assert.Equal("\"高森 花子\"", AuditTrailCsv.Cell("高森 花子"));
        Assert.Equal("\"1行目\n2行目\"", AuditTrailCsv.Cell("1行目\n2行目"));
    }

    [Fact]
    public async Task A_committee_member_before_the_close_sees_the_case_records_and_is_told_why_the_others_are_not_listed()
    {
        var member = await _app.SignInAsync("member1");

        var html = WebUtility.HtmlDecode(await member.GetStringAsync(Page));

        Assert.Contains("案件を作成しました", html, StringComparison.Ordinal);
        Assert.Contains("id=\"evaluation-withheld\"", html, StringComparison.Ordinal);
        Assert.Contains("評価の経過は技術審査の締切後に閲覧できます。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"audit-evaluation\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"contract-withheld\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"audit-contract\"", html, StringComparison.Ordinal);
        var csv = Encoding.UTF8.GetString(await member.GetByteArrayAsync($"{Page}?handler=Csv"));
        Assert.DoesNotContain("提案書を開封", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("契約条件を保存しました", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_the_group_the_page_and_the_CSV_are_not_found_and_signed_out_users_are_sent_to_sign_in()
    {
        var (_, outsiderName) = await _app.CreateOtherGroupWithOfficerAsync();
        var outsider = await _app.SignInAsync(outsiderName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{Page}?handler=Csv")).StatusCode);

        var anonymous = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync($"{Page}?handler=Csv");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/SignIn", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_English_the_headings_sources_and_sentences_are_English()
    {
        var officer = await _app.SignInAsync("officer1");
        await officer.UseEnglishAsync();

        var html = WebUtility.HtmlDecode(await officer.GetStringAsync(Page));

        Assert.Contains("<h1>Audit log</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Proposal evaluation</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Contract and SLA</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("提案書を開封", html, StringComparison.Ordinal);
    }
}
