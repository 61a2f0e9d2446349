using System.Net;
using Procurement.Features.Evaluation;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Evaluation.Pages.EvaluationPageFlow;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>
/// A member's score history page: every change of their sheet with who, when and old → new, plus the chair's consensus
/// on items they scored; after the close only, to officers, the chair and the member themself; linked from the results.
/// </summary>
public sealed class ScoreHistoryPageTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;
    private static readonly string A = EvaluationDemo.VendorA.ToString("N");

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string HistoryOf(Guid memberId) => $"{Hub}/Members/{memberId}/History";

    [Fact]
    public async Task The_history_lists_each_change_with_who_when_and_old_and_new_values_including_the_reopening_and_consensus()
    {
        var member1 = await _app.SignInAsync("member1");
        await DeclareNoConflictAsync(member1);
        var memberId = await UserIdAsync(_app, "member1");
        await member1.PostFormAsync($"{Hub}/Sheet?handler=Autosave", new() { [$"Cells[{A}-1-1]"] = "2", ["Version"] = "0" }, $"{Hub}/Sheet");
        await member1.PostFormAsync($"{Hub}/Sheet?handler=Submit", Cells("4", "12"), $"{Hub}/Sheet");
        var chair = await _app.SignInAsync("chair");
        await chair.PostFormAsync($"{Hub}?handler=Reopen", new() { ["Reopen.MemberId"] = memberId.ToString(), ["Reopen.Reason"] = "1-1の根拠を再確認" }, Hub);

        // Before the close the page shows nothing, even to the member themself.
        var early = await member1.GetStringAsync(HistoryOf(memberId));
        Assert.Contains("採点の履歴は技術審査の締切後に表示されます。", early, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"score-history\"", early, StringComparison.Ordinal);

        await SubmitAllAndCloseAsync(_app); // member1 resubmits: vendor C category 1 goes 4 → 1, then the submission
        await chair.PostFormAsync($"{Hub}/Chair?handler=Consensus", new()
        {
            ["Consensus.VendorId"] = EvaluationDemo.VendorA.ToString(), ["Consensus.ItemId"] = "1-1", ["Consensus.Mark"] = "3", ["Consensus.Reason"] = "協議により調整",
        }, $"{Hub}/Chair");

        var officer = await _app.SignInAsync("officer1");
        var html = await officer.GetStringAsync(HistoryOf(memberId));
        Assert.Contains("採点の履歴: 豊丘 一郎", html, StringComparison.Ordinal);
        Assert.Contains("<td>業務機能の網羅性</td>", html, StringComparison.Ordinal);
        Assert.Contains("— → 2", html, StringComparison.Ordinal);        // the autosave
        Assert.Contains("2 → 4", html, StringComparison.Ordinal);        // the submission's draft save
        Assert.Contains("<td class=\"nowrap\">提出</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"nowrap\">差し戻し</td>", html, StringComparison.Ordinal);
        Assert.Contains("1-1の根拠を再確認", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"nowrap\">南 信夫（委員長）</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"nowrap\">合議による評価</td>", html, StringComparison.Ordinal);
        Assert.Contains("協議により調整", html, StringComparison.Ordinal);
        Assert.Contains("令和8年11月26日 10:00", html, StringComparison.Ordinal);

        // Filtered to one vendor (the per-vendor link of the results table).
        var vendorC = await officer.GetStringAsync($"{HistoryOf(memberId)}?vendor={EvaluationDemo.VendorC}");
        Assert.Contains("丙テクノロジー株式会社の変更のみ表示しています。", vendorC, StringComparison.Ordinal);
        Assert.DoesNotContain("甲システム株式会社", vendorC, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_officers_the_chair_and_the_member_themself_may_read_it_and_outsiders_get_404()
    {
        await SubmitAllAndCloseAsync(_app);
        var member1 = await UserIdAsync(_app, "member1");
        var member2 = await UserIdAsync(_app, "member2");

        var self = await _app.SignInAsync("member1");
        Assert.Equal(HttpStatusCode.OK, (await self.GetAsync(HistoryOf(member1))).StatusCode);
        Assert.True(IsDenied(await self.GetAsync(HistoryOf(member2))));
        Assert.Equal(HttpStatusCode.OK, (await (await _app.SignInAsync("chair")).GetAsync(HistoryOf(member2))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await _app.SignInAsync("officer2")).GetAsync(HistoryOf(member2))).StatusCode);
        Assert.True(IsDenied(await (await _app.SignInAsync("legal")).GetAsync(HistoryOf(member2))));

        var (_, outsiderName) = await _app.CreateOtherGroupWithOfficerAsync();
        var outsider = await _app.SignInAsync(outsiderName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(HistoryOf(member1))).StatusCode);
    }

    [Fact]
    public async Task The_results_page_links_each_history_the_reader_may_open()
    {
        await SubmitAllAndCloseAsync(_app);
        var member1 = await UserIdAsync(_app, "member1");
        var member2 = await UserIdAsync(_app, "member2");

        // The per-vendor links sit in that vendor's breakdown, shown when asked.
        var officerResults = await (await _app.SignInAsync("officer1")).GetStringAsync($"{Hub}/Results?vendor={EvaluationDemo.VendorB}");
        Assert.Contains($"href=\"{HistoryOf(member1)}\"", officerResults, StringComparison.Ordinal);
        Assert.Contains($"href=\"{HistoryOf(member2)}\"", officerResults, StringComparison.Ordinal);
        Assert.Contains($"href=\"{HistoryOf(member2)}?vendor={EvaluationDemo.VendorB}\"", officerResults, StringComparison.Ordinal);

        var memberResults = await (await _app.SignInAsync("member1")).GetStringAsync($"{Hub}/Results?vendor={EvaluationDemo.VendorB}");
        Assert.Contains($"href=\"{HistoryOf(member1)}\"", memberResults, StringComparison.Ordinal);
        Assert.DoesNotContain(HistoryOf(member2), memberResults, StringComparison.Ordinal);
    }
}
