using System.Net;
using System.Security.Cryptography;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Features.Contracts;
using Procurement.Features.Demo;
using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.Committee;
using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Features.Vendors;
using Procurement.Features.Vendors.Files;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Runtime;
using Procurement.Tests.Contracts;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Demo;

/// <summary>
/// The demo case as the app seeds it in demo mode is one story across features: the vendors the evaluation scores are
/// the vendors registered on the case, with their proposals on file; the workflow stands where those records put it;
/// and once scoring closes, the award (vendor, address, price) is what the contract drafts state.
/// </summary>
public sealed class DemoStoryTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private static readonly Guid CaseId = DemoData.CaseId;
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        // What Program.cs seeds in demo mode, in its order.
        await using (var scope = _app.Services.CreateAsyncScope()) await DemoData.SeedStoryAsync(scope.ServiceProvider);
        await WorkflowDemoData.SeedAsync(_app.Store, _app.Services.GetRequiredService<WorkflowCatalog>(), _app.Clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_vendors_the_evaluation_scores_are_registered_on_the_case_with_their_proposals_on_file()
    {
        await using var session = _app.Store.QuerySession();
        var evaluation = (await session.LoadAsync<EvaluationView>(EvaluationStreams.Evaluation(CaseId)))!;
        var vendors = (await session.LoadAsync<CaseVendors>(CaseId))!;
        Assert.Equal(3, evaluation.Vendors.Count);
        Assert.Equal(evaluation.Vendors.Select(v => (v.VendorId, v.Name)).Order(), vendors.Vendors.Select(v => (v.VendorId, v.CompanyName)).Order());

        await using var scope = _app.Services.CreateAsyncScope();
        var files = scope.ServiceProvider.GetRequiredService<IVendorFileStore>();
        foreach (var vendor in vendors.Vendors)
        {
            Assert.True(vendor.RfiSent && vendor.TookPart);
            Assert.NotNull(vendor.Estimate);
            var proposal = Assert.Single(vendors.CurrentProposals, p => p.VendorId == vendor.VendorId);
            Assert.False(proposal.Late);
            var file = Assert.Single(proposal.Files);
            var bytes = (await files.ReadAsync(file.FileId, default))!;
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        var officer = await _app.SignInAsync("officer1");
        var vendorPage = await officer.GetStringAsync($"/Cases/{CaseId}/Vendors");
        Assert.DoesNotContain("まだ事業者が登録されていません", vendorPage, StringComparison.Ordinal);
        var proposalsPage = await officer.GetStringAsync($"/Cases/{CaseId}/Proposals");
        foreach (var v in evaluation.Vendors)
        {
            Assert.Contains(v.Name, vendorPage, StringComparison.Ordinal);
            Assert.Contains(v.Name, proposalsPage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_workflow_stands_at_the_step_the_records_imply()
    {
        await using var session = _app.Store.QuerySession();
        var view = (await session.LoadAsync<CaseWorkflowView>(CaseId))!;
        var definition = _app.Services.GetRequiredService<WorkflowCatalog>().Get(view.DefinitionId, view.DefinitionVersion);

        // Proposals opened and the committee seated, no score sheet closed: the committee's scoring is where the case is.
        Assert.Equal(["evaluation"], RecordedWork.Current(definition, view));
        Assert.True(view.Completed.Single(c => c.StepId == "demonstrations").Skipped);
        // Planning the demo has no record of yet stays open, flagged as overtaken, never silently passed.
        var flagged = RecordedWork.LaterWorkExists(definition, view);
        Assert.Contains("current-system-survey", flagged);
        Assert.All(flagged, step => Assert.False(view.IsCompleted(step)));
        foreach (var step in new[] { "rfi-issuance", "rfq-issuance", "committee-setup", "public-notice", "proposal-reception" })
        {
            Assert.True(view.Completed.Single(c => c.StepId == step).Record is not null, step);
        }
        Assert.True(view.DueFor("evaluation").HasValue);
    }

    [Fact]
    public async Task Once_scoring_closes_the_award_is_what_the_contract_draft_states()
    {
        var items = EvaluationDemo.Criteria.SelectMany(c => c.Items).ToList();
        foreach (var member in new[] { "member1", "member2", "chair" })
        {
            await using var acting = await ActingUser.StartAsync(_app, member);
            await acting.Send(m => m.Send(new DeclareConflictOfInterest(CaseId, [], "")));
            var entries = new[] { EvaluationDemo.VendorA, EvaluationDemo.VendorB, EvaluationDemo.VendorC }.SelectMany(v => items.Select(i => new ScoreEntry(v, i.Id, i.Scale switch
            {
                ScaleKind.FiveLevel => v == EvaluationDemo.VendorC ? 5 : 3,
                ScaleKind.FitGap => Marks.Fit,
                ScaleKind.PassFail => Marks.Pass,
                _ => 10,
            }))).ToList();
            await acting.Send(m => m.Send(new SaveScoreDraft(CaseId, entries)));
            await acting.Send(m => m.Send(new SubmitScoreSheet(CaseId)));
        }
        await using (var chair = await ActingUser.StartAsync(_app, "chair"))
        {
            await chair.Send(m => m.Send(new CloseTechnicalScoring(CaseId)));
            await chair.Send(m => m.Send(new FinaliseResults(CaseId)));
        }

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var award = (await scope.ServiceProvider.GetRequiredService<IAwardSource>().GetAward(CaseId))!;
            Assert.Equal(("丙テクノロジー株式会社", "長野県飯田市追手町1-1", 410_000_000L), (award.VendorName, award.VendorAddress, award.ContractPrice));
        }

        var officer = await _app.SignInAsync("officer1");
        await _app.SubmitFirstVersionAsync(officer);
        var dossier = (await _app.LoadDossierAsync())!;
        Assert.True(dossier.Versions.Single().Inputs.FromAward);
        await using var session = _app.Store.QuerySession();
        var files = await session.LoadAsync<ContractVersionFiles>(ContractVersionFiles.IdFor(dossier.Id, 1));
        var contract = files!.Documents.Single(d => d.Kind == DraftDocumentKind.Contract).Text;
        Assert.Contains("と丙テクノロジー株式会社（以下「乙」という。）", contract, StringComparison.Ordinal);
        Assert.Contains("金451,000,000円", contract, StringComparison.Ordinal); // the bid plus 10% tax
        Assert.Contains("長野県飯田市追手町1-1", contract, StringComparison.Ordinal);

        var legal = await _app.SignInAsync("legal");
        Assert.Contains("id=\"consistency-clean\"", await legal.GetStringAsync($"/Cases/{CaseId}/Consistency"), StringComparison.Ordinal);
    }
}
