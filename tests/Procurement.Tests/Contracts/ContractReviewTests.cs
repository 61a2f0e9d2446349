using System.IO.Compression;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Features.Contracts;
using Procurement.Features.Documents.Rendering;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Contracts.ContractSteps;

namespace Procurement.Tests.Contracts;

public sealed class ContractReviewTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Approval_freezes_a_version_and_a_later_edit_starts_the_next_one()
    {
        var officer = await _app.SignInAsync("officer1");
        var legal = await _app.SignInAsync("legal");
        await _app.SubmitFirstVersionAsync(officer);

        // Under review nothing changes: the officer's edit is refused and stores nothing.
        var during = await _app.SaveTermsAsync(officer, f => f["Input.Price"] = "400,000,000");
        Assert.Contains("審査中の草案は変更できません", await during.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(396_000_000, (await _app.LoadDossierAsync())!.Terms!.Price);

        Assert.Equal(HttpStatusCode.Redirect, (await _app.ReviewAsync(legal, 1, "Approve")).StatusCode);
        var approved = (await _app.LoadDossierAsync())!;
        Assert.Equal(DraftStatus.Approved, approved.Submitted(1)!.Status);
        var frozenHash = approved.Submitted(1)!.Files.Single(f => f.Kind == DraftDocumentKind.Contract).Sha256;

        // A change after approval is version 2; version 1 and its files stay as approved.
        Assert.Equal(HttpStatusCode.Redirect, (await _app.SaveTermsAsync(officer, f => f["Input.Price"] = "385,000,000")).StatusCode);
        var after = (await _app.LoadDossierAsync())!;
        Assert.Equal((2, DraftStatus.Drafting), (after.WorkingVersion, after.Status));
        Assert.Equal(DraftStatus.Approved, after.Submitted(1)!.Status);
        Assert.Equal(frozenHash, after.Submitted(1)!.Files.Single(f => f.Kind == DraftDocumentKind.Contract).Sha256);
        var v1 = await legal.GetByteArrayAsync($"{Dossier}/Download?version=1&kind=contract");
        Assert.Contains("金435,600,000円", WordText(v1), StringComparison.Ordinal);

        // Version 2 goes through review too, and the diff shows exactly the price change.
        Assert.Equal(HttpStatusCode.Redirect, (await _app.SubmitAsync(officer)).StatusCode);
        var diff = await legal.GetStringAsync($"{Dossier}/Diff?from=1&to=2");
        var lines = diff.Split('\n');
        Assert.Single(lines, l => l.Contains("diff-line diff-del", StringComparison.Ordinal) && l.Contains("<span class=\"diff-text\" role=\"cell\">第3条&#x3000;契約金額は、金435,600,000円", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("diff-line diff-add", StringComparison.Ordinal) && l.Contains("<span class=\"diff-text\" role=\"cell\">第3条&#x3000;契約金額は、金423,500,000円", StringComparison.Ordinal));
        // The amounts (price article, fiscal-year rows, monthly payment) and the SLA's revision-history row (第1版 → 第2版):
        // nothing else differs.
        var deleted = lines.Where(l => l.Contains("diff-line diff-del", StringComparison.Ordinal)).ToList();
        Assert.Equal(deleted.Count, lines.Count(l => l.Contains("diff-line diff-add", StringComparison.Ordinal)));
        Assert.All(deleted, l => Assert.True(l.Contains('円') || l.Contains("第1版", StringComparison.Ordinal), l));

        // The changes-only view keeps the same changed lines and folds the unchanged ones into counted gaps.
        var changes = (await legal.GetStringAsync($"{Dossier}/Diff?from=1&to=2&changesOnly=true")).Split('\n');
        Assert.Equal(deleted.Count, changes.Count(l => l.Contains("diff-line diff-del", StringComparison.Ordinal)));
        Assert.Contains(changes, l => l.Contains("diff-gap", StringComparison.Ordinal) && l.Contains("行（変更なし）", StringComparison.Ordinal));
        Assert.True(changes.Count(l => l.Contains("diff-same", StringComparison.Ordinal)) < lines.Count(l => l.Contains("diff-same", StringComparison.Ordinal)) / 4);
    }

    [Fact]
    public async Task A_send_back_with_a_clause_comment_returns_the_draft_to_the_officer_and_the_revision_is_the_next_version()
    {
        var officer = await _app.SignInAsync("officer1");
        var legal = await _app.SignInAsync("legal");
        await _app.SubmitFirstVersionAsync(officer);

        var comment = await _app.ReviewAsync(legal, 1, "Comment", new() { ["Input.ClauseKey"] = "contract:subcontracting_approval", ["Input.Comment"] = "再委託先の一覧を別紙で求めること。<b>太字</b>" });
        Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);
        // Back at the commented clause, where the comment now shows, not at the top of a long page.
        Assert.EndsWith("/Versions/1#clause-contract-subcontracting_approval", comment.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("id=\"clause-contract-subcontracting_approval\"", await legal.GetStringAsync($"{Dossier}/Versions/1"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await _app.ReviewAsync(legal, 1, "SendBack", new() { ["Input.Reason"] = "再委託条項を見直してください。" })).StatusCode);

        var sentBack = (await _app.LoadDossierAsync())!;
        Assert.Equal(DraftStatus.SentBack, sentBack.Status);
        var c = Assert.Single(sentBack.Comments);
        Assert.Equal(("subcontracting_approval", 1), (c.ClauseId, c.Version));
        Assert.Equal("第16条（再委託の制限）", c.ClauseHeading);

        // The officer sees the comment (encoded, not as HTML) under the clause it is about.
        var page = await officer.GetStringAsync($"{Dossier}/Versions/1");
        Assert.Contains("再委託先の一覧を別紙で求めること。&lt;b&gt;太字&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>太字</b>", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await _app.SaveTermsAsync(officer, f => f["Input.SpecialProvisions"] = "再委託先の一覧を別紙とする。")).StatusCode);
        Assert.Equal((2, DraftStatus.Drafting), ((await _app.LoadDossierAsync())!.WorkingVersion, (await _app.LoadDossierAsync())!.Status));
        Assert.Equal(HttpStatusCode.Redirect, (await _app.SubmitAsync(officer)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _app.ReviewAsync(legal, 2, "Approve")).StatusCode);

        var bundle = await legal.GetByteArrayAsync($"{Dossier}/Download?version=2&kind=bundle");
        using var zip = new ZipArchive(new MemoryStream(bundle));
        Assert.Equal(["SLA合意書案_第2版.docx", "個人情報取扱特記事項_第2版.docx", "契約書案_第2版.docx"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var entry in zip.Entries)
        {
            using var s = entry.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            Assert.Empty(DocumentRenderer.Validate(copy.ToArray()));
        }

        // 契約書一式: offered on the dossier page next to the separate files, one valid .docx with the three parts.
        var dossierPage = await legal.GetStringAsync(Dossier);
        Assert.Contains("kind=assembled", dossierPage, StringComparison.Ordinal);
        var assembled = await legal.GetAsync($"{Dossier}/Download?version=2&kind=assembled");
        Assert.Equal(HttpStatusCode.OK, assembled.StatusCode);
        var docx = await assembled.Content.ReadAsByteArrayAsync();
        Assert.Empty(DocumentRenderer.Validate(docx));
        var text = DocxText.Extract(docx);
        Assert.Equal(3, text.Split('\n').Count(l => l.StartsWith("第1条", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Submission_is_refused_with_the_names_of_the_incomplete_clauses_while_the_vendor_and_price_are_undecided()
    {
        var officer = await _app.SignInAsync("officer1");
        await _app.SaveTermsAsync(officer, f => { f["Input.OtsuName"] = ""; f["Input.Price"] = ""; });
        await _app.SaveBoundaryAsync(officer);

        var response = await _app.SubmitAsync(officer);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("必須条項に不足があるため、草案を作成できません。", html, StringComparison.Ordinal);
        Assert.Contains("契約書（案）: 契約当事者（未定の事項があります）", html, StringComparison.Ordinal);
        Assert.Contains("契約書（案）: 契約金額（未定の事項があります）", html, StringComparison.Ordinal);
        Assert.Empty((await _app.LoadDossierAsync())!.Versions);

        // The same refusal in English names the drafts and clauses in English.
        await officer.UseEnglishAsync();
        var english = System.Net.WebUtility.HtmlDecode(await (await _app.SubmitAsync(officer)).Content.ReadAsStringAsync());
        Assert.Contains("Contract (draft): Contract price (some terms are not decided yet)", english, StringComparison.Ordinal);
        Assert.DoesNotContain("未定の事項があります", english, StringComparison.Ordinal);
        await using var session = _app.Store.QuerySession();
        Assert.Empty(await session.Query<ContractVersionFiles>().ToListAsync());
    }

    [Fact]
    public async Task Bad_input_gets_Japanese_messages_next_to_the_fields_and_stores_nothing()
    {
        var officer = await _app.SignInAsync("officer1");
        Assert.Equal(HttpStatusCode.Redirect, (await _app.SaveTermsAsync(officer)).StatusCode);
        var before = (await _app.LoadDossierAsync())!.Version;

        var terms = await _app.SaveTermsAsync(officer, f =>
        {
            f["Input.Price"] = "未定";
            f["Input.PeriodEnd"] = "2026-01-01";
            f["Input.OtsuName"] = "株式会社\u0001テスト";
            f["Input.SpecialProvisions"] = new string('長', 4001);
            f["Input.Deliverables"] = "";
        });
        var html = await terms.Content.ReadAsStringAsync();
        Assert.Contains("契約金額は1円以上1兆円以下の整数（円）で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("契約期間の終了日は開始日より後にしてください。", html, StringComparison.Ordinal);
        Assert.Contains("乙の名称に使用できない制御文字が含まれています。", html, StringComparison.Ordinal);
        Assert.Contains("特約事項は4000文字以内で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("成果物を1行以上入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"未定\"", html, StringComparison.Ordinal);

        var items = await _app.SaveSlaStepAsync(officer, 1, "next",
        [
            new("Input.Items[0].Category", "Availability"), new("Input.Items[0].Indicator", ""), new("Input.Items[0].Target", "99.9%"),
            new("Input.Items[0].Measurement", new string('測', 301)), new("Input.Items[0].Formula", "<script>alert(1)</script>"),
            new("Input.Items[1].Category", ""), new("Input.Items[1].Indicator", "応答"), new("Input.Items[1].Target", "3秒"),
            new("Input.Items[1].Measurement", "計測"), new("Input.Items[1].Formula", "x"),
        ]);
        var slaHtml = await items.Content.ReadAsStringAsync();
        Assert.Contains("data-valmsg-for=\"Input.Items[0].Indicator\" data-valmsg-replace=\"true\">指標を入力してください。", slaHtml, StringComparison.Ordinal);
        Assert.Contains("測定方法は300文字以内で入力してください。", slaHtml, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Input.Items[1].Category\" data-valmsg-replace=\"true\">区分を選択してください。", slaHtml, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", slaHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", slaHtml, StringComparison.Ordinal);

        var penalty = await _app.SaveSlaStepAsync(officer, 2, "next",
            [new("Input.PenaltyKind", "PenaltyPoints"), new("Input.PointsPerMiss", "abc"), new("Input.PointsPerRepeatedMiss", "0"),
             new("Input.ThresholdPoints", "3"), new("Input.FeeReductionPercent", "120"), new("Input.PointExpiryMonths", "12")]);
        var penaltyHtml = await penalty.Content.ReadAsStringAsync();
        Assert.Contains("未達成1項目あたりのポイントは1から100の整数で入力してください。", penaltyHtml, StringComparison.Ordinal);
        Assert.Contains("減額率は0.01から100の数値で入力してください。", penaltyHtml, StringComparison.Ordinal);

        var empty = await _app.SaveBoundaryAsync(officer, "  \n ");
        Assert.Contains("責任分界（団体が自ら調達するもの）を1行以上入力してください。", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var after = (await _app.LoadDossierAsync())!;
        Assert.Equal(before, after.Version);
        Assert.Null(after.Sla);
    }

    [Fact]
    public async Task Of_two_officers_saving_the_same_version_the_second_is_told_and_overwrites_nothing()
    {
        var first = await _app.SignInAsync("officer1");
        var second = await _app.SignInAsync("officer2");
        await _app.SaveTermsAsync(first);
        var seen = await _app.VersionAsync();

        var ok = await _app.SaveTermsAsync(first, f => { f["Input.Version"] = seen; f["Input.Price"] = "300,000,000"; });
        var stale = await _app.SaveTermsAsync(second, f => { f["Input.Version"] = seen; f["Input.Price"] = "200,000,000"; });

        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("他の利用者がこの内容を変更しました", html, StringComparison.Ordinal);
        Assert.Contains("value=\"200,000,000\"", html, StringComparison.Ordinal);
        Assert.Equal(300_000_000, (await _app.LoadDossierAsync())!.Terms!.Price);
    }

    [Fact]
    public async Task The_PDF_is_made_by_LibreOffice_once_and_then_served_from_storage()
    {
        if (!_app.Services.GetRequiredService<PdfConverter>().IsAvailable) return; // PDF is offered only where soffice is installed
        var officer = await _app.SignInAsync("officer1");
        await _app.SubmitFirstVersionAsync(officer);

        var response = await officer.GetAsync($"{Dossier}/Download?version=1&kind=sla&format=pdf");

        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        await using var session = _app.Store.QuerySession();
        var files = await session.LoadAsync<ContractVersionFiles>(ContractVersionFiles.IdFor(ContractStreams.DossierId(CaseId), 1));
        var sla = files!.Documents.Single(d => d.Kind == DraftDocumentKind.Sla);
        // Kept in the one PDF store the documents feature uses too, under the .docx's hash.
        Assert.Equal(bytes, (await session.LoadAsync<Procurement.Features.Documents.StoredPdf>(Procurement.Features.Documents.PdfCopies.KeyFor(sla.Sha256)))!.Bytes);
        Assert.Equal(bytes, await officer.GetByteArrayAsync($"{Dossier}/Download?version=1&kind=sla&format=pdf"));
    }

    private static string WordText(byte[] docx)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return word.MainDocumentPart!.Document!.Body!.InnerText;
    }
}
