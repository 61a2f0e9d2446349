using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.Committee;
using Procurement.Features.Evaluation.Consensus;
using Procurement.Features.Evaluation.Criteria;
using Procurement.Features.Evaluation.Prices;
using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Validation;
using static Procurement.Tests.Evaluation.EvaluationHarness;

using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Evaluation;

/// <summary>The evaluation use cases against real PostgreSQL, each test on a database of its own.</summary>
[Trait("Lane", "Fast")]
public sealed class EvaluationWorkflowTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private EvaluationHarness _h = null!;

    public async Task InitializeAsync() => _h = await shared.EvaluationAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task<long> Score(string member, Guid vendor, decimal grade, decimal points) =>
        _h.Send(member, new SaveScoreDraft(_h.CaseId, [new ScoreEntry(vendor, "1-1", grade), new ScoreEntry(vendor, "1-2", points)]));

    /// <summary>member1 and chair score both vendors; member2 declared a conflict with B and scores only A.</summary>
    private async Task ScoreEverythingAsync()
    {
        await _h.Send("member1", new DeclareConflictOfInterest(_h.CaseId, [], ""));
        await _h.Send("member2", new DeclareConflictOfInterest(_h.CaseId, [VendorB], "配偶者が乙情報サービス株式会社に勤務"));
        await _h.Send("chair", new DeclareConflictOfInterest(_h.CaseId, [], ""));
        await Score("member1", VendorA, 4, 30);
        await Score("member1", VendorB, 5, 40);
        await Score("member2", VendorA, 3, 35);
        await Score("chair", VendorA, 5, 25);
        await Score("chair", VendorB, 3, 30);
        foreach (var m in new[] { "member1", "member2", "chair" }) await _h.Send(m, new SubmitScoreSheet(_h.CaseId));
        await _h.Send("officer1", new RecordReservePrice(_h.CaseId, 100_000_000, "RFQ見積の中央値"));
        await _h.Send("officer1", new RecordBidPrice(_h.CaseId, VendorA, 90_000_000));
        await _h.Send("officer1", new RecordBidPrice(_h.CaseId, VendorB, 80_000_000));
    }

    [Fact]
    public async Task The_committee_s_scores_become_the_hand_computed_result_after_the_chair_closes()
    {
        await _h.SetUpCommitteeAsync();
        await ScoreEverythingAsync();
        await _h.Send("chair", new CloseTechnicalScoring(_h.CaseId));
        await _h.Send("chair", new FinaliseResults(_h.CaseId));

        var result = await _h.Query("officer1", q => q.GetResultAsync(_h.CaseId));

        // A: member1 50×4÷5 + 30 = 70; member2 30 + 35 = 65; chair 50 + 25 = 75 → 210 ÷ 3 = 70; 価格点 50 × (1 − 0.9) = 5 → 75
        // B: member1 50 + 40 = 90; chair 30 + 30 = 60 (member2 excluded) → 150 ÷ 2 = 75; 価格点 50 × (1 − 0.8) = 10 → 85
        Assert.True(result.IsFinal, string.Join(" / ", result.Blockers));
        Assert.Equal([VendorB.ToString("N"), VendorA.ToString("N")], result.Order());
        Assert.Equal(85m, result.Ranking[0].Total);
        Assert.Equal(75m, result.Ranking[1].Total);
        var exclusion = Assert.Single(result.Exclusions);
        Assert.Equal(((await _h.UserAsync("member2")).Id.ToString("N"), VendorB.ToString("N")), (exclusion.MemberId, exclusion.VendorId));
    }

    [Fact]
    public async Task A_member_cannot_read_another_member_s_scores_before_the_close()
    {
        await _h.SetUpCommitteeAsync();
        await ScoreEverythingAsync();
        var member2 = (await _h.UserAsync("member2")).Id;

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => _h.Query("member1", q => q.GetSheetAsync(_h.CaseId, member2)));
        Assert.Equal("技術審査が締め切られるまで、他の委員の採点は閲覧できません。", refused.Message);
        await Assert.ThrowsAsync<DomainRuleException>(() => _h.Query("member1", q => q.GetScoreHistoryAsync(_h.CaseId, member2)));
        await Assert.ThrowsAsync<DomainRuleException>(() => _h.Query("chair", q => q.GetSheetAsync(_h.CaseId, member2)));
        await Assert.ThrowsAsync<DomainRuleException>(() => _h.Query("member1", q => q.GetResultAsync(_h.CaseId)));
        await Assert.ThrowsAsync<DomainRuleException>(() => _h.Query("member1", q => q.GetEvaluationHistoryAsync(_h.CaseId)));
        Assert.Equal(2, (await _h.Query("member1", q => q.GetMySheetAsync(_h.CaseId))).Cells.Count / 2); // own sheet: 2 vendors × 2 items

        await _h.Send("chair", new CloseTechnicalScoring(_h.CaseId));

        var sheet = await _h.Query("member1", q => q.GetSheetAsync(_h.CaseId, member2));
        Assert.Equal(3m, sheet.MarkFor(VendorA, "1-1"));
    }

    [Fact]
    public async Task Prices_stay_sealed_for_members_until_technical_scoring_closes()
    {
        await _h.SetUpCommitteeAsync();
        await ScoreEverythingAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => _h.Query("member1", q => q.GetPricesAsync(_h.CaseId)));
        Assert.Equal("価格は技術審査の締切後に開封されます。", refused.Message);
        await Assert.ThrowsAsync<DomainRuleException>(() => _h.Query("chair", q => q.GetPricesAsync(_h.CaseId)));
        await Assert.ThrowsAsync<DomainRuleException>(() => _h.Query("legal", q => q.GetPricesAsync(_h.CaseId)));
        Assert.Null((await _h.Query("member1", q => q.GetOverviewAsync(_h.CaseId))).Prices);
        Assert.Equal(100_000_000m, (await _h.Query("officer1", q => q.GetPricesAsync(_h.CaseId))).ReservePrice);

        await _h.Send("chair", new CloseTechnicalScoring(_h.CaseId));

        var prices = await _h.Query("member1", q => q.GetPricesAsync(_h.CaseId));
        Assert.Equal([90_000_000m, 80_000_000m], prices.Bids.Select(b => b.Amount));
    }

    [Fact]
    public async Task Legal_staff_cannot_change_scores_nor_close_nor_set_consensus()
    {
        await _h.SetUpCommitteeAsync();

        // Legal staff hold no committee role, so the access rule refuses them before the handler's own scorer check.
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => Score("legal", VendorA, 5, 50));
        Assert.Equal(AccessDeniedException.Text, refused.Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _h.Send("legal", new SubmitScoreSheet(_h.CaseId)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _h.Send("legal", new CloseTechnicalScoring(_h.CaseId)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _h.Send("legal", new RecordBidPrice(_h.CaseId, VendorA, 1)));
        // and officers may not score either: scoring belongs to the seated committee
        await Assert.ThrowsAsync<AccessDeniedException>(() => Score("officer1", VendorA, 5, 50));
    }

    [Fact]
    public async Task Score_pages_stay_shut_until_the_member_declares_conflicts_and_a_conflicted_vendor_cannot_be_scored()
    {
        await _h.SetUpCommitteeAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => _h.Query("member2", q => q.GetMySheetAsync(_h.CaseId)));
        Assert.Equal("利害関係の申告を行ってから、提案書や採点表を開いてください。", refused.Message);
        Assert.False(await _h.Query("member2", q => q.CanOpenProposalAsync(_h.CaseId, VendorA)));
        await Assert.ThrowsAsync<DomainRuleException>(() => Score("member2", VendorA, 3, 30));

        await _h.Send("member2", new DeclareConflictOfInterest(_h.CaseId, [VendorB], "元勤務先"));

        Assert.True(await _h.Query("member2", q => q.CanOpenProposalAsync(_h.CaseId, VendorA)));
        Assert.False(await _h.Query("member2", q => q.CanOpenProposalAsync(_h.CaseId, VendorB)));
        Assert.Equal([VendorA], (await _h.Query("member2", q => q.GetMySheetAsync(_h.CaseId))).Vendors.Select(v => v.VendorId));
        var conflicted = await Assert.ThrowsAsync<DomainRuleException>(() => Score("member2", VendorB, 3, 30));
        Assert.Equal("乙情報サービス株式会社は利害関係を申告しているため採点できません。", conflicted.Message);
    }

    [Fact]
    public async Task Submit_locks_the_sheet_and_only_the_chair_reopens_it_with_a_reason()
    {
        await _h.SetUpCommitteeAsync();
        await _h.Send("member1", new DeclareConflictOfInterest(_h.CaseId, [], ""));
        await Score("member1", VendorA, 4, 30);

        var incomplete = await Assert.ThrowsAsync<DomainRuleException>(() => _h.Send("member1", new SubmitScoreSheet(_h.CaseId)));
        Assert.Equal("未入力の評価が2件あります。すべて入力してから提出してください。", incomplete.Message);
        await Score("member1", VendorB, 4, 30);
        await _h.Send("member1", new SubmitScoreSheet(_h.CaseId));

        var locked = await Assert.ThrowsAsync<DomainRuleException>(() => Score("member1", VendorA, 5, 30));
        Assert.StartsWith("提出済みの採点表は変更できません。", locked.Message, StringComparison.Ordinal);
        var member1 = (await _h.UserAsync("member1")).Id;
        await Assert.ThrowsAsync<DomainRuleException>(() => _h.Send("member2", new ReopenScoreSheet(_h.CaseId, member1, "誤記")));
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => _h.Send("chair", new ReopenScoreSheet(_h.CaseId, member1, "")));

        await _h.Send("chair", new ReopenScoreSheet(_h.CaseId, member1, "1-1の評価理由と点数が一致していないため"));
        await Score("member1", VendorA, 5, 30);

        var mine = await _h.Query("member1", q => q.GetMySheetAsync(_h.CaseId));
        Assert.Equal((ScoreSheetStatus.Draft, "1-1の評価理由と点数が一致していないため"), (mine.Status, mine.LastReopenReason));
        var history = await _h.Query("member1", q => q.GetScoreHistoryAsync(_h.CaseId, member1));
        Assert.Equal(["採点", "採点", "採点", "採点", "提出", "差し戻し", "採点"], history.Select(e => e.What));
        Assert.All(history, e => Assert.Equal(_h.Clock.GetUtcNow(), e.At));
        Assert.Equal("南 信夫（委員長）", history[5].By);
        Assert.Equal(5m, history[^1].Mark); // only the changed cell: 1-1 4 → 5
    }

    [Fact]
    public async Task Criteria_freeze_when_proposals_open_and_a_change_needs_a_reason_and_every_member_s_reconfirmation()
    {
        await _h.SetUpCommitteeAsync();

        var frozen = await Assert.ThrowsAsync<DomainRuleException>(() => _h.Send("officer1", new DefineCriteria(_h.CaseId, Criteria, Settings)));
        Assert.StartsWith("提案書の開封後は評価基準をそのまま変更できません。", frozen.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => _h.Send("officer1", new ChangeFrozenCriteria(_h.CaseId, Criteria, Settings, " ")));

        await _h.Send("officer1", new ChangeFrozenCriteria(_h.CaseId, Criteria, Settings with { PassLineRatio = 0.6m }, "質問回答第3号により基準点を明示"));

        var overview = await _h.Query("member1", q => q.GetOverviewAsync(_h.CaseId));
        Assert.True(overview.INeedToReconfirm);
        Assert.Equal("質問回答第3号により基準点を明示", Assert.Single(overview.CriteriaChanges).Reason);
        await _h.Send("member1", new DeclareConflictOfInterest(_h.CaseId, [], ""));
        await Score("member1", VendorA, 4, 30);
        await Score("member1", VendorB, 4, 30);
        var unconfirmed = await Assert.ThrowsAsync<DomainRuleException>(() => _h.Send("member1", new SubmitScoreSheet(_h.CaseId)));
        Assert.Equal("評価基準が変更されています。変更内容を確認してから提出してください。", unconfirmed.Message);

        await _h.Send("member1", new ConfirmCriteriaChange(_h.CaseId, overview.CriteriaRevision));
        await _h.Send("member1", new SubmitScoreSheet(_h.CaseId));

        var closing = await Assert.ThrowsAsync<DomainRuleException>(() => _h.Send("chair", new CloseTechnicalScoring(_h.CaseId)));
        Assert.StartsWith("利害関係の申告が済んでいない委員がいます", closing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consensus_and_lots_are_recorded_after_the_close_and_show_in_the_result()
    {
        await _h.SetUpCommitteeAsync();
        await ScoreEverythingAsync();
        await Assert.ThrowsAsync<DomainRuleException>(() => _h.Send("chair", new SetConsensusScore(_h.CaseId, VendorA, "1-1", 5, "合議")));
        await _h.Send("chair", new CloseTechnicalScoring(_h.CaseId));
        await Assert.ThrowsAsync<DomainRuleException>(() => _h.Send("member1", new SetConsensusScore(_h.CaseId, VendorA, "1-1", 5, "合議")));

        // A with 1-1 = 5 for all: member1 50 + 30 = 80, member2 50 + 35 = 85, chair 50 + 25 = 75 → 80 + 5 = 85 = B's 85
        await _h.Send("chair", new SetConsensusScore(_h.CaseId, VendorA, "1-1", 5, "プレゼンテーションの質疑で網羅性を確認"));
        var tied = await _h.Query("chair", q => q.GetResultAsync(_h.CaseId));
        // technical: A 80 > B 75, so A wins the tie without a lot
        Assert.Equal([VendorA.ToString("N"), VendorB.ToString("N")], tied.Order());
        Assert.Equal(TieResolution.TechnicalScore, Assert.Single(tied.Ties).Resolution);
        Assert.Equal([4m, 3m, 5m], tied.Vendor(VendorA.ToString("N")).Members.Select(m => m.Items[0].Mark!.Value));

        await _h.Send("officer1", new RecordLot(_h.CaseId, [VendorB, VendorA], "高森町 総務課長", "立会人: 松川 次郎"));
        var withLot = await _h.Query("legal", q => q.GetResultAsync(_h.CaseId));
        Assert.Equal([VendorA.ToString("N"), VendorB.ToString("N")], withLot.Order()); // the technical score decides before any lot

        var history = await _h.Query("member2", q => q.GetEvaluationHistoryAsync(_h.CaseId));
        Assert.Contains(history, e => e.What.ToString() == "甲システム株式会社「業務機能の網羅性」の合議評価を5に決定: プレゼンテーションの質疑で網羅性を確認" && e.By == "南 信夫（委員長）");
        Assert.Contains(history, e => e.What.ToString() == "くじ（高森町 総務課長が実施）: 乙情報サービス株式会社 → 甲システム株式会社（立会人: 松川 次郎）" && e.By == "高森 花子");
        Assert.Contains(history, e => e.What.ToString() == "喬木 由美が利害関係を申告（乙情報サービス株式会社）: 配偶者が乙情報サービス株式会社に勤務");
    }

    [Fact]
    public async Task The_exported_evaluation_sheet_recomputes_to_the_app_s_result_with_the_cli()
    {
        await _h.SetUpCommitteeAsync();
        await ScoreEverythingAsync();
        await Assert.ThrowsAsync<DomainRuleException>(() => _h.Query("officer1", q => q.ExportEvaluationSheetAsync(_h.CaseId)));
        await _h.Send("chair", new CloseTechnicalScoring(_h.CaseId));

        var json = await _h.Query("officer1", q => q.ExportEvaluationSheetAsync(_h.CaseId));
        var file = Path.Combine(Path.GetTempPath(), $"exported-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Procurement.Cli.CliApp.RunAsync(["evaluate", file], new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), output, error);
        File.Delete(file);

        Assert.Equal(0, code);
        var app = await _h.Query("officer1", q => q.GetResultAsync(_h.CaseId));
        using var cli = System.Text.Json.JsonDocument.Parse(output.ToString());
        Assert.Equal(app.Ranking.Select(r => (r.VendorId, r.Total)),
            cli.RootElement.GetProperty("ranking").EnumerateArray().Select(r => (r.GetProperty("vendorId").GetString()!, r.GetProperty("total").GetDecimal())));
    }

    [Fact]
    public async Task Only_committee_users_of_the_case_s_group_can_be_seated()
    {
        var outsider = new Procurement.Features.Users.UserAccount { Id = Guid.NewGuid(), UserName = "outsider", NormalizedUserName = "OUTSIDER", DisplayName = "他団体 委員", Roles = [Procurement.Infrastructure.Auth.Roles.Committee] };
        await using (var session = _h.Store.LightweightSession())
        {
            session.Store(outsider);
            await session.SaveChangesAsync();
        }

        var notInGroup = await Assert.ThrowsAsync<DomainRuleException>(() => _h.Send("officer1", new AppointCommitteeMember(_h.CaseId, outsider.Id, false)));
        Assert.Equal("この案件のグループに所属していない利用者は委員に選任できません。", notInGroup.Message);
        var legal = await Assert.ThrowsAsync<DomainRuleException>(async () => await _h.Send("officer1", new AppointCommitteeMember(_h.CaseId, (await _h.UserAsync("legal")).Id, false)));
        Assert.Equal("選定委員の役割を持つ利用者のみ委員に選任できます。", legal.Message);
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await _h.Send("member1", new AppointCommitteeMember(_h.CaseId, (await _h.UserAsync("member2")).Id, false)));
    }
}
