using System.Net;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Vendors.VendorTestKit;

namespace Procurement.Tests.Vendors;

/// <summary>
/// Two officers working the 質問回答 log at the same time: different questions are independent parts of the case,
/// so none of their saves is refused as "changed by another user", and every question keeps its own number.
/// </summary>
public sealed class QandAConcurrencyTests : IAsyncLifetime
{
    private AppFactory _app = null!;
    private HttpClient _officer1 = null!;
    private HttpClient _officer2 = null!;
    private Guid _vendor;

    public async Task InitializeAsync()
    {
        _app = await AppFactory.StartAsync(nameof(QandAConcurrencyTests));
        _officer1 = await _app.SignInAsync("officer1");
        _officer2 = await _app.SignInAsync("officer2");
        _vendor = await _officer1.RegisterVendorAsync("質問する株式会社", "7000012050002");
        await _officer1.SetPeriodAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpResponseMessage> LogAsync(HttpClient officer, string text) =>
        officer.PostFormAsync(Url("/QandA?handler=Question"), new Dictionary<string, string>
        {
            ["Question.VendorId"] = _vendor.ToString(), ["Question.ReceivedOn"] = "2026-11-10", ["Question.Text"] = text,
        }, Url("/QandA"));

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient officer, Guid questionId, string answer) =>
        officer.PostFormAsync(Url("/QandA?handler=Answer"), new Dictionary<string, string>
        {
            ["Answer.QuestionId"] = questionId.ToString(), ["Answer.Answer"] = answer,
        }, Url("/QandA"));

    private static async Task<string> RefusalAsync(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect ? "" : $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}";

    [Fact]
    public async Task Two_officers_logging_and_answering_different_questions_at_once_are_never_told_the_case_changed()
    {
        const int each = 8;
        var logged = await Task.WhenAll(Enumerable.Range(0, each * 2).Select(i =>
            LogAsync(i % 2 == 0 ? _officer1 : _officer2, $"質問{i:00}")));
        Assert.Equal([], (await Task.WhenAll(logged.Select(RefusalAsync))).Where(r => r.Length > 0));

        var questions = (await _app.ViewAsync()).Questions;
        Assert.Equal(each * 2, questions.Count);
        Assert.Equal(Enumerable.Range(1, each * 2), questions.Select(q => q.Number).Order());

        var answered = await Task.WhenAll(questions.Select((q, i) => AnswerAsync(i % 2 == 0 ? _officer1 : _officer2, q.QuestionId, $"回答{q.Number}")));
        Assert.Equal([], (await Task.WhenAll(answered.Select(RefusalAsync))).Where(r => r.Length > 0));
        Assert.All((await _app.ViewAsync()).Questions, q => Assert.NotNull(q.PublishedAt));
    }

    [Fact]
    public async Task The_same_question_answered_twice_at_once_is_published_once_and_the_second_officer_is_told_why()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(_officer1, "移行データの範囲は。")).StatusCode);
        var question = (await _app.ViewAsync()).Questions.Single();

        var both = await Task.WhenAll(AnswerAsync(_officer1, question.QuestionId, "10年分"), AnswerAsync(_officer2, question.QuestionId, "5年分"));

        Assert.Single(both, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = both.Single(r => r.StatusCode != HttpStatusCode.Redirect);
        Assert.Contains("この質問には既に回答を公開しています。", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull((await _app.ViewAsync()).Questions.Single().PublishedAt);
    }
}
