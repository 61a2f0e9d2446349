using System.Net;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Vendors.VendorTestKit;

namespace Procurement.Tests.Vendors;

/// <summary>The 質問回答 period: the log, late questions, publishing, and the Word list for all vendors.</summary>
public sealed class QandATests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;
    private HttpClient _officer = null!;
    private Guid _vendor;

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        _officer = await _app.SignInAsync("officer1");
        _vendor = await _officer.RegisterVendorAsync("質問する株式会社", "7000012050002");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> LogAsync(string receivedOn, string text) =>
        _officer.PostFormAsync(Url("/QandA?handler=Question"), new Dictionary<string, string>
        {
            ["Question.VendorId"] = _vendor.ToString(), ["Question.ReceivedOn"] = receivedOn, ["Question.Text"] = text,
        }, Url("/QandA"));

    [Fact]
    public async Task Questions_need_a_period_first_and_one_received_after_it_is_recorded_but_flagged()
    {
        var noPeriod = await LogAsync("2026-11-10", "期間前の質問");
        Assert.Contains("先に質問回答期間（公告日と提案期限）を設定してください。", await noPeriod.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await _officer.SetPeriodAsync("2026-11-20T17:00");
        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync("2026-11-20", "最終日の質問")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync("2026-11-21", "期限翌日の質問")).StatusCode);

        var questions = (await _app.ViewAsync()).Questions;
        Assert.False(questions.Single(q => q.Text == "最終日の質問").AfterPeriod);
        Assert.True(questions.Single(q => q.Text == "期限翌日の質問").AfterPeriod);
        Assert.Equal([1, 2], questions.Select(q => q.Number));
        Assert.Contains("期間後の受付", await _officer.GetStringAsync(Url("/QandA")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_without_text_is_refused_next_to_the_field_and_the_deadline_must_follow_the_announcement()
    {
        var badPeriod = await _officer.PostFormAsync(Url("/QandA?handler=Period"), new Dictionary<string, string>
        {
            ["Period.AnnouncedOn"] = "2026-11-10", ["Period.ProposalDeadline"] = "2026-11-09T17:00",
        }, Url("/QandA"));
        Assert.Matches("data-valmsg-for=\"Period.ProposalDeadline\"[^>]*>提案期限は公告日より後にしてください。", await badPeriod.Content.ReadAsStringAsync());

        await _officer.SetPeriodAsync();
        var empty = await LogAsync("2026-11-10", "");
        Assert.Matches("data-valmsg-for=\"Question.Text\"[^>]*>質問内容を入力してください。", await empty.Content.ReadAsStringAsync());
        Assert.Empty((await _app.ViewAsync()).Questions);
    }

    [Fact]
    public async Task The_published_list_is_a_valid_Word_file_without_vendor_names_and_unpublished_questions()
    {
        await _officer.SetPeriodAsync();
        await LogAsync("2026-11-05", "住民記録の移行対象期間は何年分か。");
        await LogAsync("2026-11-06", "まだ回答していない質問。");
        var first = (await _app.ViewAsync()).Questions.Single(q => q.Number == 1);
        var published = await _officer.PostFormAsync(Url("/QandA?handler=Answer"), new Dictionary<string, string>
        {
            ["Answer.QuestionId"] = first.QuestionId.ToString(), ["Answer.Answer"] = "過去10年分とします。",
        }, Url("/QandA"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        // Committee members read the same published list, without who asked.
        var member = await _app.SignInAsync("member1");
        var memberPage = await member.GetStringAsync(Url("/QandA"));
        Assert.Contains("過去10年分とします。", memberPage, StringComparison.Ordinal);
        Assert.DoesNotContain("まだ回答していない質問。", memberPage, StringComparison.Ordinal);
        Assert.DoesNotContain("質問する株式会社", memberPage, StringComparison.Ordinal);

        var response = await member.GetAsync(Url("/QandA?handler=Document"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(QaDocumentTests.ValidationErrors(bytes));
        var text = QaDocumentTests.AllText(bytes);
        Assert.Contains("住民記録の移行対象期間は何年分か。", text, StringComparison.Ordinal);
        Assert.Contains("過去10年分とします。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("まだ回答していない質問。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("質問する", text, StringComparison.Ordinal);
        Assert.DoesNotContain("7000012050002", text, StringComparison.Ordinal);
    }
}
