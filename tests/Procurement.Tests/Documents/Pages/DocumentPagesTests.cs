using System.Globalization;
using System.Net;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Procurement.Features.Cases;
using Procurement.Features.Demo;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Documents.Pages;

/// <summary>/Cases/{id}/Documents and its diff and download routes, over HTTP as the browser sends them.</summary>
public sealed class DocumentPagesTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private static readonly Guid CaseId = DemoData.CaseId;
    private static readonly string Page = $"/Cases/{CaseId}/Documents";
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static Task<HttpResponseMessage> GenerateAsync(HttpClient client, string templateId) =>
        client.PostFormAsync($"{Page}?handler=Generate", new Dictionary<string, string> { ["templateId"] = templateId, ["workingDraft"] = "true" }, formPageUrl: Page);

    private async Task<CaseDocumentsView?> LoadAsync()
    {
        await using var session = _app.Store.QuerySession();
        return await session.LoadAsync<CaseDocumentsView>(CaseId);
    }

    private async Task ChangeTitleAsync(HttpClient officer, string title)
    {
        CaseSummary summary;
        await using (var session = _app.Store.QuerySession()) summary = (await session.LoadAsync<CaseSummary>(CaseId))!;
        var response = await officer.PostFormAsync($"/Cases/{CaseId}/Edit", new Dictionary<string, string>
        {
            ["Input.Version"] = summary.Version.ToString(CultureInfo.InvariantCulture),
            ["Input.Title"] = title,
            ["Input.TargetBusinesses"] = summary.TargetBusinesses[0],
            ["Input.CloudForm"] = summary.CloudForm.ToString(),
            ["Input.PlannedGoLive"] = summary.PlannedGoLive.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.BudgetCeiling"] = summary.BudgetCeiling.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<HttpClient> TwoVersionsOfTheSpecAsync(string newTitle = "基幹業務システム標準化対応 共同調達（文書比較用の新題名）")
    {
        var officer = await _app.SignInAsync("officer1");
        Assert.Equal(HttpStatusCode.Redirect, (await GenerateAsync(officer, "procurement-spec")).StatusCode);
        await ChangeTitleAsync(officer, newTitle);
        Assert.Equal(HttpStatusCode.Redirect, (await GenerateAsync(officer, "procurement-spec")).StatusCode);
        return officer;
    }

    [Fact]
    public async Task An_officer_generating_twice_with_a_case_change_between_gets_two_versions_listed_with_author_and_hash()
    {
        var officer = await TwoVersionsOfTheSpecAsync();

        var series = (await LoadAsync())!.Find("procurement-spec")!;
        Assert.Equal([2, 1], series.Versions.Select(v => v.Version));
        Assert.True(series.Versions[0].DataVersion > series.Versions[1].DataVersion);
        var html = await officer.GetStringAsync(Page);
        Assert.Contains("第1版", html, StringComparison.Ordinal);
        Assert.Contains("第2版", html, StringComparison.Ordinal);
        Assert.Contains("高森 花子", html, StringComparison.Ordinal);
        Assert.Contains(series.Versions[0].ContentHash[..12], html, StringComparison.Ordinal);
        Assert.Contains($"/Cases/{CaseId}/Documents/procurement-spec/2/Download", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/Cases/{CaseId}/Documents/procurement-spec/Diff\"", html, StringComparison.Ordinal);

        // The same data again is the same version, not a third.
        Assert.Equal(HttpStatusCode.Redirect, (await GenerateAsync(officer, "procurement-spec")).StatusCode);
        Assert.Equal(2, (await LoadAsync())!.Find("procurement-spec")!.Versions.Count);
    }

    [Fact]
    public async Task The_documents_page_lists_documents_in_procurement_order_with_their_phase_not_their_ids()
    {
        var officer = await _app.SignInAsync("officer1");
        var html = await officer.GetStringAsync(Page);

        int At(string id) => html.IndexOf($"id=\"template-{id}\"", StringComparison.Ordinal);
        int[] positions = [At("rfi"), At("procurement-spec"), At("evaluation-report"), At("contract"), At("sla-report")];
        Assert.True(positions.SequenceEqual(positions.Order()) && positions[0] > 0, string.Join(", ", System.Text.RegularExpressions.Regex.Matches(html, "id=\"template-([a-z-]+)\"").Select(m => m.Groups[1].Value)));
        Assert.Contains("Phase1 計画立案", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<code>procurement-spec</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_diff_page_shows_the_changed_title_as_deleted_and_inserted_text_encoded()
    {
        var officer = await TwoVersionsOfTheSpecAsync("共同調達（文書比較用の新題名）<b>太字</b>");

        var html = await officer.GetStringAsync($"{Page}/procurement-spec/Diff?from=1&to=2");

        Assert.Contains("diff-del", html, StringComparison.Ordinal);
        Assert.Contains("diff-add", html, StringComparison.Ordinal);
        Assert.Contains("文書比較用の新題名", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>太字</b>", html, StringComparison.Ordinal);
        var changesOnly = await officer.GetStringAsync($"{Page}/procurement-spec/Diff?from=1&to=2&changesOnly=true");
        Assert.Contains("文書比較用の新題名", changesOnly, StringComparison.Ordinal);
        Assert.Contains("行（変更なし）", changesOnly, StringComparison.Ordinal);
        Assert.True(changesOnly.Length < html.Length / 2, "the changes-only view should leave most of the document out");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"{Page}/procurement-spec/Diff?from=1&to=9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"{Page}/rfi/Diff?from=1&to=2")).StatusCode);
    }

    [Fact]
    public async Task Legal_staff_read_diff_and_download_but_cannot_generate()
    {
        await TwoVersionsOfTheSpecAsync();
        var legal = await _app.SignInAsync("legal");

        var html = await legal.GetStringAsync(Page);
        Assert.Contains("第2版", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Generate", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Page}\"", await legal.GetStringAsync($"/Cases/{CaseId}"), StringComparison.Ordinal);

        var download = await legal.GetAsync($"{Page}/procurement-spec/1/Download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(DocumentFileNames.DocxContentType, download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("調達仕様書_第1版.docx", download.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Contains("filename*=UTF-8''", download.Content.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
        Assert.Equal(HttpStatusCode.OK, (await legal.GetAsync($"{Page}/procurement-spec/Diff?from=1&to=2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await legal.GetAsync($"{Page}/procurement-spec/7/Download")).StatusCode);

        // The page's form: antiforgery passes, the role does not.
        var refused = await GenerateAsync(legal, "rfi");
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden
            || (refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location!.OriginalString.Contains("/Account/Denied", StringComparison.Ordinal)));
        Assert.Null((await LoadAsync())!.Find("rfi"));
    }

    [Fact]
    public async Task An_outsider_gets_404_on_every_document_route()
    {
        await TwoVersionsOfTheSpecAsync();
        var (_, name) = await _app.CreateOtherGroupWithOfficerAsync();
        var outsider = await _app.SignInAsync(name, TestUsers.Password);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{Page}/procurement-spec/Diff?from=1&to=2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{Page}/procurement-spec/1/Download")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{Page}/procurement-spec/1/Download?format=pdf")).StatusCode);
        // No form on a 404 page to take a token from: take it from the outsider's own home page.
        var post = await outsider.PostFormAsync($"{Page}?handler=Generate", new Dictionary<string, string> { ["templateId"] = "contract" }, formPageUrl: "/");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null((await LoadAsync())!.Find("contract"));
    }

    [Fact]
    public async Task A_template_missing_mandatory_clauses_is_refused_next_to_its_button_in_japanese_and_nothing_is_stored()
    {
        var catalog = DocumentTestSupport.CatalogWith(("bad-spec", "procurement-spec", """
            .title 不完全な仕様書
            {{ article = false; confidant = "受注者"; confidential_scope = "本業務" }}
            # 概要
            {{ include '_shared/clauses/three_layer_security' }}
            """));
        await using var withBadTemplate = _app.WithWebHostBuilder(b => b.UseSetting("Procurement:DocumentTemplates", catalog.Root));
        var officer = withBadTemplate.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync("/Account/SignIn", new() { ["UserName"] = "officer1", ["Password"] = DemoData.Password })).StatusCode);

        var response = await GenerateAsync(officer, "bad-spec");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var row = html[html.IndexOf("id=\"template-bad-spec\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("次の必須条項が含まれていないため、文書を生成できません。", row, StringComparison.Ordinal);
        Assert.Contains("引継ぎ後のデータの復元不可能な消去", row, StringComparison.Ordinal);
        Assert.Null(await LoadAsync());
        await using var session = _app.Store.QuerySession();
        Assert.Equal(0, await session.Query<StoredFile>().CountAsync());
    }

    [Fact]
    public async Task A_document_with_inputs_missing_is_refused_beside_its_button_linking_each_input_and_offering_a_working_draft()
    {
        var officer = await _app.SignInAsync("officer1");

        var response = await officer.PostFormAsync($"{Page}?handler=Generate", new Dictionary<string, string> { ["templateId"] = "procurement-spec" }, formPageUrl: Page);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var row = html[html.IndexOf("id=\"template-procurement-spec\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        // The refusal's first line beside the button (not the lines of the inputs), then each input as a link.
        Assert.Contains("<li>次の事項が入力されていないため、文書を生成できません。入力するか、作業用の案として生成してください。</li>", row, StringComparison.Ordinal);
        Assert.DoesNotContain("<li>・", row, StringComparison.Ordinal);
        Assert.Contains("id=\"missing-procurement-spec\"", row, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/Cases/{CaseId}/", row[row.IndexOf("missing-procurement-spec", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("generate-draft", row, StringComparison.Ordinal);
        Assert.Null(await LoadAsync());
    }

    [Fact]
    public async Task PDF_is_offered_and_served_when_LibreOffice_is_installed_and_refused_with_a_message_when_it_is_not()
    {
        var officer = await _app.SignInAsync("officer1");
        Assert.Equal(HttpStatusCode.Redirect, (await GenerateAsync(officer, "rfi")).StatusCode);
        var pdfUrl = $"{Page}/rfi/1/Download?format=pdf";

        if (new PdfConverter().IsAvailable)
        {
            Assert.Contains(pdfUrl.Replace("&", "&amp;", StringComparison.Ordinal), await officer.GetStringAsync(Page), StringComparison.Ordinal);
            var pdf = await officer.GetAsync(pdfUrl);
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
            Assert.Equal("情報提供依頼書_第1版.pdf", pdf.Content.Headers.ContentDisposition!.FileNameStar);
            Assert.Equal("%PDF"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync())[..4]);
        }

        await using var withoutOffice = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.RemoveAll<PdfConverter>();
            s.AddSingleton(new PdfConverter(sofficePath: "/nonexistent/soffice"));
        }));
        var client = withoutOffice.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Account/SignIn", new() { ["UserName"] = "legal", ["Password"] = DemoData.Password })).StatusCode);
        Assert.DoesNotContain("format=pdf", await client.GetStringAsync(Page), StringComparison.Ordinal);
        // A version never converted: one converted above is kept and would still be served.
        Assert.Equal(HttpStatusCode.Redirect, (await GenerateAsync(officer, "rfq")).StatusCode);
        var refused = await client.GetAsync($"{Page}/rfq/1/Download?format=pdf");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("LibreOffice", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A stand-in for soffice that writes a minimal PDF and counts its runs: the second download of a version is
    /// served from the stored PDF, without running the converter again.
    /// </summary>
    [Fact]
    public async Task A_version_is_converted_to_PDF_once_and_the_stored_PDF_is_served_after_that()
    {
        var (script, Runs) = await FakeSofficeAsync();

        await using var withFake = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.RemoveAll<PdfConverter>();
            s.AddSingleton(new PdfConverter(sofficePath: script));
        }));
        var officer = withFake.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync("/Account/SignIn", new() { ["UserName"] = "officer1", ["Password"] = DemoData.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await GenerateAsync(officer, "qa-list")).StatusCode);
        var pdfUrl = $"{Page}/qa-list/1/Download?format=pdf";

        var first = await officer.GetByteArrayAsync(pdfUrl);
        var runsAfterFirst = Runs();
        var second = await officer.GetByteArrayAsync(pdfUrl);

        Assert.True(runsAfterFirst >= 1);
        Assert.Equal(runsAfterFirst, Runs());
        Assert.Equal(first, second);
        Assert.Equal("%PDF"u8.ToArray(), second[..4]);
        await using var session = _app.Store.QuerySession();
        var version = (await session.LoadAsync<CaseDocumentsView>(CaseId))!.Find("qa-list", 1)!;
        var stored = await session.LoadAsync<StoredPdf>(PdfCopies.KeyFor(version.ContentHash));
        Assert.NotNull(stored);
        Assert.Equal((CaseId, DocumentRenderer.Sha256(first), version.ContentHash), (stored.CaseId, stored.Sha256, stored.SourceSha256));
    }

    /// <summary>
    /// With background conversion on (the app's default), a new version's PDF is made without anyone asking, the page
    /// shows it as ready, and the first download runs no conversion.
    /// </summary>
    [Fact]
    public async Task A_new_version_is_converted_in_the_background_and_the_first_download_does_not_wait()
    {
        var (script, Runs) = await FakeSofficeAsync();

        await using var withFake = _app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Procurement:Pdf:ConvertInBackground", "true");
            b.ConfigureTestServices(s =>
            {
                s.RemoveAll<PdfConverter>();
                s.AddSingleton(new PdfConverter(sofficePath: script));
            });
        });
        var officer = withFake.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync("/Account/SignIn", new() { ["UserName"] = "officer1", ["Password"] = DemoData.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await GenerateAsync(officer, "demo-guide")).StatusCode);

        await using var session = _app.Store.QuerySession();
        var version = (await session.LoadAsync<CaseDocumentsView>(CaseId))!.Find("demo-guide", 1)!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await session.LoadAsync<StoredPdf>(PdfCopies.KeyFor(version.ContentHash)) is null && DateTime.UtcNow < deadline) await Task.Delay(200);

        Assert.Equal(1, Runs());
        var row = (await officer.GetStringAsync(Page)).Split("<tr>").Single(r => r.Contains("/demo-guide/1/Download?format=pdf", StringComparison.Ordinal));
        Assert.DoesNotContain("作成中", row, StringComparison.Ordinal);
        Assert.Equal("%PDF"u8.ToArray(), (await officer.GetByteArrayAsync($"{Page}/demo-guide/1/Download?format=pdf"))[..4]);
        Assert.Equal(1, Runs());
    }

    /// <summary>A stand-in for soffice that writes a minimal PDF and counts its runs.</summary>
    private static async Task<(string Script, Func<int> Runs)> FakeSofficeAsync()
    {
        var dir = Directory.CreateTempSubdirectory("fake-soffice-").FullName;
        var counter = Path.Combine(dir, "runs.txt");
        var script = Path.Combine(dir, "soffice");
        await File.WriteAllTextAsync(script, $$"""
            #!/bin/sh
            out=""; prev=""
            for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
            echo run >> "{{counter}}"
            printf '%%PDF-1.4 fake\n%%%%EOF\n' > "$out/document.pdf"
            """);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return (script, () => File.Exists(counter) ? File.ReadAllLines(counter).Length : 0);
    }
}
