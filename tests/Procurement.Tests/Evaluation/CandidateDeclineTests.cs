using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Events;
using Procurement.Infrastructure.Localization;
using Procurement.Infrastructure.Validation;

using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Evaluation;

/// <summary>
/// 受注候補者の辞退: when the selected vendor declines (or negotiation fails) the next of the final ranking is selected.
/// The pure decision, then the whole path on the demo case: award, documents, and the end of the ranking.
/// </summary>
[Trait("Lane", "Fast")]
public sealed class CandidateDeclineTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private static readonly Guid Case = Guid.NewGuid(), A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();
    private static readonly Actor Officer = new(Guid.NewGuid(), "高森 花子");
    private static readonly DateTimeOffset At = new(2027, 6, 10, 1, 0, 0, TimeSpan.Zero);
    private EvaluationHarness _h = null!;

    public async Task InitializeAsync() => _h = await shared.EvaluationAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static EvaluationResult Ranking(bool final, params Guid[] order) => new(
        final, final ? [] : ["くじが未実施です"], Aggregation.Average, PriceMethod.Additive, 100m, 50m, null,
        order.Select((id, i) => new RankingEntry(i + 1, id.ToString("N"), Name(id), 100m - i, 80m - i, 20m, null)).ToList(), [], [], [], []);

    private static string Name(Guid id) => id == A ? "甲システム株式会社" : id == B ? "乙情報サービス株式会社" : "丙テクノロジー株式会社";

    private static EvaluationView Closed() => new() { CaseId = Case, TechnicalClosed = true, TechnicalClosedAt = At };

    private static string Refusal(EvaluationView view, EvaluationResult result, Guid vendor) =>
        RecordCandidateDeclinedHandler.Decide(view, result, new RecordCandidateDeclined(Case, vendor, "辞退届の提出"), Officer, At).RefusalText(new UiText());

    [Fact]
    public void Each_decline_moves_the_selection_down_the_ranking_until_nobody_is_left()
    {
        var view = Closed();
        var result = Ranking(true, C, B, A);
        Assert.Equal(C.ToString("N"), view.Candidate(result)!.VendorId);

        foreach (var (declining, next) in new[] { (C, (Guid?)B), (B, A), (A, null) })
        {
            var e = Assert.IsType<CandidateDeclined>(Assert.Single(
                RecordCandidateDeclinedHandler.Decide(view, result, new RecordCandidateDeclined(Case, declining, "  契約交渉が不成立  "), Officer, At).Events));
            Assert.Equal((declining, Name(declining), "契約交渉が不成立", Officer), (e.VendorId, e.VendorName, e.Reason, e.By));
            EvaluationViewProjection.Apply(e, view);
            Assert.Equal(next?.ToString("N"), view.Candidate(result)?.VendorId);
        }

        Assert.Equal("受注候補者となる事業者が残っていません。", Refusal(view, result, A));
        Assert.Equal([C, B, A], view.Declines.Select(d => d.VendorId));
    }

    [Fact]
    public void Only_the_current_candidate_of_a_final_closed_result_can_decline()
    {
        Assert.Equal("辞退を記録できるのは、現在の受注候補者（丙テクノロジー株式会社）だけです。", Refusal(Closed(), Ranking(true, C, B, A), B));
        Assert.Equal("審査の結果が確定していないため、辞退を記録できません。", Refusal(Closed(), Ranking(false, C, B, A), C));
        Assert.Equal("受注候補者の辞退の記録は技術審査の締切後に行えます。", Refusal(new EvaluationView { CaseId = Case }, Ranking(true, C, B, A), C));
        Assert.Null(Closed().Candidate(Ranking(false, C, B, A)));
    }

    [Fact]
    public async Task On_the_demo_case_the_award_and_the_report_follow_the_decline_and_a_member_cannot_record_one()
    {
        await EvaluationDemo.SeedAsync(_h.Store, _h.Clock);
        await _h.ScoreDemoAsync();
        await _h.Send("chair", new CloseTechnicalScoring(_h.CaseId));
        await _h.Send("chair", new FinaliseResults(_h.CaseId));
        await using (var session = _h.Store.QuerySession())
        {
            Assert.Equal("丙テクノロジー株式会社", (await new EvaluationAward(session).GetAward(_h.CaseId))!.VendorName);
        }

        await Assert.ThrowsAsync<AccessDeniedException>(() => _h.Send("member1", new RecordCandidateDeclined(_h.CaseId, EvaluationDemo.VendorC, "辞退")));
        _h.Clock.Advance(TimeSpan.FromDays(14));
        await _h.Send("officer1", new RecordCandidateDeclined(_h.CaseId, EvaluationDemo.VendorC, "契約締結前に辞退届が提出された。"));

        await using (var session = _h.Store.QuerySession())
        {
            var award = (await new EvaluationAward(session).GetAward(_h.CaseId))!;
            Assert.Equal(("乙情報サービス株式会社", 456_000_000L, new DateOnly(2026, 12, 10)), (award.VendorName, award.ContractPrice, award.DecidedOn));
            var view = await EvaluationGate.LoadAsync(session, _h.CaseId, default);
            var sheets = await Marten.QueryableExtensions.ToListAsync(session.Query<ScoreSheetView>().Where(s => s.CaseId == _h.CaseId));
            var info = EvaluationDocumentSource.Evaluation(view, ScoringEngine.Compute(EvaluationInputs.Build(view, sheets, includePrices: true)))!;
            Assert.Equal("乙情報サービス株式会社", info.Award);
            Assert.Equal("2026-12-10", info.DecidedOn);
            Assert.Equal("第1順位の丙テクノロジー株式会社が辞退したため（交渉不成立を含む。）、次順位の乙情報サービス株式会社を優先交渉権者として選定した。", info.Remarks);
            Assert.Equal(("丙テクノロジー株式会社", "契約締結前に辞退届が提出された。", "2026-12-10"), (info.Declines![0].Vendor, info.Declines[0].Reason, info.Declines[0].On));
        }

        var history = await _h.Query("officer1", q => q.GetEvaluationHistoryAsync(_h.CaseId));
        var line = history[^1];
        Assert.Equal(EvaluationHistoryTexts.CandidateDeclined, line.What.Template);
        Assert.Equal(["丙テクノロジー株式会社", "契約締結前に辞退届が提出された。"], line.What.Args);
        Assert.Equal(new DateTimeOffset(2026, 12, 10, 1, 0, 0, TimeSpan.Zero), line.At);
    }
}
