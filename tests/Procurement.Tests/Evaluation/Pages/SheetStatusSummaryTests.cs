using System.Net;
using Marten;
using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Tests.Infrastructure;

using static Procurement.Tests.Evaluation.Pages.EvaluationPageFlow;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>
/// The hub's sheet statuses come from the small status documents the sheet events keep (not from the sheets' cells),
/// and a sheet written before those documents existed still shows its status.
/// </summary>
public sealed class SheetStatusSummaryTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Submitting_draft_saving_and_reopening_keep_the_status_document_and_the_hub_shows_it()
    {
        var member1 = await _app.SignInAsync("member1");
        await DeclareNoConflictAsync(member1);
        var submit = await member1.PostFormAsync($"{Hub}/Sheet?handler=Submit", Cells("4", "12"), $"{Hub}/Sheet");
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var member2 = await _app.SignInAsync("member2");
        await DeclareNoConflictAsync(member2);
        Assert.Equal(HttpStatusCode.Redirect, (await member2.PostFormAsync($"{Hub}/Sheet?handler=Save", Cells("3", "10"), $"{Hub}/Sheet")).StatusCode);

        var m1 = await UserIdAsync(_app, "member1");
        var m2 = await UserIdAsync(_app, "member2");
        await using (var session = _app.Store.QuerySession())
        {
            var statuses = (await session.Query<ScoreSheetStatusView>().Where(s => s.CaseId == Case).ToListAsync()).ToDictionary(s => s.MemberId);
            Assert.Equal(ScoreSheetStatus.Submitted, statuses[m1].Status);
            Assert.NotNull(statuses[m1].SubmittedAt);
            Assert.Equal(ScoreSheetStatus.Draft, statuses[m2].Status);
            Assert.Equal(2, statuses.Count); // the chair has not started: no document, 未着手
        }

        var officer = await _app.SignInAsync("officer1");
        var hub = await officer.GetStringAsync(Hub);
        Assert.Contains("提出済み", hub, StringComparison.Ordinal);
        Assert.Contains("作成中", hub, StringComparison.Ordinal);
        Assert.Contains("未着手", hub, StringComparison.Ordinal);

        var chair = await _app.SignInAsync("chair");
        var reopen = await chair.PostFormAsync($"{Hub}?handler=Reopen", new() { ["Reopen.MemberId"] = m1.ToString(), ["Reopen.Reason"] = "誤記" }, Hub);
        Assert.Equal(HttpStatusCode.Redirect, reopen.StatusCode);
        await using (var session = _app.Store.QuerySession())
        {
            Assert.Equal(ScoreSheetStatus.Draft, (await session.LoadAsync<ScoreSheetStatusView>(EvaluationStreams.ScoreSheet(Case, m1)))!.Status);
        }
        Assert.DoesNotContain("提出済み", await officer.GetStringAsync(Hub), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sheet_without_a_status_document_from_an_earlier_version_shows_its_own_status()
    {
        var member1 = await _app.SignInAsync("member1");
        await DeclareNoConflictAsync(member1);
        Assert.Equal(HttpStatusCode.Redirect, (await member1.PostFormAsync($"{Hub}/Sheet?handler=Submit", Cells("4", "12"), $"{Hub}/Sheet")).StatusCode);
        await using (var session = _app.Store.LightweightSession())
        {
            session.DeleteWhere<ScoreSheetStatusView>(s => s.CaseId == Case);
            await session.SaveChangesAsync();
        }

        var hub = await (await _app.SignInAsync("officer1")).GetStringAsync(Hub);
        Assert.Contains("提出済み", hub, StringComparison.Ordinal);
    }
}
