using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Procurement.Features.Demo;
using Procurement.Infrastructure;
using Procurement.Infrastructure.Database;
using Procurement.Tests.Infrastructure;
using Procurement.Tests.Uploads;
using Procurement.Tests.Vendors;

namespace Procurement.Tests.Security;

/// <summary>What every response carries (security headers, HSTS on HTTPS), what every download carries (no-store), and an upload refused on its page.</summary>
public sealed partial class HttpHardeningTests : IAsyncLifetime
{
    private static readonly Guid CaseId = DemoData.CaseId;
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await AppFactory.StartAsync(nameof(HttpHardeningTests));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", $"{what}: X-Content-Type-Options");
        Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frame) && frame.Single() == "DENY", $"{what}: X-Frame-Options");
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "same-origin", $"{what}: Referrer-Policy");
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp) && csp.Single() == SecurityHeaders.ContentSecurityPolicy, $"{what}: Content-Security-Policy");
    }

    [Fact]
    public async Task Static_files_redirects_error_pages_and_pages_all_carry_the_security_headers()
    {
        var anonymous = _app.Anonymous();
        var officer = await _app.SignInAsync("officer1");

        var responses = new (string What, HttpResponseMessage Response, HttpStatusCode Status)[]
        {
            ("static file", await anonymous.GetAsync("/css/site.css"), HttpStatusCode.OK),
            ("sign-in challenge", await anonymous.GetAsync($"/Cases/{CaseId}"), HttpStatusCode.Redirect),
            ("page", await anonymous.GetAsync("/Account/SignIn"), HttpStatusCode.OK),
            ("not found", await officer.GetAsync("/no-such-page"), HttpStatusCode.NotFound),
            ("page redirect", await officer.PostFormAsync("/Language", new Dictionary<string, string> { ["lang"] = "ja", ["returnUrl"] = "/" }, formPageUrl: "/"), HttpStatusCode.Redirect),
            ("signed-in page", await officer.GetAsync($"/Cases/{CaseId}"), HttpStatusCode.OK),
        };

        foreach (var (what, response, status) in responses)
        {
            Assert.Equal((what, status), (what, response.StatusCode));
            AssertSecurityHeaders(response, what);
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{what}: no HSTS over plain HTTP");
        }
    }

    [Fact]
    public async Task Over_https_every_response_tells_the_browser_to_stay_on_https()
    {
        var https = _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        foreach (var url in new[] { "/css/site.css", "/Account/SignIn", $"/Cases/{CaseId}" })
        {
            var response = await https.GetAsync(url);
            Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts), url);
            Assert.Equal(SecurityHeaders.StrictTransportSecurity, hsts.Single());
            AssertSecurityHeaders(response, url);
        }
    }

    [Fact]
    public async Task Downloads_of_case_material_are_never_stored_by_a_browser_or_proxy()
    {
        var officer = await _app.SignInAsync("officer1");
        var generated = await officer.PostFormAsync($"/Cases/{CaseId}/Documents?handler=Generate", new Dictionary<string, string> { ["templateId"] = "procurement-spec", ["workingDraft"] = "true" },
            formPageUrl: $"/Cases/{CaseId}/Documents");
        Assert.Equal(HttpStatusCode.Redirect, generated.StatusCode);
        var vendor = await officer.RegisterVendorAsync("甲システム株式会社", "7000012050002");
        await officer.SetPeriodAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitProposalAsync(vendor, "2026-11-20T10:00", ("Submit.Files", "提案書.pdf", VendorTestKit.Pdf()))).StatusCode);
        var file = (await _app.ViewAsync()).Proposals.Single().Files.Single();

        foreach (var url in new[]
                 {
                     $"/Cases/{CaseId}/Files/{file.FileId}",                 // proposal (vendor file)
                     $"/Cases/{CaseId}/Documents/procurement-spec/1/Download", // generated Word document
                     $"/Cases/{CaseId}/Survey?handler=Excel",                 // Excel export
                     $"/Cases/{CaseId}/AuditTrail?handler=Csv",               // CSV
                 })
        {
            var response = await officer.GetAsync(url);
            Assert.Equal((url, HttpStatusCode.OK), (url, response.StatusCode));
            Assert.NotNull(response.Content.Headers.ContentDisposition);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{url}: Cache-Control {response.Headers.CacheControl}");
            AssertSecurityHeaders(response, url);
        }
    }

    [Fact]
    public async Task A_zip_bomb_uploaded_as_a_proposal_is_named_on_the_page_and_nothing_is_stored()
    {
        var officer = await _app.SignInAsync("officer2");
        var vendor = await officer.RegisterVendorAsync("乙情報サービス株式会社", "1180301018771");
        await officer.SetPeriodAsync();
        var stored = await _app.StoredFileCountAsync();

        var response = await officer.SubmitProposalAsync(vendor, "2026-11-20T10:00", ("Submit.Files", "技術提案書.docx", CraftedFiles.WithZeros(VendorTestKit.Docx(), 50)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("技術提案書.docx: 圧縮率が100倍を超える部分を含むため、受け付けられません（圧縮爆弾の疑い）。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(stored, await _app.StoredFileCountAsync());
    }

    /// <summary>
    /// Every file the app sends is a page handler's File(...): the global <see cref="NoStoreDownloads"/> filter covers
    /// them all, this list included. A new download fails here until it is added, and nothing may send a body another way.
    /// </summary>
    [Fact]
    public void Every_download_is_a_page_file_result_under_the_no_store_filter()
    {
        string[] expected =
        [
            "AuditTrail/Index.cshtml.cs OnGetCsvAsync",
            "Contracts/Download.cshtml.cs OnGetAsync",
            "CostSharing/Calculate.cshtml.cs OnGetExcelAsync",
            "Documents/Pages/Download.cshtml.cs OnGetAsync",
            "Evaluation/Pages/Demonstrations.cshtml.cs OnGetIcsAsync",
            "Evaluation/Pages/Sheet.cshtml.cs OnGetExportAsync",
            "SlaOperation/Index.cshtml.cs OnGetReportAsync",
            "SlaOperation/Index.cshtml.cs OnGetTemplateAsync",
            "SlaOperation/Index.cshtml.cs OnPostReportAsync",
            "Survey/Index.cshtml.cs OnGetExcelAsync",
            "Vendors/Files/Download.cshtml.cs OnGetAsync",
            "Vendors/QandA/Index.cshtml.cs OnGetDocumentAsync",
        ];
        var root = Path.Combine(RepositoryPaths.FindRoot(AppContext.BaseDirectory)!, "src", "Procurement.Web");
        var sources = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(Path.Combine(root, "Features"), f).Replace('\\', '/'), File.ReadAllText);

        var found = sources
            .SelectMany(s => FileReturn().Matches(s.Value).Select(m => $"{s.Key} {Handler().Matches(s.Value[..m.Index]).Last().Groups[1].Value}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var otherWays = sources.Where(s => OtherWay().IsMatch(s.Value)).Select(s => s.Key).ToList();

        Assert.Equal(expected, found);
        Assert.All(found, f => Assert.EndsWith(".cshtml.cs", f.Split(' ')[0], StringComparison.Ordinal));
        Assert.Empty(otherWays);
        Assert.Contains(_app.Services.GetRequiredService<IOptions<MvcOptions>>().Value.Filters, f => f is NoStoreDownloads);
    }

    [GeneratedRegex(@"\breturn\s+File\(")]
    private static partial Regex FileReturn();

    [GeneratedRegex(@"public\s+async\s+Task<IActionResult>\s+(On\w+)\(")]
    private static partial Regex Handler();

    [GeneratedRegex(@"\b(Results|TypedResults)\.(File|Bytes|Stream)\(|SendFileAsync\(|Response\.Body(Writer)?\b|PhysicalFile\(")]
    private static partial Regex OtherWay();
}
