using Procurement.Features.Evaluation;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Evaluation;

[Trait("Lane", "Fast")]
public sealed class EvaluationDemoTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private EvaluationHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await shared.EvaluationAsync();
        await EvaluationDemo.SeedAsync(_h.Store, _h.Clock);
        await EvaluationDemo.SeedAsync(_h.Store, _h.Clock); // second start: nothing added
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task The_demo_case_is_ready_for_declaration_and_scoring_and_reaches_a_ranking()
    {
        var overview = await _h.Query("member1", q => q.GetOverviewAsync(_h.CaseId));
        Assert.True(overview.CriteriaFrozen);
        Assert.Equal(3, overview.Vendors.Count);
        Assert.Equal(["豊丘 一郎", "喬木 由美", "南 信夫（委員長）"], overview.Members.Select(m => m.Name));
        Assert.Null(overview.Prices);

        Assert.Equal([EvaluationDemo.VendorA, EvaluationDemo.VendorB, EvaluationDemo.VendorC], overview.Vendors.Select(v => v.VendorId));
        await _h.ScoreDemoAsync(); // 5段階 A 3, B 4, C 5
        await using (var before = _h.Store.QuerySession())
        {
            Assert.Null(await new EvaluationAward(before).GetAward(_h.CaseId)); // no award while scoring is open
            var gate = new EvaluationRecordsGate(before);
            var member1 = (await _h.UserAsync("member1")).Id;
            Assert.True(await gate.HasDeclared(_h.CaseId, member1));
            Assert.False(await gate.IsConflicted(_h.CaseId, member1, EvaluationDemo.VendorA));
            Assert.False(await gate.IsTechnicalScoringClosed(_h.CaseId));
        }
        await _h.Send("chair", new CloseTechnicalScoring(_h.CaseId));
        await _h.Send("chair", new FinaliseResults(_h.CaseId)); // the chair's explicit 「結果を確定する」

        var result = await _h.Query("officer1", q => q.GetResultAsync(_h.CaseId));

        // technical: 5段階 50 points × grade ÷ 5 + ○ 20 + 10 + 10 → A 30 + 40 = 70, B 40 + 40 = 80, C 50 + 40 = 90
        // price (配分 50): A 50 × (1 − 432 ÷ 480) = 5, B 50 × (1 − 456 ÷ 480) = 2.5, C 50 × (1 − 410 ÷ 480) = 7.291… → 7.29
        Assert.True(result.IsFinal, string.Join(" / ", result.Blockers));
        Assert.Equal(["丙テクノロジー株式会社", "乙情報サービス株式会社", "甲システム株式会社"], result.Ranking.Select(r => r.VendorName));
        Assert.Equal([97.29m, 82.5m, 75m], result.Ranking.Select(r => r.Total));

        // The contract drafts take 乙 and the price from the final result; the proposal gate opens the price envelope.
        await using var session = _h.Store.QuerySession();
        var award = await new EvaluationAward(session).GetAward(_h.CaseId);
        Assert.Equal("丙テクノロジー株式会社", award!.VendorName);
        Assert.Equal(410_000_000, award.ContractPrice);
        Assert.True(await new EvaluationRecordsGate(session).IsTechnicalScoringClosed(_h.CaseId));
    }
}
