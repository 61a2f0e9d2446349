using Marten;
using Procurement.Features.Demo;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Guards;
using Procurement.Infrastructure.Validation;

namespace Procurement.Tests.Workflows;

/// <summary>A case walks the whole joint-cloud-procurement workflow against real PostgreSQL.</summary>
[Trait("Lane", "Fast")]
public sealed class JointProcurementFlowTests(SharedWorkflowApp shared) : IClassFixture<SharedWorkflowApp>, IAsyncLifetime
{
    private WorkflowTestHost _host = null!;
    private static readonly Guid Case = DemoData.CaseId;

    public async Task InitializeAsync() => _host = await shared.WorkflowAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<CaseWorkflowView> Complete(string user, string step, string? note = null, string? choice = null, bool skip = false) =>
        _host.As(user).SendAsync(new CompleteStepCommand(Case, step, note, choice, skip));

    private Task<CaseWorkflowView> Fact(string user, string fact) => _host.As(user).SendAsync(new RecordCaseFactCommand(Case, fact));

    private static string[] Active(CaseWorkflowView view) => view.Active.Select(a => a.StepId).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task A_case_goes_from_study_to_the_switch_decision_with_a_parallel_track_and_a_send_back()
    {
        // Version 1: every step by hand, as cases started before steps followed their records still run.
        var view = await _host.As("officer1").SendAsync(new StartWorkflowCommand(Case, "joint-cloud-procurement", Version: 1));
        Assert.Equal(("joint-cloud-procurement", 1), (view.DefinitionId, view.DefinitionVersion));
        Assert.Equal(["study-sessions"], Active(view));

        await Complete("officer1", "study-sessions", "先行事例3団体を視察");
        await Complete("officer2", "joint-framework");
        await Complete("officer1", "internal-briefing");

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Complete("officer1", "organisation-setup"));
        Assert.Contains("費用負担割合が協議会で合意された", refused.Message);
        await Fact("officer1", CaseFacts.CostShareAgreed);
        await Complete("officer1", "organisation-setup");
        await Complete("officer1", "current-system-survey");

        // RFI: the officer sets the answer deadline; completing it starts the RFQ's rule-based one.
        view = await _host.As("officer1").SendAsync(new SetDeadlineCommand(Case, "rfi-issuance", new DateOnly(2026, 5, 15), "回答期限"));
        Assert.Equal(new DateOnly(2026, 5, 15), view.DueFor("rfi-issuance"));
        view = await Complete("officer1", "rfi-issuance");
        Assert.Equal(new DateOnly(2026, 5, 1), view.DueFor("rfq-issuance")); // P1M after 2026-04-01 (JST)
        view = await Complete("officer1", "rfq-issuance", "今回は見積依頼を省略", skip: true);
        Assert.True(view.Completed.Single(c => c.StepId == "rfq-issuance").Skipped);

        await Complete("officer1", "implementation-plan"); // the demo case has target 業務
        await Complete("officer1", "business-inventory");

        // Fork: the specification and the ordinance run in parallel.
        view = await Complete("officer1", "fit-gap");
        Assert.Equal(["ordinance-revision", "procurement-spec"], Active(view));

        await Fact("legal", CaseFacts.OrdinanceAmended);
        view = await Complete("legal", "ordinance-revision");
        Assert.Equal(["procurement-spec"], Active(view)); // the join waits for the other track

        // The finished ordinance track is reopened from the specification page; the specification stays in progress.
        view = await _host.As("officer1").SendAsync(new SendBackCommand(Case, "procurement-spec", "ordinance-revision", "議会で一部修正のうえ可決されたため規則案を見直す"));
        Assert.Equal(["ordinance-revision", "procurement-spec"], Active(view));
        await Complete("legal", "ordinance-revision", "修正後の規則を公布");

        await Fact("legal", CaseFacts.MandatoryClausesChecked);
        await Complete("officer1", "procurement-spec");
        await Complete("officer1", "committee-setup");
        await Fact("officer1", CaseFacts.CriteriaFrozen);
        view = await Complete("chair", "evaluation-criteria");
        Assert.Equal(["public-notice"], Active(view));

        // Send back from the notice to the specification: the spec track reopens, the ordinance stays done.
        var noReason = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
            _host.As("officer1").SendAsync(new SendBackCommand(Case, "public-notice", "procurement-spec", "")));
        Assert.Contains("差戻しの理由を入力してください", noReason.Message);
        var notOfficer = await Assert.ThrowsAsync<Procurement.Infrastructure.Auth.AccessDeniedException>(() =>
            _host.As("legal").SendAsync(new SendBackCommand(Case, "public-notice", "procurement-spec", "条項の不足")));
        Assert.False(notOfficer.NotFound);

        view = await _host.As("officer1").SendAsync(new SendBackCommand(Case, "public-notice", "procurement-spec", "データ移行要件（外字）の記載が不足"));
        Assert.Equal(["procurement-spec"], Active(view));
        Assert.True(view.IsCompleted("ordinance-revision"));
        Assert.False(view.IsCompleted("committee-setup"));
        Assert.Contains(view.History, h => h.Kind == WorkflowHistoryKind.SentBack && h.Detail!.Contains("外字", StringComparison.Ordinal));
        Assert.Contains(view.History, h => h.Kind == WorkflowHistoryKind.Completed && h.StepId == "procurement-spec"); // history keeps both

        await Complete("officer1", "procurement-spec", "外字の移行要件を追記");
        await Complete("officer1", "committee-setup");
        view = await Complete("officer1", "evaluation-criteria");
        Assert.Equal(["public-notice"], Active(view));

        view = await Complete("officer1", "public-notice");
        Assert.Equal(new DateOnly(2026, 4, 15), view.DueFor("questions-answers"));
        Assert.Equal(new DateOnly(2026, 5, 16), view.DueFor("proposal-reception"));
        var questionsOpen = await Assert.ThrowsAsync<DomainRuleException>(() => Complete("officer1", "questions-answers"));
        Assert.Contains("期限日（2026-04-15）より前には完了できません", questionsOpen.Message);
        _host.Clock.Advance(TimeSpan.FromDays(15));
        await Complete("officer1", "questions-answers", "質問12件に回答し公表");

        var early = await Assert.ThrowsAsync<DomainRuleException>(() => Complete("officer1", "proposal-reception"));
        Assert.Contains("期限日（2026-05-16）より前には完了できません", early.Message);
        _host.Clock.Advance(TimeSpan.FromDays(31));
        view = await Complete("officer1", "proposal-reception");
        Assert.Equal(new DateOnly(2026, 6, 17), view.DueFor("evaluation"));

        await Complete("member1", "demonstrations");
        var officerScores = await Assert.ThrowsAsync<DomainRuleException>(() => Complete("officer1", "evaluation"));
        Assert.Contains("選定委員", officerScores.Message);
        await Fact("chair", CaseFacts.CommitteeScoresSubmitted);
        await Complete("chair", "evaluation");
        await Complete("officer1", "award-decision");

        var unsigned = await Assert.ThrowsAsync<DomainRuleException>(() => Complete("legal", "contract-sla"));
        Assert.Contains("記名押印", unsigned.Message);
        await Fact("legal", CaseFacts.ContractSigned);
        await Complete("legal", "contract-sla");

        await Complete("officer1", "system-design");
        await Fact("officer1", CaseFacts.MigrationReconciled);
        await Complete("officer1", "data-migration");
        await Complete("officer1", "testing-training");
        view = await Complete("officer1", "go-live");
        Assert.Equal(["sla-evaluation"], Active(view));
        Assert.NotNull(view.DueFor("sla-evaluation"));
        await Complete("officer1", "sla-evaluation");
        await Complete("officer1", "legal-change-response", skip: true);

        var noChoice = await Assert.ThrowsAsync<DomainRuleException>(() => Complete("officer1", "continuation-decision"));
        Assert.Contains("継続、切替え", noChoice.Message); // the choices, joined with the reader's comma
        view = await Complete("officer1", "continuation-decision", "次期はガバメントクラウド上の標準準拠システムへ", choice: "switch-preparation");
        Assert.Equal(["switch-preparation"], Active(view));
        view = await Complete("officer1", "switch-preparation");

        Assert.True(view.Finished);
        Assert.Empty(view.Active);
        Assert.DoesNotContain(view.Completed, c => c.StepId == "service-continuation");
        Assert.All(view.Completed, c => Assert.NotEqual(Guid.Empty, c.ById));

        await using var session = _host.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(Case);
        Assert.All(events.Select(e => e.Data).OfType<Procurement.Infrastructure.Events.IAuditedEvent>(), e => Assert.False(string.IsNullOrEmpty(e.By.Name)));
        Assert.IsType<Procurement.Features.Cases.CaseOpened>(events[0].Data); // the same stream as the case
    }
}
