using System.Net;
using Marten;
using Procurement.Features.Cases;
using Procurement.Features.Demo;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Cases;

/// <summary>
/// The case records its procedure: chosen on the edit page, stored by an event, read by the documents; a case recorded
/// before the choice existed reads as the default.
/// </summary>
public sealed class ProcedureChoiceTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string EditUrl = $"/Cases/{DemoData.CaseId}/Edit";

    [Fact]
    public async Task An_officer_chooses_the_tender_and_the_criteria_document_is_then_named_by_it()
    {
        var officer = await _app.SignInAsync("officer1");
        CaseSummary before;
        await using (var s = _app.Store.QuerySession()) before = (await s.LoadAsync<CaseSummary>(DemoData.CaseId))!;
        Assert.Equal(ProcurementProcedure.PublicProposal, before.Procedure);

        var form = new List<KeyValuePair<string, string>>
        {
            new("Input.Version", before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Title", before.Title),
            new("Input.CloudForm", before.CloudForm.ToString()),
            new("Input.PlannedGoLive", before.PlannedGoLive.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.BudgetCeiling", before.BudgetCeiling.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Procedure", "ComprehensiveTender"),
        };
        form.AddRange(before.TargetBusinesses.Select(b => new KeyValuePair<string, string>("Input.TargetBusinesses", b)));
        var saved = await officer.PostFormAsync(EditUrl, form, EditUrl);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await using (var s = _app.Store.QuerySession())
        {
            Assert.Equal(ProcurementProcedure.ComprehensiveTender, (await s.LoadAsync<CaseSummary>(DemoData.CaseId))!.Procedure);
            var change = (await s.Events.FetchStreamAsync(DemoData.CaseId)).Select(e => e.Data).OfType<CaseDetailsChanged>().Last();
            Assert.Equal(ProcurementProcedure.ComprehensiveTender, change.Procedure);
        }
        var page = await (await officer.GetAsync($"/Cases/{DemoData.CaseId}")).Content.ReadAsStringAsync();
        Assert.Contains("総合評価一般競争入札", page, StringComparison.Ordinal);

        await using var acting = await ActingUser.StartAsync(_app, "officer1", Procurement.Infrastructure.Auth.Roles.Officer);
        var generated = await acting.Send(m => m.Send(new GenerateDocument(DemoData.CaseId, "evaluation-criteria", WorkingDraft: true)));
        await using var q = _app.Store.QuerySession();
        var file = await q.LoadAsync<StoredFile>(generated.FileId);
        var text = DocxText.Extract(file!.Bytes);
        Assert.Contains("落札者決定基準", text, StringComparison.Ordinal);
        Assert.DoesNotContain("評価基準", text.Replace("落札者決定基準", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_opened_before_the_choice_existed_reads_as_the_default()
    {
        var id = Guid.NewGuid();
        await using (var session = _app.Store.LightweightSession())
        {
            var groupId = (await session.LoadAsync<CaseSummary>(DemoData.CaseId))!.GroupId;
            session.Events.StartStream<CaseSummary>(id, new CaseOpened(id, groupId, "旧案件", ["jukiki"], CloudForm.SaaS,
                new DateOnly(2029, 4, 1), 1_000_000, new Actor(Guid.NewGuid(), "旧担当"), DateTimeOffset.UnixEpoch));
            await session.SaveChangesAsync();
        }
        await using var q = _app.Store.QuerySession();
        Assert.Equal(ProcurementProcedures.Default, (await q.LoadAsync<CaseSummary>(id))!.Procedure);
    }
}

/// <summary>The schedule page warns when steps before operation are planned to end after the planned go-live.</summary>
public sealed class ScheduleGoLiveWarningTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_go_live_before_the_planned_steps_is_warned_about_with_the_steps_named()
    {
        await using (var session = _app.Store.LightweightSession())
        {
            var c = (await session.LoadAsync<CaseSummary>(DemoData.CaseId))!;
            session.Events.Append(DemoData.CaseId, new CaseDetailsChanged(c.Id, c.Title, c.TargetBusinesses, c.CloudForm,
                new DateOnly(2026, 1, 5), c.BudgetCeiling, new Actor(Guid.NewGuid(), "試験"), DateTimeOffset.UnixEpoch));
            await session.SaveChangesAsync();
        }
        var officer = await _app.SignInAsync("officer1");
        var started = await officer.PostFormAsync($"/Cases/{DemoData.CaseId}/Workflow/Start",
            new() { ["Definition"] = "joint-cloud-procurement:1" }, $"/Cases/{DemoData.CaseId}");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await (await officer.GetAsync($"/Cases/{DemoData.CaseId}/Schedule")).Content.ReadAsStringAsync());

        Assert.Contains("id=\"past-go-live\"", html, StringComparison.Ordinal);
        Assert.Contains("次のステップの予定が稼働予定日（令和8年", html, StringComparison.Ordinal);
        Assert.Contains("より後に終わります。", html, StringComparison.Ordinal);
    }
}
