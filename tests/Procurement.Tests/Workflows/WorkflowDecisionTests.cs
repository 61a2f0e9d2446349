using System.Globalization;
using Procurement.Features.Cases;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Guards;
using Procurement.Features.Workflows.Runtime;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Events;
using Procurement.Infrastructure.Localization;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Workflows;

/// <summary>
/// The workflow's decisions, Given(events) When(command) Then(events | refusal). A step's guards are checked together,
/// so a refusal carries every unmet one as its own reason, each put into the reader's language when it is shown.
/// </summary>
[Trait("Lane", "Fast")]
public sealed class WorkflowDecisionTests
{
    private static readonly WorkflowDefinition Definition = WorkflowCatalog.Load(WorkflowFolders.Shipped).FindLatest("joint-cloud-procurement")!;
    private static readonly Guid Case = Guid.Parse("5f0e0000-0000-0000-0000-0000000000c1"), Group = Guid.Parse("5f0e0000-0000-0000-0000-0000000000c2");
    private static readonly DateTimeOffset At = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly WorkflowActor Officer = Actor("高森 花子", Roles.Officer);
    private static readonly WorkflowActor Member = Actor("豊丘 一郎", Roles.Committee);
    private static readonly WorkflowStarted AtSetup = new(Case, Group, Definition.Id, Definition.Version, ["organisation-setup"], Officer.Actor, At);
    private static readonly GuardResult NotAgreed = GuardResult.Fail("費用分担の合意が記録されていません。");

    private static WorkflowActor Actor(string name, params string[] roles) =>
        new(new Actor(Guid.NewGuid(), name), new HashSet<string>(roles, StringComparer.Ordinal));

    private static DecisionSpec<CaseWorkflowViewProjection, CaseWorkflowView> Given(params object[] events) =>
        new DecisionSpec<CaseWorkflowViewProjection, CaseWorkflowView>().Given(events);

    private static Dictionary<string, GuardResult> Guards(GuardResult result) => new(StringComparer.Ordinal) { ["cost-share-agreed"] = result };

    [Fact]
    public void Starting_is_for_an_officer_and_only_once()
    {
        var @case = new CaseSummary { Id = Case, GroupId = Group, Title = "試験" };
        Given().When(s => StartWorkflow.Decide(s, @case, Definition, Officer, At))
            .Then(new WorkflowStarted(Case, Group, Definition.Id, Definition.Version, [Definition.Start], Officer.Actor, At));
        Given().When(s => StartWorkflow.Decide(s, @case, Definition, Member, At)).ThenRefused("手続を開始できるのは調達担当です。");
        Given(AtSetup).When(s => StartWorkflow.Decide(s, @case, Definition, Officer, At))
            .ThenRefused("この案件は既に手続「{0}」第{1}版で進行しています。", Definition.Id, Definition.Version);
    }

    [Fact]
    public void Completing_a_step_refuses_with_every_unmet_guard_and_each_is_said_in_the_reader_s_language()
    {
        var step = Definition.Step("organisation-setup");
        var decision = (Decision?)null;
        Given(AtSetup).When(s => decision = CompleteStep.Decide(s!, Definition, new CompleteStepCommand(Case, step.Id), Member, Guards(NotAgreed), At))
            .ThenRefusedWith(
                Reason.Of("「{0}」を担当するロール（{1}）ではありません。", step.Title, new List<Reason> { Reason.Of(Roles.DisplayName(Roles.Officer)) }),
                NotAgreed.Unmet("cost-share-agreed"));

        Assert.Equal($"「{step.Title.Ja}」を担当するロール（{Roles.DisplayName(Roles.Officer)}）ではありません。\n費用分担の合意が記録されていません。",
            decision!.RefusalText(new UiText()));
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            Assert.StartsWith($"You do not have a role that handles \"{step.Title.En}\"", decision.RefusalText(new UiText()), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Completing_a_step_whose_guards_hold_activates_the_next_and_a_step_not_reached_is_refused()
    {
        var decision = CompleteStep.Decide(Given(AtSetup).Current!, Definition, new CompleteStepCommand(Case, "organisation-setup", " 設立済み "), Officer, Guards(GuardResult.Pass), At);
        var completed = Assert.IsType<StepCompleted>(decision.Events[0]);
        Assert.Equal(("organisation-setup", "設立済み", false), (completed.StepId, completed.Note, completed.Skipped));
        Assert.NotEmpty(completed.Activated);

        var later = Definition.Step("procurement-spec");
        Given(AtSetup).When(s => CompleteStep.Decide(s!, Definition, new CompleteStepCommand(Case, later.Id), Officer, new Dictionary<string, GuardResult>(), At))
            .ThenRefusedWith(Reason.Of("「{0}」はまだ開始されていません（前のステップが完了していません）。", later.Title));
        Given(AtSetup).When(s => CompleteStep.Decide(s!, Definition, new CompleteStepCommand(Case, "no-such-step"), Officer, new Dictionary<string, GuardResult>(), At))
            .ThenRefused("ステップ「{0}」はこの手続にありません。", "no-such-step");
    }

    [Fact]
    public void Skipping_a_required_step_needs_an_officer_and_a_reason()
    {
        var step = Definition.Step("organisation-setup");
        Given(AtSetup).When(s => CompleteStep.Decide(s!, Definition, new CompleteStepCommand(Case, step.Id, Skip: true), Member, new Dictionary<string, GuardResult>(), At))
            .ThenRefusedWith(Reason.Of("「{0}」を省略できるのは調達担当です。", step.Title), Reason.Of("「{0}」を省略する理由をメモに入力してください。", step.Title));
    }

    [Fact]
    public void Deadlines_are_set_by_an_officer_on_steps_not_completed_and_the_same_date_again_records_nothing()
    {
        var due = new DateOnly(2026, 5, 1);
        Given(AtSetup).When(s => SetDeadline.Decide(s!, Definition, new SetDeadlineCommand(Case, "organisation-setup", due, " 協議会の日程 "), Officer, At))
            .Then(new StepDeadlineSet(Case, "organisation-setup", due, "協議会の日程", Officer.Actor, At));
        Given(AtSetup, new StepDeadlineSet(Case, "organisation-setup", due, null, Officer.Actor, At))
            .When(s => SetDeadline.Decide(s!, Definition, new SetDeadlineCommand(Case, "organisation-setup", due), Officer, At)).Then();
        Given(AtSetup).When(s => SetDeadline.Decide(s!, Definition, new SetDeadlineCommand(Case, "organisation-setup", due), Member, At))
            .ThenRefused("期限を設定できるのは調達担当です。");
    }

    [Fact]
    public void A_fact_is_recorded_by_the_roles_that_would_know_it()
    {
        Given(AtSetup).When(s => RecordCaseFact.Decide(s!, new RecordCaseFactCommand(Case, CaseFacts.CostShareAgreed), Officer, At))
            .Then(new CaseFactRecorded(Case, CaseFacts.CostShareAgreed, true, null, Officer.Actor, At));
        Given(AtSetup).When(s => RecordCaseFact.Decide(s!, new RecordCaseFactCommand(Case, CaseFacts.CostShareAgreed), Member, At))
            .ThenRefused("「{0}」を記録できるのは{1}です。", Reason.Of(CaseFacts.Titles[CaseFacts.CostShareAgreed]), new List<Reason> { Reason.Of(Roles.DisplayName(Roles.Officer)) });
    }

    [Fact]
    public void A_send_back_goes_only_to_a_completed_earlier_step()
    {
        var completed = EventStreamWriter.Accept(CompleteStep.Decide(Given(AtSetup).Current!, Definition,
            new CompleteStepCommand(Case, "organisation-setup"), Officer, Guards(GuardResult.Pass), At)).ToArray();
        var next = ((StepCompleted)completed[0]).Activated[0];
        var sentBack = SendBack.Decide(Given([AtSetup, .. completed]).Current!, Definition, new SendBackCommand(Case, next, "organisation-setup", " 再協議 "), Officer, At);
        var e = Assert.IsType<CaseSentBack>(Assert.Single(sentBack.Events));
        Assert.Equal((next, "organisation-setup", "再協議"), (e.FromStep, e.ToStep, e.Reason));
        Assert.Contains("organisation-setup", e.Reopened);
        Given([AtSetup, .. completed]).When(s => SendBack.Decide(s!, Definition, new SendBackCommand(Case, next, "organisation-setup", "再協議"), Member, At))
            .ThenRefusedWith(Reason.Of("差戻しができるのは調達担当です。"));
        Given(AtSetup).When(s => SendBack.Decide(s!, Definition, new SendBackCommand(Case, "procurement-spec", "organisation-setup", "再協議"), Officer, At))
            .ThenRefused("「{0}」は進行中ではないため、そこから差し戻せません。", Definition.Step("procurement-spec").Title);
    }

    [Fact]
    public void Migrating_names_the_steps_left_unmapped()
    {
        var older = WorkflowCatalog.Load(WorkflowFolders.Shipped).Find(Definition.Id, 1)!;
        var started = AtSetup with { Version = 1 };
        Given(started).When(s => MigrateCase.Decide(s!, older, Definition, new MigrateCaseCommand(Case, Definition.Version, new Dictionary<string, string>(), "版の更新"), Officer, At))
            .ThenRefused("ステップの対応付けが不足しています。次のステップの移行先を指定してください: {0}",
                new List<Reason> { Reason.Of("{0}（{1}）", "organisation-setup", older.Step("organisation-setup").Title) });
        Given(started).When(s => MigrateCase.Decide(s!, older, Definition, new MigrateCaseCommand(Case, Definition.Version, new Dictionary<string, string>(), "版の更新"), Member, At))
            .ThenRefused("版の移行ができるのは調達担当またはシステム管理者です。");
    }
}
