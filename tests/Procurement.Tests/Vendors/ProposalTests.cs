using System.Net;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Procurement.Features.Demo;
using Procurement.Features.Users;
using Procurement.Features.Vendors;
using Procurement.Features.Vendors.Proposals;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Vendors.VendorTestKit;

namespace Procurement.Tests.Vendors;

/// <summary>Proposal uploads, deadlines, re-confirmation, hash-checked downloads and who may open what.</summary>
public sealed class ProposalTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;
    private HttpClient _officer = null!;
    private Guid _alpha, _beta;

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await _app.CreateOtherGroupWithOfficerAsync();
        _officer = await _app.SignInAsync("officer1");
        _alpha = await _officer.RegisterVendorAsync("アルファ情報株式会社", "7000012050002");
        _beta = await _officer.RegisterVendorAsync("ベータシステムズ株式会社", "1180301018771");
        await _officer.SetPeriodAsync("2026-11-25T17:00");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string, string> BadUploads => new()
    {
        { "提案書.pdf", "exe", "提案書.pdf はPDF・Word（.docx）・Excel（.xlsx）のいずれでもないか、拡張子と中身が一致しません。" },
        { "提案書.docx", "zip", "提案書.docx はPDF・Word（.docx）・Excel（.xlsx）のいずれでもないか、拡張子と中身が一致しません。" },
        { "空.pdf", "empty", "空.pdf は空のファイルです。" },
        { "大きすぎ.pdf", "big", "大きすぎ.pdf は20MBを超えています（1ファイル20MBまで）。" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_bad_file_is_refused_with_a_clear_message_and_nothing_is_stored_not_even_the_good_files_beside_it(string name, string kind, string message)
    {
        var bytes = kind switch
        {
            "exe" => Exe(),
            "zip" => PlainZip(),
            "empty" => [],
            _ => [.. Pdf(), .. new byte[20 * 1024 * 1024]], // default limit 20 MB, this is 20 MB + a small PDF header
        };
        var events = await _app.EventCountAsync();
        var files = await _app.StoredFileCountAsync();

        var response = await _officer.SubmitProposalAsync(_alpha, "2026-11-25T10:00", ("Submit.Files", "技術提案書.docx", Docx()), ("Submit.Files", name, bytes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Submit.Files\"[^>]*>[^<]*" + System.Text.RegularExpressions.Regex.Escape(message), html);
        Assert.Equal(events, await _app.EventCountAsync());
        Assert.Equal(files, await _app.StoredFileCountAsync());
    }

    [Fact]
    public async Task A_late_proposal_is_kept_but_excluded_until_the_officer_records_a_reason()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await _officer.SubmitProposalAsync(_alpha, "2026-11-25T17:00", ("Submit.Files", "提案書.pdf", Pdf()))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _officer.SubmitProposalAsync(_beta, "2026-11-25T17:01", ("Submit.Files", "提案書.pdf", Pdf()))).StatusCode);

        var view = await _app.ViewAsync();
        var onTime = view.CurrentProposals.Single(p => p.VendorId == _alpha);
        var late = view.CurrentProposals.Single(p => p.VendorId == _beta);
        Assert.False(onTime.Late);   // exactly at the deadline is on time
        Assert.True(late.Late);      // one minute after is late
        Assert.True(late.Excluded);
        Assert.Equal([_alpha], (await AdmittedAsync()).Select(p => p.VendorId)); // what the evaluation feature reads
        Assert.Contains("期限後（審査対象外）", await _officer.GetStringAsync(Url("/Proposals")), StringComparison.Ordinal);

        var noReason = await _officer.PostFormAsync(Url("/Proposals?handler=Admit"),
            new Dictionary<string, string> { ["Late.ProposalId"] = late.ProposalId.ToString(), ["Late.Reason"] = "" }, Url("/Proposals"));
        Assert.Contains("受理する理由を入力してください。", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await _app.ViewAsync()).CurrentProposals.Single(p => p.VendorId == _beta).Excluded);

        var admitted = await _officer.PostFormAsync(Url("/Proposals?handler=Admit"),
            new Dictionary<string, string> { ["Late.ProposalId"] = late.ProposalId.ToString(), ["Late.Reason"] = "郵便事業者の配達遅延（消印は期限内）" }, Url("/Proposals"));
        Assert.Equal(HttpStatusCode.Redirect, admitted.StatusCode);
        var after = (await _app.ViewAsync()).CurrentProposals.Single(p => p.VendorId == _beta);
        Assert.False(after.Excluded);
        Assert.Equal("郵便事業者の配達遅延（消印は期限内）", after.LateReason);
        Assert.Equal([_alpha, _beta], (await AdmittedAsync()).Select(p => p.VendorId));
    }

    [Fact]
    public async Task A_condition_changing_answer_asks_vendors_who_already_submitted_to_reconfirm_and_they_can()
    {
        await _officer.SubmitProposalAsync(_alpha, "2026-11-20T09:00", ("Submit.Files", "提案書.pdf", Pdf()));
        await LogAndAnswerAsync("帳票の出力形式はPDFのみでよいか。", "CSV出力も必須とします。", changes: false);
        Assert.False((await _app.ViewAsync()).CurrentProposals.Single().NeedsReconfirmation); // an ordinary answer changes nothing

        await LogAndAnswerAsync("稼働率の基準は。", "99.9%に変更します。", changes: true);
        // Beta submits after the changing answer: it knew the new conditions.
        await _officer.SubmitProposalAsync(_beta, "2026-11-24T09:00", ("Submit.Files", "提案書.pdf", Pdf()));

        var view = await _app.ViewAsync();
        var alpha = view.CurrentProposals.Single(p => p.VendorId == _alpha);
        Assert.True(alpha.NeedsReconfirmation);
        Assert.False(view.CurrentProposals.Single(p => p.VendorId == _beta).NeedsReconfirmation);
        Assert.Contains("要再確認", await _officer.GetStringAsync(Url("/Proposals")), StringComparison.Ordinal);

        var confirmed = await _officer.PostFormAsync(Url("/Proposals?handler=Reconfirm"), new Dictionary<string, string>
        {
            ["Reconfirm.ProposalId"] = alpha.ProposalId.ToString(), ["Reconfirm.ConfirmedOn"] = "2026-11-25", ["Reconfirm.Note"] = "書面で提案内容に変更なしと回答",
        }, Url("/Proposals"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var reconfirmed = (await _app.ViewAsync()).CurrentProposals.Single(p => p.VendorId == _alpha);
        Assert.False(reconfirmed.NeedsReconfirmation);
        Assert.Equal(new DateOnly(2026, 11, 25), reconfirmed.ReconfirmedOn);
    }

    [Fact]
    public async Task A_download_whose_bytes_no_longer_match_the_recorded_hash_is_refused()
    {
        await _officer.SubmitProposalAsync(_alpha, "2026-11-20T09:00", ("Submit.Files", "提案書.pdf", Pdf()));
        var file = (await _app.ViewAsync()).CurrentProposals.Single().Files.Single();
        var ok = await _officer.GetAsync(Url($"/Files/{file.FileId}"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(Pdf(), await ok.Content.ReadAsByteArrayAsync());
        Assert.Equal(file.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf())));

        await using (var connection = new NpgsqlConnection(_app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var tamper = new NpgsqlCommand("update procurement.vendor_files set content = @c where id = @id", connection);
            tamper.Parameters.AddWithValue("c", "%PDF-1.4 tampered!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"u8.ToArray());
            tamper.Parameters.AddWithValue("id", file.FileId);
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        var refused = await _officer.GetAsync(Url($"/Files/{file.FileId}"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("登録時の内容と一致しません", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Committee_members_open_proposals_only_after_declaring_only_for_vendors_without_conflict_and_prices_only_after_technical_close()
    {
        await _officer.SubmitProposalAsync(_alpha, "2026-11-20T09:00", ("Submit.Files", "技術提案書.docx", Docx()), ("Submit.PriceFiles", "価格提案書.xlsx", Xlsx()));
        await _officer.SubmitProposalAsync(_beta, "2026-11-20T10:00", ("Submit.Files", "ベータ提案書.pdf", Pdf()));
        var proposals = (await _app.ViewAsync()).CurrentProposals.ToList();
        var alphaTechnical = proposals.Single(p => p.VendorId == _alpha).Files.Single(f => !f.PriceEnvelope);
        var alphaPrice = proposals.Single(p => p.VendorId == _alpha).Files.Single(f => f.PriceEnvelope);
        var betaFile = proposals.Single(p => p.VendorId == _beta).Files.Single();

        var gate = new FakeEvaluationGate();
        await using var withGate = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<IEvaluationGate>(_ => gate)));
        var member = await SignInAsync(withGate, "member1");
        var memberId = await UserIdAsync("member1");

        // Before the declaration: a message, no files.
        var before = await member.GetStringAsync(Url("/Proposals"));
        Assert.Contains("利益相反の申告を行うまで、提案書は閲覧できません。", before, StringComparison.Ordinal);
        Assert.DoesNotContain("技術提案書.docx", before, StringComparison.Ordinal);
        Assert.True(await IsDeniedAsync(member, alphaTechnical.FileId));

        // Declared, conflicted with Beta: Alpha's technical file only.
        gate.Declared.Add(memberId);
        gate.Conflicts.Add((memberId, _beta));
        var declared = await member.GetStringAsync(Url("/Proposals"));
        Assert.Contains("技術提案書.docx", declared, StringComparison.Ordinal);
        Assert.DoesNotContain("価格提案書.xlsx", declared, StringComparison.Ordinal);
        Assert.Contains("価格提案書1件は技術審査の終了後に開示されます。", declared, StringComparison.Ordinal);
        Assert.DoesNotContain("ベータ", declared, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(Url($"/Files/{alphaTechnical.FileId}"))).StatusCode);
        Assert.True(await IsDeniedAsync(member, alphaPrice.FileId));
        Assert.True(await IsDeniedAsync(member, betaFile.FileId));

        // Technical scoring closed: the price envelope opens.
        gate.TechnicalClosed = true;
        Assert.Contains("価格提案書.xlsx", await member.GetStringAsync(Url("/Proposals")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(Url($"/Files/{alphaPrice.FileId}"))).StatusCode);
        Assert.True(await IsDeniedAsync(member, betaFile.FileId));

        // Legal staff never see proposals; another group sees nothing at all.
        var legal = await SignInAsync(withGate, "legal");
        Assert.Contains("提案書を閲覧できるのは調達担当と選定委員です。", await legal.GetStringAsync(Url("/Proposals")), StringComparison.Ordinal);
        Assert.True(await IsDeniedAsync(legal, alphaTechnical.FileId));
        var outsider = await SignInAsync(withGate, "outsider", TestUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Url($"/Files/{alphaTechnical.FileId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Url("/Proposals"))).StatusCode);
    }

    [Fact]
    public async Task Without_the_evaluation_feature_the_stand_in_gate_shows_committee_members_nothing()
    {
        await _officer.SubmitProposalAsync(_alpha, "2026-11-20T09:00", ("Submit.Files", "提案書.pdf", Pdf()));
        var file = (await _app.ViewAsync()).CurrentProposals.Single().Files.Single();
        var member = await _app.SignInAsync("member2");

        Assert.Contains("利益相反の申告を行うまで", await member.GetStringAsync(Url("/Proposals")), StringComparison.Ordinal);
        Assert.True(await IsDeniedAsync(member, file.FileId));
    }

    private async Task LogAndAnswerAsync(string question, string answer, bool changes)
    {
        var logged = await _officer.PostFormAsync(Url("/QandA?handler=Question"), new Dictionary<string, string>
        {
            ["Question.VendorId"] = _beta.ToString(), ["Question.ReceivedOn"] = "2026-11-10", ["Question.Text"] = question,
        }, Url("/QandA"));
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        var q = (await _app.ViewAsync()).Questions.Single(x => x.Text == question);
        var fields = new Dictionary<string, string> { ["Answer.QuestionId"] = q.QuestionId.ToString(), ["Answer.Answer"] = answer };
        if (changes) fields["Answer.ChangesConditions"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await _officer.PostFormAsync(Url("/QandA?handler=Answer"), fields, Url("/QandA"))).StatusCode);
    }

    private async Task<IReadOnlyList<AdmittedProposal>> AdmittedAsync()
    {
        using var scope = _app.Services.CreateScope();
        var id = await UserIdAsync("officer1");
        scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>().HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext
        {
            User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new(System.Security.Claims.ClaimTypes.NameIdentifier, id.ToString()), new(System.Security.Claims.ClaimTypes.Role, Procurement.Infrastructure.Auth.Roles.Officer)], "test")),
        };
        return await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new GetAdmittedProposals(CaseId));
    }

    private static async Task<bool> IsDeniedAsync(HttpClient client, Guid fileId)
    {
        var response = await client.GetAsync(Url($"/Files/{fileId}"));
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery.StartsWith("/Account/Denied", StringComparison.Ordinal);
    }

    private async Task<Guid> UserIdAsync(string userName)
    {
        await using var session = _app.Store.QuerySession();
        var normalized = UserAccount.Normalize(userName);
        return (await session.Query<UserAccount>().SingleAsync(u => u.NormalizedUserName == normalized)).Id;
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> factory, string userName, string password = DemoData.Password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostFormAsync("/Account/SignIn", new() { ["UserName"] = userName, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
