using Marten;
using Procurement.Features.Demo;
using Procurement.Features.Groups;
using Procurement.Features.Workflows;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Events;
using Procurement.Infrastructure.Validation;

namespace Procurement.Tests.Workflows;

/// <summary>Who may move a case: roles per step, group membership, and the state a step must be in.</summary>
[Trait("Lane", "Fast")]
public sealed class TransitionRulesTests(SharedWorkflowApp shared) : IClassFixture<SharedWorkflowApp>, IAsyncLifetime
{
    private WorkflowTestHost _host = null!;
    private static readonly Guid Case = DemoData.CaseId;

    public async Task InitializeAsync()
    {
        _host = await shared.WorkflowAsync();
        await _host.As("officer1").SendAsync(new StartWorkflowCommand(Case, "joint-cloud-procurement"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_role_not_listed_on_the_step_is_refused_with_the_roles_that_may_act()
    {
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => _host.As("member1").SendAsync(new CompleteStepCommand(Case, "study-sessions")));

        Assert.Contains("「勉強会・情報収集」を担当するロール（調達担当）ではありません", ex.Message);
    }

    [Fact]
    public async Task A_user_outside_the_case_group_is_refused_as_if_the_case_did_not_exist()
    {
        await using (var session = _host.Store.LightweightSession())
        {
            // officer2 leaves the group: a former member must lose access at once.
            var officer2 = _host.Accounts["officer2"];
            session.Events.Append(DemoData.GroupId, new UserRemovedFromGroup(DemoData.GroupId, officer2.Id, officer2.DisplayName, Actor.System, _host.Clock.GetUtcNow()));
            await session.SaveChangesAsync();
        }

        var outsider = await Assert.ThrowsAsync<AccessDeniedException>(() => _host.As("officer2").SendAsync(new CompleteStepCommand(Case, "study-sessions")));
        var admin = await Assert.ThrowsAsync<AccessDeniedException>(() => _host.As("admin").SendAsync(new CompleteStepCommand(Case, "study-sessions")));
        var unknownCase = await Assert.ThrowsAsync<AccessDeniedException>(() => _host.As("officer1").SendAsync(new CompleteStepCommand(Guid.NewGuid(), "study-sessions")));

        Assert.Equal(unknownCase.Message, outsider.Message);
        Assert.Equal(unknownCase.Message, admin.Message);
    }

    [Fact]
    public async Task A_step_that_is_not_active_cannot_be_completed_or_completed_twice()
    {
        var notYet = await Assert.ThrowsAsync<DomainRuleException>(() => _host.As("officer1").SendAsync(new CompleteStepCommand(Case, "public-notice")));
        Assert.Contains("まだ開始されていません", notYet.Message);

        await _host.As("officer1").SendAsync(new CompleteStepCommand(Case, "study-sessions"));
        var twice = await Assert.ThrowsAsync<DomainRuleException>(() => _host.As("officer1").SendAsync(new CompleteStepCommand(Case, "study-sessions")));
        Assert.Contains("既に完了しています", twice.Message);
    }

    [Fact]
    public async Task A_step_that_does_not_apply_is_skipped_only_by_an_officer_with_a_reason_and_a_workflow_starts_only_once()
    {
        var noReason = await Assert.ThrowsAsync<DomainRuleException>(() => _host.As("officer1").SendAsync(new CompleteStepCommand(Case, "study-sessions", Skip: true)));
        Assert.Contains("「勉強会・情報収集」を省略する理由をメモに入力してください", noReason.Message);
        await using (var session = _host.Store.QuerySession())
        {
            Assert.True((await session.LoadAsync<CaseWorkflowView>(Case))!.IsActive("study-sessions"));
        }

        var view = await _host.As("officer1").SendAsync(new CompleteStepCommand(Case, "study-sessions", "県の勉強会に参加済みのため不要", Skip: true));
        var skipped = view.Completed.Single(c => c.StepId == "study-sessions");
        Assert.True(skipped.Skipped);
        Assert.Equal("県の勉強会に参加済みのため不要", skipped.Note);
        Assert.Equal(["joint-framework"], view.Active.Select(a => a.StepId));

        var again = await Assert.ThrowsAsync<DomainRuleException>(() => _host.As("officer1").SendAsync(new StartWorkflowCommand(Case, "join-existing-cloud")));
        Assert.Contains("既に手続", again.Message);
    }

    [Fact]
    public async Task A_stale_expected_version_is_refused_and_nothing_is_appended()
    {
        await using var session = _host.Store.QuerySession();
        var before = (await session.Events.FetchStreamStateAsync(Case))!.Version;

        await Assert.ThrowsAsync<StaleVersionException>(() =>
            _host.As("officer1").SendAsync(new SetDeadlineCommand(Case, "rfi-issuance", new DateOnly(2026, 6, 1), ExpectedVersion: before - 1)));

        Assert.Equal(before, (await session.Events.FetchStreamStateAsync(Case))!.Version);
    }

    [Fact]
    public async Task Two_simultaneous_completions_cannot_both_win_so_a_join_is_never_missed()
    {
        // Parallel tracks end in a join: if both last steps were decided on the same state, each would see the
        // other track unfinished and the join would never activate. The case stream is locked while a step is
        // decided: the second writer waits for the first and decides on what the first saved.
        await using var first = _host.Store.LightweightSession();
        await using var second = _host.Store.LightweightSession();
        var a = await Procurement.Features.Workflows.Runtime.WorkflowStreams.FetchAsync(first, Case, null, default);
        var loaded = a.CurrentVersion ?? 0;
        var b = Procurement.Features.Workflows.Runtime.WorkflowStreams.FetchAsync(second, Case, null, default);
        await Task.Delay(300);
        Assert.False(b.IsCompleted); // waiting for the first writer's lock
        var at = _host.Clock.GetUtcNow();

        await Procurement.Features.Workflows.Runtime.WorkflowStreams.SaveAsync(first, a,
            [new StepDeadlineSet(Case, "rfi-issuance", new DateOnly(2026, 5, 1), null, Actor.System, at)], default);
        var afterFirst = await b;
        Assert.Equal(loaded + 1, afterFirst.CurrentVersion);
        var saved = await Procurement.Features.Workflows.Runtime.WorkflowStreams.SaveAsync(second, afterFirst,
            [new StepDeadlineSet(Case, "rfi-issuance", new DateOnly(2026, 6, 1), null, Actor.System, at)], default);
        Assert.Equal(new DateOnly(2026, 6, 1), saved.DueFor("rfi-issuance"));
    }

    [Fact]
    public async Task The_version_a_page_gets_is_the_case_stream_version_so_it_can_be_sent_back_as_expected()
    {
        await using (var session = _host.Store.LightweightSession())
        {
            // Another officer edits the case header: not a workflow event, but the same stream.
            session.Events.Append(Case, new Procurement.Features.Cases.CaseDetailsChanged(Case, "改題", ["jukiki"],
                Procurement.Features.Cases.CloudForm.SaaS, new DateOnly(2028, 4, 1), 1, Actor.System, _host.Clock.GetUtcNow()));
            await session.SaveChangesAsync();
        }
        var page = (await _host.As("officer1").QueryAsync(new StepDetailsQuery(Case, "study-sessions")))!;

        var view = await _host.SendAsync(new CompleteStepCommand(Case, "study-sessions", ExpectedVersion: page.Version));

        Assert.True(view.IsCompleted("study-sessions"));
        await Assert.ThrowsAsync<StaleVersionException>(() =>
            _host.SendAsync(new SetDeadlineCommand(Case, "joint-framework", new DateOnly(2026, 5, 1), ExpectedVersion: page.Version)));
    }

    [Fact]
    public async Task Committee_members_and_legal_staff_cannot_set_deadlines()
    {
        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _host.As("legal").SendAsync(new SetDeadlineCommand(Case, "rfi-issuance", new DateOnly(2026, 6, 1))));

        Assert.False(ex.NotFound);
    }
}
