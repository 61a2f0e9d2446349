using System.Net;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Procurement.Features.Contracts;
using Procurement.Features.CostSharing;
using Procurement.Features.Demo;
using Procurement.Features.Documents;
using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.Committee;
using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Features.SlaOperation;
using Procurement.Features.Survey;
using Procurement.Features.Users;
using Procurement.Features.Vendors.QandA;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Runtime;
using Procurement.Infrastructure.Auth;
using Procurement.Tests.Contracts;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Workflows;

/// <summary>
/// The workflow follows the work: a case walks through the features alone (survey, cost share, generated documents,
/// the evaluation, the contract review, SLA measurements) without anyone pressing a step's complete button, on the
/// real app and PostgreSQL, and ends on the step after its last record, with the steps nobody recorded flagged.
/// </summary>
public sealed class RecordedWorkWalkTests : IAsyncLifetime
{
    private static readonly Guid Case = DemoData.CaseId;
    private static readonly AsyncLocal<ICurrentUser?> Current = new();
    private AppFactory _app = null!;
    private WebApplicationFactory<Program> _asUser = null!;

    public async Task InitializeAsync()
    {
        _app = await AppFactory.StartAsync(nameof(RecordedWorkWalkTests));
        _asUser = _app.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.RemoveAll<ICurrentUser>();
            s.AddScoped<ICurrentUser>(_ => Current.Value ?? throw new InvalidOperationException("no user"));
        }));
    }

    public async Task DisposeAsync()
    {
        await _asUser.DisposeAsync();
        await _app.DisposeAsync();
    }

    private async Task<T> As<T>(string userName, Func<IMediator, ValueTask<T>> send)
    {
        await using (var session = _app.Store.QuerySession())
        {
            var account = await session.Query<UserAccount>().SingleAsync(u => u.UserName == userName);
            Current.Value = new FixedCurrentUser(account.Id, account.DisplayName, [.. account.Roles]);
        }
        using var scope = _asUser.Services.CreateScope();
        return await send(scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    private Task<GenerateDocumentResult> Generate(string templateId) => As("officer1", m => m.Send(new GenerateDocument(Case, templateId, WorkingDraft: true)));

    private async Task<(CaseWorkflowView View, WorkflowDefinition Definition)> LoadAsync()
    {
        await using var session = _app.Store.QuerySession();
        var view = (await session.LoadAsync<CaseWorkflowView>(Case))!;
        return (view, _app.Services.GetRequiredService<WorkflowCatalog>().For(view));
    }

    private async Task<IReadOnlyList<string>> CurrentAsync()
    {
        var (view, definition) = await LoadAsync();
        return RecordedWork.Current(definition, view);
    }

    [Fact]
    public async Task A_case_walked_through_the_features_alone_ends_on_the_step_after_its_last_record()
    {
        var started = await As("officer1", m => m.Send(new StartWorkflowCommand(Case, "joint-cloud-procurement")));
        Assert.Equal(2, started.DefinitionVersion);

        // Phase1: the survey is recorded before anyone held the Phase0 study sessions in the system.
        await As("officer1", m => m.Send(new RecordCurrentSystemsCommand(Case,
        [
            new(Guid.NewGuid(), "高森町", "jukiki", "総合住民情報システム TK-Navi", "株式会社南信情報サービス", ContractForm.Lease,
                new DateOnly(2021, 4, 1), new DateOnly(2027, 3, 31), 2_400_000, 6_000_000, 2, "LGWAN", "", ""),
        ], "画面入力")));
        var (view, definition) = await LoadAsync();
        var survey = view.Completed.Single(c => c.StepId == "current-system-survey");
        Assert.Equal(("高森 花子", "CurrentSystemsRecorded"), (survey.ByName, survey.Record!.Event));
        Assert.Equal(Case, survey.Record.StreamId);
        Assert.Equal(["rfi-issuance"], RecordedWork.Current(definition, view));
        Assert.Equal(["study-sessions", "joint-framework", "internal-briefing", "organisation-setup"], RecordedWork.LaterWorkExists(definition, view));
        Assert.True(view.IsActive("study-sessions")); // flagged, not silently passed

        await As("officer1", m => m.Send(new RecordCostShareCommand(Case, "費用分担（案）",
            [new(ShareBasis.Equal, 20), new(ShareBasis.Population, 80)], RemainderRule.LargestRemainder, LeavingRule.FullYear,
            [new("高森町", 12_716, 0, null, null), new("松川町", 12_476, 0, null, null)], "高森町", [(2028, 96_000_000)])));
        await Generate("rfi");
        await Generate("rfq");
        await Generate("implementation-plan");
        Assert.Equal(["business-inventory"], await CurrentAsync());

        // Phase2: the specification (refused unless its mandatory clauses are present), the committee, the notice, the Q&A.
        await Generate("procurement-spec");
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock); // chair appointed, criteria set, proposals opened
        await As("officer1", async m => await m.Send(new SetQaPeriodCommand(Case, new DateOnly(2026, 11, 1), new DateTimeOffset(2026, 12, 15, 8, 0, 0, TimeSpan.Zero))));
        await Generate("qa-list");
        (view, definition) = await LoadAsync();
        foreach (var step in new[] { "organisation-setup", "procurement-spec", "committee-setup", "evaluation-criteria", "public-notice", "questions-answers", "proposal-reception" })
        {
            Assert.True(view.IsCompleted(step), step);
        }
        Assert.Equal(["demonstrations"], RecordedWork.Current(definition, view));

        // Scoring closed by the chair, the report written, the contract approved by legal staff.
        var items = EvaluationDemo.Criteria.SelectMany(c => c.Items).ToList();
        var vendors = new[] { EvaluationDemo.VendorA, EvaluationDemo.VendorB, EvaluationDemo.VendorC };
        foreach (var member in new[] { "member1", "member2", "chair" })
        {
            await As(member, m => m.Send(new DeclareConflictOfInterest(Case, [], "")));
            await As(member, m => m.Send(new SaveScoreDraft(Case, vendors.SelectMany((v, vi) => items.Select(i => new ScoreEntry(v, i.Id, i.Scale switch
            {
                ScaleKind.FiveLevel => 3 + vi,
                ScaleKind.FitGap => Marks.Fit,
                ScaleKind.PassFail => Marks.Pass,
                _ => 10,
            }))).ToList())));
            await As(member, m => m.Send(new SubmitScoreSheet(Case)));
        }
        await As("chair", m => m.Send(new CloseTechnicalScoring(Case)));
        await As("chair", m => m.Send(new FinaliseResults(Case)));
        await Generate("evaluation-report");
        var officer = await _app.SignInAsync("officer1");
        var legal = await _app.SignInAsync("legal");
        await _app.SubmitFirstVersionAsync(officer);
        // This walk generates its documents with gaps, so legal approves over the consistency check's findings with a reason.
        Assert.Equal(HttpStatusCode.Redirect, (await _app.ReviewAsync(legal, 1, "Approve", new() { ["Input.ContradictionReason"] = "作業用の案との相違は契約締結前に解消する。" })).StatusCode);

        (view, definition) = await LoadAsync();
        Assert.Equal(["system-design"], RecordedWork.Current(definition, view));
        Assert.Equal("Phase3", definition.Step("system-design").Phase);
        var evaluation = view.Completed.Single(c => c.StepId == "evaluation");
        Assert.Equal(("TechnicalScoringClosed", EvaluationStreams.Evaluation(Case)), (evaluation.Record!.Event, evaluation.Record.StreamId));
        var contract = view.Completed.Single(c => c.StepId == "contract-sla");
        Assert.Equal(("DraftApproved", ContractStreams.DossierId(Case)), (contract.Record!.Event, contract.Record.StreamId));
        await using (var session = _app.Store.QuerySession())
        {
            var reviewer = await session.Query<UserAccount>().SingleAsync(u => u.UserName == "legal");
            Assert.Equal((reviewer.Id, reviewer.DisplayName), (contract.ById, contract.ByName)); // the legal reviewer who approved
        }
        Assert.Equal(["study-sessions", "joint-framework", "internal-briefing", "business-inventory", "fit-gap", "ordinance-revision", "demonstrations"],
            RecordedWork.LaterWorkExists(definition, view));

        // The case page tells the same story: the current step in Phase3 導入・移行, the guide's phase names, the flags.
        var page = await officer.GetStringAsync($"/Cases/{Case}");
        Assert.Contains("Phase2 仕様検討・システム選定", page, StringComparison.Ordinal);
        Assert.DoesNotContain("調達（Phase3）", page, StringComparison.Ordinal);
        var panel = page[page.IndexOf("class=\"data active-steps\"", StringComparison.Ordinal)..page.IndexOf("id=\"open-earlier\"", StringComparison.Ordinal)];
        Assert.Contains("システム設計", panel, StringComparison.Ordinal);
        Assert.Contains("Phase3 導入・移行", panel, StringComparison.Ordinal);
        Assert.DoesNotContain("推進体制の立ち上げ", panel, StringComparison.Ordinal);
        var card = page[page.IndexOf("id=\"card-Phase3\"", StringComparison.Ordinal)..page.IndexOf("id=\"card-Phase4\"", StringComparison.Ordinal)];
        Assert.Contains("現在のフェーズ", card, StringComparison.Ordinal);

        // Phase4: a measured SLA period completes the service level evaluation.
        await using (var session = _app.Store.QuerySession())
        {
            var sla = SlaOperationRules.AgreedSla(await session.LoadAsync<ContractDossier>(ContractStreams.DossierId(Case)))!;
            await As("officer1", m => m.Send(new RecordSlaMeasurementsCommand(Case, new DateOnly(2027, 4, 1), 1,
                sla.Items.Select(i => new ItemMeasurement(SlaEvaluation.KeyOf(i), i.Indicator, "達成", true, "")).ToList(), null)));
        }
        Assert.Equal(["legal-change-response"], await CurrentAsync());

        // Nobody pressed a button: every completion in the case stream carries the record it came from.
        await using (var session = _app.Store.QuerySession())
        {
            var completions = (await session.Events.FetchStreamAsync(Case)).Select(e => e.Data).OfType<StepCompleted>().ToList();
            Assert.Equal(15, completions.Count);
            Assert.All(completions, c => Assert.NotNull(c.Record));
        }
    }
}
