using System.IO.Compression;
using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Marten;
using Microsoft.Extensions.Configuration;
using Procurement.Cli;
using Procurement.Features.Contracts;
using Procurement.Features.Contracts.Consistency;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Contracts;

/// <summary>
/// The consistency check over HTTP and the CLI, on documents the app rendered and stored: the demo case's generated
/// 調達仕様書 and submitted drafts agree; contradictions planted in a stored .docx are listed with their clauses on the
/// page legal staff approve from, and approving over them needs a reason that the approval records.
/// </summary>
public sealed class ConsistencyPageTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private static readonly string Page = $"/Cases/{ContractSteps.CaseId}/Consistency";
    private static readonly string Documents = $"/Cases/{ContractSteps.CaseId}/Documents";
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The officer's documents: the 調達仕様書 generated, version 1 of the dossier under review.</summary>
    private async Task<HttpClient> DocumentsOfTheDemoCaseAsync()
    {
        var officer = await _app.SignInAsync("officer1");
        // The contract terms first (they give the contract period the specification states); the demo case has no
        // function list yet, so the specification is a working draft with that gap listed, not a placeholder.
        await _app.SubmitFirstVersionAsync(officer);
        var spec = await officer.PostFormAsync($"{Documents}?handler=Generate", new Dictionary<string, string> { ["templateId"] = "procurement-spec", ["workingDraft"] = "true" }, Documents);
        Assert.Equal(HttpStatusCode.Redirect, spec.StatusCode);
        return officer;
    }

    /// <summary>Rewrites text inside the stored contract draft's document.xml, as a changed template would have rendered it.</summary>
    private async Task PlantInContractAsync(params (string From, string To)[] changes)
    {
        await using var session = _app.Store.LightweightSession();
        var files = (await session.LoadAsync<ContractVersionFiles>(ContractVersionFiles.IdFor(ContractStreams.DossierId(ContractSteps.CaseId), 1)))!;
        var doc = files.Documents.Single(d => d.Kind == DraftDocumentKind.Contract);
        using var stream = new MemoryStream();
        stream.Write(doc.Docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8)) xml = await reader.ReadToEndAsync();
            foreach (var (from, to) in changes)
            {
                Assert.Contains(from, xml, StringComparison.Ordinal);
                xml = xml.Replace(from, to, StringComparison.Ordinal);
            }
            entry.Delete();
            await using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open(), new UTF8Encoding(false));
            await writer.WriteAsync(xml);
        }
        doc.Docx = stream.ToArray();
        session.Store(files);
        await session.SaveChangesAsync();
    }

    private static async Task<(int Code, string Out)> CliAsync(AppFactory app, params string[] args)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Procurement"] = app.ConnectionString }).Build();
        var output = new StringWriter();
        var code = await CliApp.RunAsync(args, config, output, new StringWriter());
        return (code, output.ToString());
    }

    [Fact]
    public async Task The_demo_case_documents_show_no_contradiction_on_the_page_and_in_the_CLI()
    {
        await DocumentsOfTheDemoCaseAsync();
        var legal = await _app.SignInAsync("legal");

        var html = await legal.GetStringAsync(Page);
        var page = await new HtmlParser().ParseDocumentAsync(html);
        Assert.True(page.QuerySelector("#consistency-clean") is not null,
            string.Join("\n", page.QuerySelectorAll("li.contradiction").Select(li => li.TextContent.Replace("\n", " ", StringComparison.Ordinal))));
        Assert.Contains("調達仕様書 第1版", html, StringComparison.Ordinal);
        Assert.Contains("契約書（案） 第1版", html, StringComparison.Ordinal);

        var (code, output) = await CliAsync(_app, "consistency", ContractSteps.CaseId.ToString());
        Assert.Equal(0, code);
        Assert.Contains("矛盾は見つかりませんでした。", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contradiction_planted_in_the_stored_contract_is_listed_with_its_clause_and_approving_over_it_needs_a_recorded_reason()
    {
        await DocumentsOfTheDemoCaseAsync();
        await PlantInContractAsync(("3か月ごとに甲に報告", "1か月ごとに甲に報告"), ("契約終了後6か月間", "契約終了後12か月間"));
        var legal = await _app.SignInAsync("legal");

        var versionPage = await new HtmlParser().ParseDocumentAsync(await legal.GetStringAsync($"{ContractSteps.Dossier}/Versions/1"));
        var topics = versionPage.QuerySelectorAll("li.contradiction").Select(li => li.GetAttribute("data-topic")).ToList();
        Assert.Equal([ConsistencyCheck.ReportCycle, ConsistencyCheck.Cooperation], topics);
        var cooperation = versionPage.QuerySelector($"li.contradiction[data-topic='{ConsistencyCheck.Cooperation}']")!.TextContent;
        Assert.Contains("第20条（次期事業者への協力）", cooperation, StringComparison.Ordinal);
        Assert.Contains("12か月間", cooperation, StringComparison.Ordinal);
        Assert.NotNull(versionPage.QuerySelector("textarea[name='Input.ContradictionReason']"));

        var refused = await _app.ReviewAsync(legal, 1, "Approve");
        Assert.Contains("文書間の矛盾が2件あります。矛盾を承知で承認する場合は、その理由を入力してください。", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DraftStatus.InReview, (await _app.LoadDossierAsync())!.Status);

        var approved = await _app.ReviewAsync(legal, 1, "Approve", new() { ["Input.ContradictionReason"] = "報告周期は別途覚書で定めるため" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        await using (var session = _app.Store.QuerySession())
        {
            var events = await session.Events.FetchStreamAsync(ContractStreams.DossierId(ContractSteps.CaseId));
            var e = Assert.Single(events.Select(x => x.Data).OfType<DraftApproved>());
            Assert.Equal((2, "報告周期は別途覚書で定めるため"), (e.Contradictions, e.ContradictionReason));
        }
        Assert.Contains("文書間の矛盾2件を承知で承認。理由: 報告周期は別途覚書で定めるため", await legal.GetStringAsync(ContractSteps.Dossier), StringComparison.Ordinal);

        var (code, output) = await CliAsync(_app, "consistency", ContractSteps.CaseId.ToString());
        Assert.Equal(1, code);
        Assert.Contains($"■ {ConsistencyCheck.Cooperation}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Committee_members_and_outsiders_cannot_open_the_page()
    {
        var member = await _app.SignInAsync("member1");
        var response = await member.GetAsync(Page);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect);
        var (_, name) = await _app.CreateOtherGroupWithOfficerAsync();
        var outsider = await _app.SignInAsync(name, TestUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Page)).StatusCode);
    }
}
