using System.Net;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Features.Cases;
using Procurement.Features.Evaluation;
using Procurement.Features.Vendors;
using Procurement.Features.Workflows.Tasks;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Contracts;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Evaluation.Pages.EvaluationPageFlow;

namespace Procurement.Tests.Workflows.Tasks;

/// <summary>
/// 「自分のタスク」, the home page and the navigation's count, per role: every pending action of the signed-in user across
/// features (declaration, scoring with items left, the chair's close, decisions and finalisation, legal's review,
/// the officer's send-back, questions, proposals and SLA months), the count read from its own read model, and reminders
/// over the same list.
/// </summary>
public sealed partial class TaskListTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Row(string html, string kind)
    {
        var match = Regex.Match(html, $"<tr[^>]*data-task=\"{Regex.Escape(kind)}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no {kind} row");
        return match.Groups[1].Value;
    }

    private static int Rows(string html) => Regex.Count(html, "data-task=\"");

    private static int? NavCount(string html) => NavCountPattern().Match(html) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    [Fact]
    public async Task A_committee_member_is_asked_to_declare_then_to_score_with_the_items_left_on_the_task_list_and_the_home_page()
    {
        var member = await _app.SignInAsync("member1");
        var tasks = await member.GetStringAsync("/Tasks");
        var declare = Row(tasks, "evaluation.declare");
        Assert.Contains($"<a href=\"/Cases/{Case}/Evaluation/Declare\">利害関係を申告する</a>", declare, StringComparison.Ordinal);
        Assert.Contains("採点の前に必要です（評価対象 3社）", declare, StringComparison.Ordinal);
        Assert.DoesNotContain("今対応が必要なタスクはありません。", tasks, StringComparison.Ordinal);
        var home = await member.GetStringAsync("/");
        Assert.Contains($"<a href=\"/Cases/{Case}/Evaluation/Declare\">利害関係を申告する</a>", home, StringComparison.Ordinal);
        Assert.Equal(Rows(tasks), NavCount(tasks));

        await DeclareNoConflictAsync(member);
        tasks = await member.GetStringAsync("/Tasks");
        Assert.DoesNotContain("data-task=\"evaluation.declare\"", tasks, StringComparison.Ordinal);
        Assert.Contains("残り36項目（全36項目）", Row(tasks, "evaluation.score"), StringComparison.Ordinal);

        var a = EvaluationDemo.VendorA.ToString("N");
        var twelve = Cells("4", "12").Where(kv => kv.Key.StartsWith($"Cells[{a}-", StringComparison.Ordinal)).ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync($"{Hub}/Sheet?handler=Save", twelve, $"{Hub}/Sheet")).StatusCode);
        tasks = await member.GetStringAsync("/Tasks");
        Assert.Contains($"<a href=\"/Cases/{Case}/Evaluation/Sheet\">提案を採点する</a>", Row(tasks, "evaluation.score"), StringComparison.Ordinal);
        Assert.Contains("残り24項目（全36項目）", Row(tasks, "evaluation.score"), StringComparison.Ordinal);

        // Officers and legal staff are not asked to score.
        foreach (var other in new[] { "officer1", "legal" })
        {
            Assert.DoesNotContain("data-task=\"evaluation.", await (await _app.SignInAsync(other)).GetStringAsync("/Tasks"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_task_list_reads_in_English_with_the_same_numbers()
    {
        var member = await _app.SignInAsync("member1");
        await DeclareNoConflictAsync(member);
        await member.UseEnglishAsync();
        var row = Row(await member.GetStringAsync("/Tasks"), "evaluation.score");
        Assert.Contains(">Score the proposals</a>", row, StringComparison.Ordinal);
        Assert.Contains("36 of 36 items left", row, StringComparison.Ordinal);
        Assert.DoesNotContain("提案を採点する", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chair_is_asked_to_close_then_to_decide_what_is_left_then_to_finalise()
    {
        var chair = await _app.SignInAsync("chair");
        Assert.DoesNotContain("data-task=\"evaluation.close\"", await chair.GetStringAsync("/Tasks"), StringComparison.Ordinal);
        foreach (var (name, grade) in new[] { ("member1", "4"), ("member2", "3"), ("chair", "5") })
        {
            var member = await _app.SignInAsync(name);
            await DeclareNoConflictAsync(member);
            var cells = Cells(grade, "12", (v, item) => name == "member1" && v == EvaluationDemo.VendorA && item == "2-1" ? "△"
                : v == EvaluationDemo.VendorC && item.StartsWith("1-", StringComparison.Ordinal) ? "1" : null);
            Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync($"{Hub}/Sheet?handler=Submit", cells, $"{Hub}/Sheet")).StatusCode);
        }
        var tasks = await chair.GetStringAsync("/Tasks");
        Assert.Contains("全3名の採点表が提出されました", Row(tasks, "evaluation.close"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-task=\"evaluation.close\"", await (await _app.SignInAsync("member1")).GetStringAsync("/Tasks"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await chair.PostFormAsync($"{Hub}?handler=Close", new() { ["CloseConfirmed"] = "true" }, Hub)).StatusCode);
        var consensus = Row(await chair.GetStringAsync("/Tasks"), "evaluation.consensus");
        Assert.Contains($"<a href=\"/Cases/{Case}/Evaluation/Chair\">合議事項を決定する</a>", consensus, StringComparison.Ordinal);
        Assert.Contains("結果の確定までに残っている事項 1件", consensus, StringComparison.Ordinal);

        await chair.PostFormAsync($"{Hub}/Chair?handler=PartialFit", new()
        {
            ["PartialFit.VendorId"] = EvaluationDemo.VendorA.ToString(), ["PartialFit.ItemId"] = "2-1", ["PartialFit.TreatAsFit"] = "true", ["PartialFit.Reason"] = "代替案で要件を満たす",
        }, $"{Hub}/Chair");
        tasks = await chair.GetStringAsync("/Tasks");
        Assert.Contains("審査結果を確定する", Row(tasks, "evaluation.finalise"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-task=\"evaluation.consensus\"", tasks, StringComparison.Ordinal);

        await FinaliseAsync(_app);
        Assert.DoesNotContain("data-task=\"evaluation.", await chair.GetStringAsync("/Tasks"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Legal_is_asked_to_review_the_version_under_review_and_the_officer_to_fix_a_sent_back_draft()
    {
        var officer = await _app.SignInAsync("officer1");
        var legal = await _app.SignInAsync("legal");
        await _app.SubmitFirstVersionAsync(officer);

        var review = Row(await legal.GetStringAsync("/Tasks"), "contract.review:1");
        Assert.Contains($"<a href=\"/Cases/{Case}/Contract/Versions/1\">契約書類（第1版）を審査する</a>", review, StringComparison.Ordinal);
        Assert.Contains("高森 花子が提出", review, StringComparison.Ordinal);
        Assert.Contains($"/Cases/{Case}/Contract/Versions/1", await legal.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-task=\"contract.", await officer.GetStringAsync("/Tasks"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await _app.ReviewAsync(legal, 1, "SendBack", new() { ["Input.Reason"] = "再委託条項を見直してください。" })).StatusCode);
        Assert.DoesNotContain("data-task=\"contract.review", await legal.GetStringAsync("/Tasks"), StringComparison.Ordinal);
        var fix = Row(await officer.GetStringAsync("/Tasks"), "contract.fix:1");
        Assert.Contains($"<a href=\"/Cases/{Case}/Contract\">差し戻された契約書類（第1版）を修正する</a>", fix, StringComparison.Ordinal);
        Assert.Contains("差戻しの理由: 再委託条項を見直してください。", fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_officer_is_asked_to_answer_open_questions_before_the_deadline_and_to_record_proposals()
    {
        var vendorId = Guid.NewGuid();
        await using (var session = _app.Store.LightweightSession())
        {
            var now = _app.Clock.GetUtcNow();
            session.Events.Append(Case,
                new QaPeriodSet(Case, new DateOnly(2026, 11, 20), new DateTimeOffset(2026, 12, 10, 17, 0, 0, TimeSpan.FromHours(9)), Actor.System, now),
                new VendorAddedToCase(Case, vendorId, "丁ソリューションズ株式会社", "9876543210987", "長野県飯田市1-1", "丁 次郎", "d@example.jp", Actor.System, now),
                new VendorParticipationMarked(Case, vendorId, "丁ソリューションズ株式会社", true, true, Actor.System, now),
                new QuestionLogged(Case, Guid.NewGuid(), 99, vendorId, "丁ソリューションズ株式会社", new DateOnly(2026, 11, 25), "外字の移行方法を教えてください。", false, Actor.System, now));
            await session.SaveChangesAsync();
        }
        var officer = await _app.SignInAsync("officer1");
        var tasks = await officer.GetStringAsync("/Tasks");
        var answer = Row(tasks, "vendors.answer");
        Assert.Contains($"<a href=\"/Cases/{Case}/QandA\">事業者からの質問に回答する</a>", answer, StringComparison.Ordinal);
        Assert.Matches("未回答 \\d+件", answer);
        Assert.Contains("<time datetime=\"2026-12-10\"", answer, StringComparison.Ordinal);
        var proposals = Row(tasks, "vendors.proposals");
        Assert.Contains($"<a href=\"/Cases/{Case}/Proposals\">提案書を記録する</a>", proposals, StringComparison.Ordinal);
        Assert.Matches("未記録 \\d+社", proposals);
        Assert.DoesNotContain("data-task=\"vendors.", await (await _app.SignInAsync("member1")).GetStringAsync("/Tasks"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_go_live_with_an_approved_SLA_the_officer_is_asked_for_last_month_s_measurements()
    {
        var officer = await _app.SignInAsync("officer1");
        var legal = await _app.SignInAsync("legal");
        await _app.SubmitFirstVersionAsync(officer);
        Assert.Equal(HttpStatusCode.Redirect, (await _app.ReviewAsync(legal, 1, "Approve")).StatusCode);
        Assert.DoesNotContain("data-task=\"sla.month\"", await officer.GetStringAsync("/Tasks"), StringComparison.Ordinal); // not live yet

        DateOnly goLive;
        await using (var session = _app.Store.QuerySession())
        {
            goLive = (await session.LoadAsync<CaseSummary>(Case))!.PlannedGoLive;
        }
        var firstMonth = new DateOnly(goLive.Year, goLive.Month, 1);
        _app.Clock.SetUtcNow(new DateTimeOffset(firstMonth.AddMonths(1).AddDays(9).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        officer = await _app.SignInAsync("officer1"); // the earlier sign-in has expired by then
        legal = await _app.SignInAsync("legal");
        var sla = Row(await officer.GetStringAsync("/Tasks"), "sla.month");
        Assert.Contains($"<a href=\"/Cases/{Case}/SlaEvaluation\">", sla, StringComparison.Ordinal);
        Assert.Contains("のSLA測定値を入力する</a>", sla, StringComparison.Ordinal);
        Assert.Matches("測定項目 \\d+件", sla);
        Assert.DoesNotContain("data-task=\"sla.month\"", await legal.GetStringAsync("/Tasks"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_navigation_count_is_read_from_its_read_model_kept_up_to_date_by_the_records()
    {
        var member = await _app.SignInAsync("member1");
        var memberId = await UserIdAsync(_app, "member1");
        async Task<int> StoredAsync()
        {
            await using var session = _app.Store.QuerySession();
            return (await session.Query<TaskCount>().Where(c => c.UserId == memberId).ToListAsync()).Sum(c => c.Count);
        }

        // The evaluation's events recounted the case: the stored count is the list's length.
        var tasks = await member.GetStringAsync("/Tasks");
        Assert.Equal(Rows(tasks), await StoredAsync());
        Assert.Equal(Rows(tasks), NavCount(tasks));

        await DeclareNoConflictAsync(member);
        tasks = await member.GetStringAsync("/Tasks");
        Assert.Equal(Rows(tasks), await StoredAsync());

        // The navigation shows the stored count, not one computed for the page.
        await using (var session = _app.Store.LightweightSession())
        {
            session.Store(new TaskCount { Id = TaskCount.IdFor(Guid.NewGuid(), memberId), UserId = memberId, CaseId = Guid.NewGuid(), Count = 40 });
            await session.SaveChangesAsync();
        }
        tasks = await member.GetStringAsync("/Tasks");
        Assert.Equal(Rows(tasks) + 40, NavCount(tasks));
    }

    [Fact]
    public async Task Reminders_cover_the_features_tasks_once_per_due_date_and_log_without_mail_when_no_server_is_configured()
    {
        await using (var session = _app.Store.LightweightSession())
        {
            var now = _app.Clock.GetUtcNow();
            var vendorId = Guid.NewGuid();
            session.Events.Append(Case,
                new QaPeriodSet(Case, new DateOnly(2026, 11, 20), new DateTimeOffset(2026, 11, 28, 17, 0, 0, TimeSpan.FromHours(9)), Actor.System, now),
                new QuestionLogged(Case, Guid.NewGuid(), 98, vendorId, "丁ソリューションズ株式会社", new DateOnly(2026, 11, 25), "質問", false, Actor.System, now));
            await session.SaveChangesAsync();
        }
        var reminders = _app.Services.GetRequiredService<TaskReminders>();
        var sent = await reminders.RunAsync(daysBefore: 3);
        var officer1 = await UserIdAsync(_app, "officer1");
        var answer = Assert.Single(sent, s => s.UserId == officer1 && s.Kind == "vendors.answer");
        Assert.Equal((new DateOnly(2026, 11, 28), false), (answer.Due, answer.Mailed));

        Assert.Empty(await reminders.RunAsync(daysBefore: 3)); // once per task and due date
    }

    [GeneratedRegex("id=\"task-count\"><span aria-hidden=\"true\"> </span>(\\d+)<")]
    private static partial Regex NavCountPattern();
}
