using System.Text.Json.Nodes;
using Procurement.Features.Demo;
using Procurement.Features.Workflows;
using Procurement.Infrastructure.Validation;

namespace Procurement.Tests.Workflows;

/// <summary>Version 2 renames a step and adds one; running cases stay on v1 until an officer migrates them.</summary>
[Trait("Lane", "Fast")]
public sealed class VersionMigrationTests(VersionMigrationTests.App shared) : IClassFixture<VersionMigrationTests.App>, IAsyncLifetime
{
    private WorkflowTestHost _host = null!;
    private static readonly Guid Case = DemoData.CaseId;

    private static string Version2()
    {
        var d = JsonNode.Parse(File.ReadAllText(Path.Combine(WorkflowFolders.Shipped, "join-existing-cloud.v1.json")))!.AsObject();
        d["version"] = 2;
        var steps = d["steps"]!.AsArray();
        var consultation = steps.Single(s => (string?)s!["id"] == "join-consultation")!.AsObject();
        consultation["id"] = "join-application";          // renamed
        consultation["next"] = new JsonArray("security-review");
        d["start"] = "join-application";
        var review = steps.Single(s => (string?)s!["id"] == "current-system-survey")!.DeepClone().AsObject();
        review["id"] = "security-review";                  // new step
        review["title"] = new JsonObject { ["ja"] = "情報セキュリティ確認", ["en"] = "Security review" };
        review["next"] = new JsonArray("current-system-survey");
        steps.Insert(1, review);
        return d.ToJsonString();
    }

    /// <summary>The class's app, on a copy of the shipped workflows plus <see cref="Version2"/> of join-existing-cloud.</summary>
    public sealed class App : SharedWorkflowApp
    {
        protected override string? WorkflowsFolder { get; } = WorkflowFolders.CopyWith(("join-existing-cloud.v2.json", Version2()));
    }

    public async Task InitializeAsync()
    {
        _host = await shared.WorkflowAsync();
        // The case started when only v1 existed.
        await _host.As("officer1").SendAsync(new StartWorkflowCommand(Case, "join-existing-cloud", Version: 1));
        await _host.SendAsync(new CompleteStepCommand(Case, "join-consultation", "準会員として参加"));
        await _host.SendAsync(new CompleteStepCommand(Case, "current-system-survey"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_newer_version_does_not_change_a_running_case()
    {
        var view = await _host.As("officer1").SendAsync(new SetDeadlineCommand(Case, "cost-share-revision", new DateOnly(2026, 7, 1)));

        Assert.Equal(1, view.DefinitionVersion);
        Assert.Equal(["cost-share-revision"], view.Active.Select(a => a.StepId));
    }

    [Fact]
    public async Task An_incomplete_mapping_is_refused_naming_the_unmapped_steps()
    {
        var mapping = new Dictionary<string, string> { ["current-system-survey"] = "current-system-survey" };

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() =>
            _host.As("officer1").SendAsync(new MigrateCaseCommand(Case, 2, mapping, "セキュリティ確認の追加")));

        Assert.Contains("対応付けが不足しています", ex.Message);
        Assert.Contains("join-consultation", ex.Message);
        Assert.Contains("cost-share-revision", ex.Message);
        Assert.Equal(1, (await _host.QueryAsync(new CaseWorkflowQuery(Case)))!.Workflow.DefinitionVersion);
    }

    [Fact]
    public async Task A_complete_mapping_moves_the_case_and_completed_steps_are_never_run_again()
    {
        var mapping = new Dictionary<string, string>
        {
            ["join-consultation"] = "join-application",
            ["current-system-survey"] = "current-system-survey",
            ["cost-share-revision"] = "cost-share-revision",
        };

        var view = await _host.As("officer1").SendAsync(new MigrateCaseCommand(Case, 2, mapping, "情報セキュリティ確認を手続に追加（令和8年度要綱改正）"));

        Assert.Equal(2, view.DefinitionVersion);
        Assert.Equal(["cost-share-revision"], view.Active.Select(a => a.StepId));
        Assert.True(view.IsCompleted("join-application"));
        Assert.Equal("準会員として参加", view.Completed.Single(c => c.StepId == "join-application").Note);
        Assert.False(view.IsCompleted("security-review")); // new, but behind the case: not run
        Assert.Contains(view.History, h => h.Kind == WorkflowHistoryKind.Migrated && h.Detail!.Contains("要綱改正", StringComparison.Ordinal));

        var again = await Assert.ThrowsAsync<DomainRuleException>(() => _host.SendAsync(new CompleteStepCommand(Case, "join-application")));
        Assert.Contains("既に完了しています", again.Message);

        var older = await Assert.ThrowsAsync<DomainRuleException>(() => _host.SendAsync(new MigrateCaseCommand(Case, 1, mapping, "戻す")));
        Assert.Contains("新しい版", older.Message);
    }

    [Fact]
    public async Task Only_officers_and_administrators_migrate_and_administrators_need_not_be_members()
    {
        var mapping = new Dictionary<string, string>
        {
            ["join-consultation"] = "join-application",
            ["current-system-survey"] = "current-system-survey",
            ["cost-share-revision"] = "cost-share-revision",
        };
        var legal = await Assert.ThrowsAsync<Procurement.Infrastructure.Auth.AccessDeniedException>(() => _host.As("legal").SendAsync(new MigrateCaseCommand(Case, 2, mapping, "理由")));
        Assert.False(legal.NotFound);

        var view = await _host.As("admin").SendAsync(new MigrateCaseCommand(Case, 2, mapping, "管理者による一括移行"));
        Assert.Equal(2, view.DefinitionVersion);
    }

    [Fact]
    public async Task A_new_case_starts_on_the_newest_version()
    {
        await using var session = _host.Store.LightweightSession();
        var other = Guid.NewGuid();
        session.Events.StartStream<Procurement.Features.Cases.CaseSummary>(other, new Procurement.Features.Cases.CaseOpened(
            other, DemoData.GroupId, "豊丘村 途中参加", ["jukiki"], Procurement.Features.Cases.CloudForm.SaaS, new DateOnly(2027, 4, 1), 10_000_000,
            Procurement.Infrastructure.Events.Actor.System, _host.Clock.GetUtcNow()));
        await session.SaveChangesAsync();

        var view = await _host.As("officer1").SendAsync(new StartWorkflowCommand(other, "join-existing-cloud"));

        Assert.Equal(2, view.DefinitionVersion);
        Assert.Equal(["join-application"], view.Active.Select(a => a.StepId));
    }
}
