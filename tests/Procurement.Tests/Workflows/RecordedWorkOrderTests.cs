using System.Net;
using Marten;
using Procurement.Features.Contracts;
using Procurement.Features.CostSharing;
using Procurement.Features.Demo;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Runtime;
using Procurement.Infrastructure.Validation;
using Procurement.Tests.Contracts;
using Procurement.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Procurement.Tests.Workflows;

/// <summary>
/// Records out of order and records undone: a later step's record completes it and flags the earlier open steps, which
/// an officer then completes or skips with a reason; a record's reversal reopens its step. Real handlers, real PostgreSQL.
/// </summary>
public sealed class RecordedWorkOrderTests : IAsyncLifetime
{
    private static readonly Guid Case = DemoData.CaseId;
    private WorkflowTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await WorkflowTestHost.StartAsync(nameof(RecordedWorkOrderTests));
        await _host.As("officer1").SendAsync(new StartWorkflowCommand(Case, "joint-cloud-procurement"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static RecordCostShareCommand CostShare() => new(Case, "費用分担（案）",
        [new(ShareBasis.Equal, 20), new(ShareBasis.Population, 80)], RemainderRule.LargestRemainder, LeavingRule.FullYear,
        [new("高森町", 12_716, 0, null, null), new("松川町", 12_476, 0, null, null)], "高森町", [(2028, 96_000_000)]);

    private async Task<(CaseWorkflowView View, WorkflowDefinition Definition)> LoadAsync()
    {
        await using var session = _host.Store.QuerySession();
        var view = (await session.LoadAsync<CaseWorkflowView>(Case))!;
        return (view, _host.Services.GetRequiredService<WorkflowCatalog>().For(view));
    }

    [Fact]
    public async Task A_record_for_a_later_step_completes_it_and_flags_the_earlier_open_steps_until_an_officer_resolves_them()
    {
        await _host.As("officer2").SendAsync(CostShare());

        var (view, definition) = await LoadAsync();
        var setup = view.Completed.Single(c => c.StepId == "organisation-setup");
        Assert.Equal((_host.Accounts["officer2"].Id, "CostShareCalculated"), (setup.ById, setup.Record!.Event));
        Assert.Equal(["study-sessions", "joint-framework", "internal-briefing"], RecordedWork.LaterWorkExists(definition, view));
        Assert.Equal(["current-system-survey"], RecordedWork.Current(definition, view));
        Assert.Contains(view.History, h => h.Kind == WorkflowHistoryKind.CompletedByRecord && h.StepId == "organisation-setup");

        // A flagged step that the flow never reached can be completed where it stands, or skipped by an officer with a reason.
        var details = (await _host.As("officer1").QueryAsync(new StepDetailsQuery(Case, "joint-framework")))!;
        Assert.True(details.LaterWorkExists);
        Assert.Equal(StepState.Active, details.State);
        await _host.As("officer1").SendAsync(new CompleteStepCommand(Case, "joint-framework", "下伊那郡4町村で共同検討"));
        var notOfficer = await Assert.ThrowsAsync<DomainRuleException>(() =>
            _host.As("legal").SendAsync(new CompleteStepCommand(Case, "internal-briefing", "不要", Skip: true)));
        Assert.Contains("「庁内説明（首長・CIO・財政・業務所管）」を省略できるのは調達担当です", notOfficer.Message);
        await _host.As("officer1").SendAsync(new CompleteStepCommand(Case, "internal-briefing", "各町村長へは協議会で説明済み", Skip: true));
        await _host.As("officer1").SendAsync(new CompleteStepCommand(Case, "study-sessions"));

        (view, definition) = await LoadAsync();
        Assert.Empty(RecordedWork.LaterWorkExists(definition, view));
        Assert.Equal(["current-system-survey"], RecordedWork.Current(definition, view));
        Assert.Equal("各町村長へは協議会で説明済み", view.Completed.Single(c => c.StepId == "internal-briefing").Note);
        // Completing the flagged steps did not reopen or repeat what the record had completed.
        Assert.Single(view.Completed, c => c.StepId == "organisation-setup");
    }

    [Fact]
    public async Task A_record_the_case_already_had_completes_its_step_when_the_workflow_starts()
    {
        // A second case of the demo group that has its cost share before any workflow.
        var other = await _host.As("officer1").SendAsync(new Procurement.Features.Cases.OpenCaseCommand(
            DemoData.GroupId, "後から手続を始める案件", ["jukiki"], Procurement.Features.Cases.CloudForm.SaaS, new DateOnly(2029, 4, 1), 100_000_000));
        await _host.As("officer1").SendAsync(CostShare() with { CaseId = other });
        var view = await _host.As("officer1").SendAsync(new StartWorkflowCommand(other, "joint-cloud-procurement"));

        Assert.True(view.IsCompleted("organisation-setup"));
        Assert.Equal("CostShareCalculated", view.Completed.Single(c => c.StepId == "organisation-setup").Record!.Event);
        Assert.Contains("current-system-survey", view.Active.Select(a => a.StepId));
    }
}

/// <summary>A reversal reopens the step: a new contract draft after the approval reopens 契約・SLAの締結 and stops what followed.</summary>
public sealed class RecordedWorkReversalTests : IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await AppFactory.StartAsync(nameof(RecordedWorkReversalTests));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<CaseWorkflowView> ViewAsync()
    {
        await using var session = _app.Store.QuerySession();
        return (await session.LoadAsync<CaseWorkflowView>(DemoData.CaseId))!;
    }

    [Fact]
    public async Task A_new_draft_after_the_approval_reopens_the_contract_step_and_the_next_approval_completes_it_again()
    {
        var officer = await _app.SignInAsync("officer1");
        var legal = await _app.SignInAsync("legal");
        var start = await officer.PostFormAsync($"/Cases/{DemoData.CaseId}/Workflow/Start", new() { ["Definition"] = "joint-cloud-procurement:2" }, formPageUrl: $"/Cases/{DemoData.CaseId}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);

        await _app.SubmitFirstVersionAsync(officer);
        Assert.Equal(HttpStatusCode.Redirect, (await _app.ReviewAsync(legal, 1, "Approve")).StatusCode);
        var view = await ViewAsync();
        Assert.True(view.IsCompleted("contract-sla"));
        Assert.True(view.IsActive("system-design"));

        // The officer changes the approved terms: the dossier starts version 2, the approval no longer stands.
        Assert.Equal(HttpStatusCode.Redirect, (await _app.SaveTermsAsync(officer, f => f["Input.InspectionDays"] = "14")).StatusCode);
        view = await ViewAsync();
        Assert.False(view.IsCompleted("contract-sla"));
        Assert.True(view.IsActive("contract-sla"));
        Assert.False(view.IsActive("system-design"));
        var reopened = view.History.Last(h => h.StepId == "contract-sla");
        Assert.Equal((WorkflowHistoryKind.ReopenedByRecord, "DraftVersionStarted"), (reopened.Kind, reopened.Detail));
        var page = await officer.GetStringAsync($"/Cases/{DemoData.CaseId}");
        Assert.Contains("記録「契約書・SLA草案の改訂」により「契約・SLAの締結」を再開しました。", page, StringComparison.Ordinal);

        var submitted = await _app.SubmitAsync(officer);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _app.ReviewAsync(legal, 2, "Approve")).StatusCode);
        view = await ViewAsync();
        Assert.True(view.IsCompleted("contract-sla"));
        Assert.True(view.IsActive("system-design"));
    }
}
