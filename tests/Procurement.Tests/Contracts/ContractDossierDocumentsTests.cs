using System.Net;
using AngleSharp.Html.Parser;
using Marten;
using Procurement.Features.Contracts;
using Procurement.Features.Contracts.Drafting;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Contracts;

/// <summary>
/// One contract dossier per case: the documents page lists the dossier's 契約書（案）, SLA and 特記事項 (same versions,
/// same files) and links to them, and generates none of those kinds itself.
/// </summary>
public sealed class ContractDossierDocumentsTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private static readonly string DocumentsPage = $"/Cases/{ContractSteps.CaseId}/Documents";
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Version 1 sent back, version 2 resubmitted unchanged with a note: two versions in the dossier.</summary>
    private async Task<HttpClient> TwoVersionsAsync()
    {
        var officer = await _app.SignInAsync("officer1");
        await _app.SubmitFirstVersionAsync(officer);
        var legal = await _app.SignInAsync("legal");
        Assert.Equal(HttpStatusCode.Redirect, (await _app.ReviewAsync(legal, 1, "SendBack", new() { ["Input.Reason"] = "別紙の参照を確認してください。" })).StatusCode);
        var resubmitted = await officer.PostFormAsync($"{ContractSteps.Dossier}?handler=Submit",
            new Dictionary<string, string> { ["Version"] = await _app.VersionAsync(), ["Note"] = "確認しましたが変更は不要でした。" }, formPageUrl: "/");
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        return officer;
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> ParseAsync(HttpClient client, string url) =>
        await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(url));

    [Fact]
    public async Task The_documents_page_and_the_contract_page_show_the_same_versions_and_file_hashes_of_the_contract_draft()
    {
        var officer = await TwoVersionsAsync();
        await using var session = _app.Store.QuerySession();
        var dossierId = ContractStreams.DossierId(ContractSteps.CaseId);
        var stored = new List<(int Version, string Sha256)>();
        foreach (var n in new[] { 2, 1 })
        {
            var files = await session.LoadAsync<ContractVersionFiles>(ContractVersionFiles.IdFor(dossierId, n));
            stored.Add((n, files!.Documents.Single(d => d.Kind == DraftDocumentKind.Contract).Sha256));
        }
        Assert.NotEqual(stored[0].Sha256, stored[1].Sha256); // the 版数 in the header differs

        foreach (var reader in new[] { officer, await _app.SignInAsync("legal") })
        {
            var documents = await ParseAsync(reader, DocumentsPage);
            var listed = documents.QuerySelectorAll("tr.dossier-file[data-kind=contract]")
                .Select(r => (int.Parse(r.GetAttribute("data-version")!, System.Globalization.CultureInfo.InvariantCulture), r.QuerySelector("code.sha256")!.GetAttribute("title")!))
                .ToList();
            Assert.Equal(stored, listed);

            var contractPage = await ParseAsync(reader, ContractSteps.Dossier);
            var shown = contractPage.QuerySelectorAll("tr[id^=version-]")
                .Select(r => (int.Parse(r.Id!["version-".Length..], System.Globalization.CultureInfo.InvariantCulture),
                    r.QuerySelector("code.sha256[data-kind=contract]")!.GetAttribute("title")!))
                .ToList();
            Assert.Equal(stored, shown);

            // Each listed file is the dossier's own download, the same bytes.
            var link = documents.QuerySelector("tr.dossier-file[data-kind=contract][data-version='2'] a")!.GetAttribute("href")!;
            Assert.StartsWith("/Cases/", link, StringComparison.Ordinal);
            var bytes = await reader.GetByteArrayAsync(link);
            Assert.Equal(stored[0].Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        }
    }

    [Fact]
    public async Task The_documents_page_offers_no_generation_of_the_dossier_kinds_and_refuses_one_posted_anyway()
    {
        var officer = await _app.SignInAsync("officer1");
        var page = await ParseAsync(officer, DocumentsPage);
        foreach (var kind in new[] { "contract", "sla", "privacy-clauses" })
        {
            var row = page.QuerySelector($"#template-{kind}")!;
            Assert.Null(row.QuerySelector("form"));
            Assert.Equal(ContractSteps.Dossier, row.QuerySelector("a.dossier-link")!.GetAttribute("href"));
        }
        Assert.NotNull(page.QuerySelector("#template-rfi form"));

        var refused = await officer.PostFormAsync($"{DocumentsPage}?handler=Generate", new Dictionary<string, string> { ["templateId"] = "contract" }, DocumentsPage);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("契約書（案）は「契約書・SLAの草案」のページで作成します。", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var session = _app.Store.QuerySession();
        Assert.Null((await session.LoadAsync<CaseDocumentsView>(ContractSteps.CaseId))?.Find("contract"));
        Assert.Equal(0, await session.Query<StoredFile>().CountAsync());
    }

    [Fact]
    public async Task The_amount_in_the_dossier_history_is_the_amount_the_contract_draft_states()
    {
        var officer = await TwoVersionsAsync();
        await using var session = _app.Store.QuerySession();
        var files = await session.LoadAsync<ContractVersionFiles>(ContractVersionFiles.IdFor(ContractStreams.DossierId(ContractSteps.CaseId), 2));
        var text = files!.Documents.Single(d => d.Kind == DraftDocumentKind.Contract).Text;
        var amount = ContractAmounts.Compute(396_000_000, null, null).Total;
        var stated = JapaneseDates.Yen(amount);
        Assert.Contains($"金{stated}", text, StringComparison.Ordinal);

        var history = (await ParseAsync(officer, ContractSteps.Dossier)).QuerySelector("#history")!.ParentElement!.TextContent;
        Assert.Contains($"契約金額（税込）: {stated}", (await officer.GetStringAsync(ContractSteps.Dossier)), StringComparison.Ordinal);
        Assert.Contains("確認しましたが変更は不要でした。", history, StringComparison.Ordinal);
    }
}
