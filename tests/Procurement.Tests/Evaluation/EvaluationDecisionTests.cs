using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.Committee;
using Procurement.Features.Evaluation.Consensus;
using Procurement.Features.Evaluation.Criteria;
using Procurement.Features.Evaluation.Demonstrations;
using Procurement.Features.Evaluation.Prices;
using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Features.Users;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Events;
using Procurement.Infrastructure.Localization;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Evaluation;

/// <summary>
/// The evaluation stream's decisions, Given(events) When(command) Then(events | refusal): criteria, committee, vendors,
/// demonstrations, prices, consensus, close, finalise, lots and declines (the score sheets have their own tests).
/// </summary>
[Trait("Lane", "Fast")]
public sealed class EvaluationDecisionTests
{
    private static readonly Guid Case = Guid.Parse("7e1a0000-0000-0000-0000-0000000000c1");
    private static readonly Guid VendorA = Guid.Parse("7e1a0000-0000-0000-0000-0000000000a1"), VendorB = Guid.Parse("7e1a0000-0000-0000-0000-0000000000b1");
    private static readonly Guid Chair = Guid.Parse("7e1a0000-0000-0000-0000-0000000000d1"), Member = Guid.Parse("7e1a0000-0000-0000-0000-0000000000d2");
    private static readonly Actor By = new(Guid.Parse("7e1a0000-0000-0000-0000-0000000000e1"), "高森 花子");
    private static readonly DateTimeOffset At = new(2027, 5, 10, 1, 0, 0, TimeSpan.Zero);

    private static readonly CriteriaItem Function = new("1-1", "機能適合", 10, ScaleKind.FitGap);
    private static readonly CriteriaItem Support = new("1-2", "保守体制", 20, ScaleKind.FiveLevel);
    private static readonly CriteriaCategory[] Criteria = [new("1", "技術", [Function, Support])];
    private static readonly EvaluationSettings Settings = new();

    private static readonly object[] Formed =
    [
        new EvaluationVendorAdded(Case, VendorA, "甲システム株式会社", By, At),
        new EvaluationVendorAdded(Case, VendorB, "乙情報サービス株式会社", By, At),
        new CriteriaDefined(Case, Criteria, Settings, By, At),
        new CommitteeMemberAppointed(Case, Chair, "南 信夫", true, By, At),
        new CommitteeMemberAppointed(Case, Member, "豊丘 一郎", false, By, At),
    ];

    private static readonly object[] Opened = [.. Formed, new ProposalsOpened(Case, By, At)];

    private static readonly object[] Declared =
    [
        .. Opened,
        new ConflictOfInterestDeclared(Case, Chair, [], "", new Actor(Chair, "南 信夫"), At),
        new ConflictOfInterestDeclared(Case, Member, [], "", new Actor(Member, "豊丘 一郎"), At),
    ];

    private static readonly object[] Closed = [.. Declared, new TechnicalScoringClosed(Case, By, At)];

    private static DecisionSpec<EvaluationViewProjection, EvaluationView> Given(params object[] events) =>
        new DecisionSpec<EvaluationViewProjection, EvaluationView>().Given(events);

    private static EvaluationView State(EvaluationView? state) => state ?? new EvaluationView { CaseId = Case };

    private static EvaluationResult Result(bool final, params Guid[] order) => new(
        final, final ? [] : ["くじが未実施です"], Aggregation.Average, PriceMethod.Additive, 100m, 50m, null,
        order.Select((id, i) => new RankingEntry(i + 1, id.ToString("N"), id == VendorA ? "甲システム株式会社" : "乙情報サービス株式会社", 100m - i, 80m - i, 20m, null)).ToList(),
        [], [], [], []);

    [Fact]
    public void Criteria_are_defined_until_the_proposals_are_opened_and_then_changed_only_with_a_reason()
    {
        Given(Formed).When(s => DefineCriteriaHandler.Decide(State(s), new DefineCriteria(Case, Criteria, Settings), By, At))
            .Then(new CriteriaDefined(Case, Criteria, Settings, By, At));
        Given(Opened).When(s => DefineCriteriaHandler.Decide(State(s), new DefineCriteria(Case, Criteria, Settings), By, At))
            .ThenRefused("提案書の開封後は評価基準をそのまま変更できません。変更理由を記入し、全委員の再確認を求めてください。");

        Given(Formed).When(s => ChangeFrozenCriteriaHandler.Decide(State(s), new ChangeFrozenCriteria(Case, Criteria, Settings, "誤記"), By, At))
            .ThenRefused("提案書の開封前は、通常の評価基準の定義で変更してください。");
        Given(Opened).When(s => ChangeFrozenCriteriaHandler.Decide(State(s), new ChangeFrozenCriteria(Case, Criteria, Settings, " 誤記の訂正 "), By, At))
            .Then(new FrozenCriteriaChanged(Case, Criteria, Settings, 2, "誤記の訂正", By, At)); // revision 1 was the definition
        Given(Closed).When(s => ChangeFrozenCriteriaHandler.Decide(State(s), new ChangeFrozenCriteria(Case, Criteria, Settings, "誤記"), By, At))
            .ThenRefused("技術審査は締め切られています。");
    }

    [Fact]
    public void A_member_confirms_the_latest_change_once_and_an_older_revision_is_refused()
    {
        object[] changed = [.. Opened, new FrozenCriteriaChanged(Case, Criteria, Settings, 2, "誤記", By, At)];
        var member = new Actor(Member, "豊丘 一郎");
        Given(changed).When(s => ConfirmCriteriaChangeHandler.Decide(State(s), new ConfirmCriteriaChange(Case, 2), Member, member, At))
            .Then(new CriteriaChangeConfirmed(Case, Member, 2, member, At));
        Given([.. changed, new CriteriaChangeConfirmed(Case, Member, 2, member, At)])
            .When(s => ConfirmCriteriaChangeHandler.Decide(State(s), new ConfirmCriteriaChange(Case, 2), Member, member, At)).Then();
        Given(changed).When(s => ConfirmCriteriaChangeHandler.Decide(State(s), new ConfirmCriteriaChange(Case, 1), Member, member, At))
            .ThenRefused("評価基準がさらに変更されています。最新の内容を確認してください。");
    }

    [Fact]
    public void Proposals_open_once_there_are_criteria_and_a_chair()
    {
        Given(Formed).When(s => OpenProposalsHandler.Decide(State(s), new OpenProposals(Case), By, At)).Then(new ProposalsOpened(Case, By, At));
        Given(Opened).When(s => OpenProposalsHandler.Decide(State(s), new OpenProposals(Case), By, At)).Then();
        Given().When(s => OpenProposalsHandler.Decide(State(s), new OpenProposals(Case), By, At))
            .ThenRefused("評価基準が定義されていないため、提案書を開封できません。");
        Given(Formed[..3]).When(s => OpenProposalsHandler.Decide(State(s), new OpenProposals(Case), By, At))
            .ThenRefused("選定委員と委員長を選任してから提案書を開封してください。");
    }

    [Fact]
    public void Vendors_join_before_the_opening_and_leave_only_without_slots_or_bids()
    {
        Given().When(s => AddEvaluationVendorHandler.Decide(State(s), new AddEvaluationVendor(Case, VendorA, " 甲システム株式会社 "), By, At))
            .Then(new EvaluationVendorAdded(Case, VendorA, "甲システム株式会社", By, At));
        Given(Formed).When(s => AddEvaluationVendorHandler.Decide(State(s), new AddEvaluationVendor(Case, VendorA, "甲システム株式会社"), By, At)).Then();
        Given(Opened).When(s => AddEvaluationVendorHandler.Decide(State(s), new AddEvaluationVendor(Case, Guid.NewGuid(), "丙"), By, At))
            .ThenRefused("提案書の開封後は評価対象の事業者を追加できません。");

        Given(Formed).When(s => RemoveEvaluationVendorHandler.Decide(State(s), new RemoveEvaluationVendor(Case, VendorB), By, At))
            .Then(new EvaluationVendorRemoved(Case, VendorB, "乙情報サービス株式会社", By, At));
        Given([.. Formed, new BidPriceRecorded(Case, VendorB, 1_000_000, By, At)])
            .When(s => RemoveEvaluationVendorHandler.Decide(State(s), new RemoveEvaluationVendor(Case, VendorB), By, At))
            .ThenRefused("入札価格が記録されている事業者は除外できません。");
        Given(Opened).When(s => RemoveEvaluationVendorHandler.Decide(State(s), new RemoveEvaluationVendor(Case, VendorB), By, At))
            .ThenRefused("提案書の開封後は評価対象の事業者を除外できません。");
    }

    [Fact]
    public void Members_are_seated_from_the_group_with_the_committee_role_and_dismissed_only_before_the_opening()
    {
        var account = new UserAccount { Id = Member, UserName = "member9", DisplayName = "豊丘 一郎", Roles = [Roles.Committee], IsActive = true };
        Given().When(s => AppointCommitteeMemberHandler.Decide(State(s), new AppointCommitteeMember(Case, Member, false, " 総務課長 "), account, true, By, At))
            .Then(new CommitteeMemberAppointed(Case, Member, "豊丘 一郎", false, By, At, "総務課長"));
        Given().When(s => AppointCommitteeMemberHandler.Decide(State(s), new AppointCommitteeMember(Case, Member, false), account, false, By, At))
            .ThenRefused("この案件のグループに所属していない利用者は委員に選任できません。");
        Given().When(s => AppointCommitteeMemberHandler.Decide(State(s), new AppointCommitteeMember(Case, Member, false), null, true, By, At))
            .ThenRefused("指定された利用者が見つかりません。");
        Given(Closed).When(s => AppointCommitteeMemberHandler.Decide(State(s), new AppointCommitteeMember(Case, Guid.NewGuid(), false), account, true, By, At))
            .ThenRefused("技術審査は締め切られています。");

        Given(Formed).When(s => DismissCommitteeMemberHandler.Decide(State(s), new DismissCommitteeMember(Case, Member), By, At))
            .Then(new CommitteeMemberDismissed(Case, Member, "豊丘 一郎", By, At));
        Given(Opened).When(s => DismissCommitteeMemberHandler.Decide(State(s), new DismissCommitteeMember(Case, Member), By, At))
            .ThenRefused("提案書の開封後は委員を解任できません。");
    }

    [Fact]
    public void A_declaration_names_only_evaluated_vendors_and_is_made_before_the_close()
    {
        var member = new Actor(Member, "豊丘 一郎");
        Given(Opened).When(s => DeclareConflictOfInterestHandler.Decide(State(s), new DeclareConflictOfInterest(Case, [VendorA, VendorA], " 親族が勤務 "), Member, member, At))
            .Then(new ConflictOfInterestDeclared(Case, Member, [VendorA], "親族が勤務", member, At));
        Given(Opened).When(s => DeclareConflictOfInterestHandler.Decide(State(s), new DeclareConflictOfInterest(Case, [Guid.NewGuid()], "取引"), Member, member, At))
            .ThenRefused("評価対象ではない事業者が指定されています。");
        Given(Closed).When(s => DeclareConflictOfInterestHandler.Decide(State(s), new DeclareConflictOfInterest(Case, [], ""), Member, member, At))
            .ThenRefused("技術審査は締め切られています。");
    }

    [Fact]
    public void Demonstrations_do_not_overlap_and_their_items_do_not_reuse_criteria_numbers()
    {
        var slot = Guid.Parse("7e1a0000-0000-0000-0000-0000000000f1");
        var start = At.AddDays(3);
        var scheduled = new DemonstrationScheduled(Case, slot, VendorA, start, start.AddHours(2), "大会議室", 10, null, By, At);
        Given(Formed).When(s => ScheduleDemonstrationHandler.Decide(State(s), new ScheduleDemonstration(Case, Guid.Empty, VendorA, start, start.AddHours(2), " 大会議室 ", 10, null), slot, By, At))
            .Then(scheduled);
        Given([.. Formed, scheduled])
            .When(s => ScheduleDemonstrationHandler.Decide(State(s), new ScheduleDemonstration(Case, Guid.Empty, VendorB, start.AddHours(1), start.AddHours(3), "大会議室", 10, null), Guid.NewGuid(), By, At))
            .ThenRefused("{0}のデモンストレーションと時間が重なっています。", "甲システム株式会社");
        Given(Formed).When(s => ScheduleDemonstrationHandler.Decide(State(s), new ScheduleDemonstration(Case, Guid.Empty, Guid.NewGuid(), start, start.AddHours(1), "会議室", 5, null), slot, By, At))
            .ThenRefused("評価対象ではない事業者です。");

        Given([.. Formed, scheduled]).When(s => CancelDemonstrationHandler.Decide(State(s), new CancelDemonstration(Case, slot, " 都合 "), By, At))
            .Then(new DemonstrationCancelled(Case, slot, "都合", By, At));
        Given(Formed).When(s => CancelDemonstrationHandler.Decide(State(s), new CancelDemonstration(Case, slot, "都合"), By, At))
            .ThenRefused("指定されたデモンストレーションの予定が見つかりません。");

        CriteriaItem[] items = [new("D-1", "操作性", 10, ScaleKind.FiveLevel)];
        Given(Formed).When(s => DefineDemonstrationScenarioHandler.Decide(State(s), new DefineDemonstrationScenario(Case, items, null), By, At))
            .Then(new DemonstrationScenarioDefined(Case, items, 2, null, By, At));
        Given(Formed).When(s => DefineDemonstrationScenarioHandler.Decide(State(s), new DefineDemonstrationScenario(Case, [Function], null), By, At))
            .ThenRefused("項目番号「{0}」は評価基準の項目と重複しています。", "1-1");
        Given(Opened).When(s => DefineDemonstrationScenarioHandler.Decide(State(s), new DefineDemonstrationScenario(Case, items, " "), By, At))
            .ThenRefused("提案書の開封後にデモンストレーションの項目を変更するには、変更理由が必要です。");
    }

    [Fact]
    public void Prices_are_recorded_for_evaluated_vendors_and_the_same_figure_again_records_nothing()
    {
        Given(Formed).When(s => RecordBidPriceHandler.Decide(State(s), new RecordBidPrice(Case, VendorA, 9_000_000), By, At))
            .Then(new BidPriceRecorded(Case, VendorA, 9_000_000, By, At));
        Given([.. Formed, new BidPriceRecorded(Case, VendorA, 9_000_000, By, At)])
            .When(s => RecordBidPriceHandler.Decide(State(s), new RecordBidPrice(Case, VendorA, 9_000_000), By, At)).Then();
        Given(Formed).When(s => RecordBidPriceHandler.Decide(State(s), new RecordBidPrice(Case, Guid.NewGuid(), 1), By, At))
            .ThenRefused("評価対象ではない事業者です。");

        Given().When(s => RecordReservePriceHandler.Decide(State(s), new RecordReservePrice(Case, 10_000_000, " 見積最低額 "), By, At))
            .Then(new ReservePriceRecorded(Case, 10_000_000, "見積最低額", By, At));
        Given(new ReservePriceRecorded(Case, 10_000_000, "見積最低額", By, At))
            .When(s => RecordReservePriceHandler.Decide(State(s), new RecordReservePrice(Case, 10_000_000, "見積最低額"), By, At)).Then();
    }

    [Fact]
    public void Closing_names_the_members_who_have_not_declared_or_submitted()
    {
        var chairSheet = new ScoreSheetView { CaseId = Case, MemberId = Chair, Status = ScoreSheetStatus.Submitted };
        var memberSheet = new ScoreSheetView { CaseId = Case, MemberId = Member, Status = ScoreSheetStatus.Submitted };
        Given(Opened).When(s => CloseTechnicalScoringHandler.Decide(State(s), [], new CloseTechnicalScoring(Case), By, At))
            .ThenRefused("利害関係の申告が済んでいない委員がいます: {0}", new List<string> { "南 信夫", "豊丘 一郎" });
        Given(Declared).When(s => CloseTechnicalScoringHandler.Decide(State(s), [chairSheet], new CloseTechnicalScoring(Case), By, At))
            .ThenRefused("採点表を提出していない委員がいます: {0}", new List<string> { "豊丘 一郎" });
        Given(Declared).When(s => CloseTechnicalScoringHandler.Decide(State(s), [chairSheet, memberSheet], new CloseTechnicalScoring(Case), By, At))
            .Then(new TechnicalScoringClosed(Case, By, At));
        Given(Closed).When(s => CloseTechnicalScoringHandler.Decide(State(s), [], new CloseTechnicalScoring(Case), By, At)).Then();

        // The names are joined in the reader's language when the refusal is shown.
        var refused = CloseTechnicalScoringHandler.Decide(Opened.Aggregate(new EvaluationView(), Apply), [], new CloseTechnicalScoring(Case), By, At);
        Assert.Equal("利害関係の申告が済んでいない委員がいます: 南 信夫、豊丘 一郎", refused.RefusalText(new UiText()));
    }

    [Fact]
    public void Consensus_and_partial_fit_decisions_name_the_item_and_stop_at_finalisation()
    {
        Given(Closed).When(s => SetConsensusScoreHandler.Decide(State(s), new SetConsensusScore(Case, VendorA, "1-2", 4, " 合議 "), By, At))
            .Then(new ConsensusScoreSet(Case, VendorA, "1-2", 4, "合議", By, At));
        Given(Declared).When(s => SetConsensusScoreHandler.Decide(State(s), new SetConsensusScore(Case, VendorA, "1-2", 4, "合議"), By, At))
            .ThenRefused("{0}は技術審査の締切後に行えます。", Reason.Of("合議による評価の決定"));
        Given(Closed).When(s => SetConsensusScoreHandler.Decide(State(s), new SetConsensusScore(Case, VendorA, "9-9", 4, "合議"), By, At))
            .ThenRefused("評価項目「{0}」は評価基準にありません。", "9-9");
        Given(Closed).When(s => SetConsensusScoreHandler.Decide(State(s), new SetConsensusScore(Case, VendorA, "1-2", 7, "合議"), By, At))
            .ThenRefused(EngineTexts.RangeFiveLevel);
        Given([.. Closed, new ResultsFinalised(Case, By, At)])
            .When(s => SetConsensusScoreHandler.Decide(State(s), new SetConsensusScore(Case, VendorA, "1-2", 4, "合議"), By, At))
            .ThenRefused("審査結果は確定済みのため、変更できません。");

        Given(Closed).When(s => DecidePartialFitHandler.Decide(State(s), new DecidePartialFit(Case, VendorB, "1-1", true, " 代替案で足りる "), By, At))
            .Then(new PartialFitDecided(Case, VendorB, "1-1", true, "代替案で足りる", By, At));
        Given(Closed).When(s => DecidePartialFitHandler.Decide(State(s), new DecidePartialFit(Case, VendorB, "1-2", true, "代替案"), By, At))
            .ThenRefused("「{0}」は○△×で評価する項目ではありません。", "保守体制");
    }

    [Fact]
    public void Finalising_needs_the_close_and_an_engine_result_with_nothing_left_to_decide()
    {
        Given(Closed).When(s => FinaliseResultsHandler.Decide(State(s), Result(true, VendorA, VendorB), new FinaliseResults(Case), By, At))
            .Then(new ResultsFinalised(Case, By, At));
        Given(Declared).When(s => FinaliseResultsHandler.Decide(State(s), Result(true, VendorA, VendorB), new FinaliseResults(Case), By, At))
            .ThenRefused("{0}は技術審査の締切後に行えます。", Reason.Of("審査結果の確定"));
        var engine = Result(false, VendorA, VendorB) with { BlockerTexts = [EngineText.Of(EngineTexts.BidMissing, "甲システム株式会社")] };
        Given(Closed).When(s => FinaliseResultsHandler.Decide(State(s), engine, new FinaliseResults(Case), By, At))
            .ThenRefused("結果を確定する前に決めることが残っています: {0}", new List<Reason> { Reason.Of(EngineTexts.BidMissing, "甲システム株式会社") });
        Given([.. Closed, new ResultsFinalised(Case, By, At)])
            .When(s => FinaliseResultsHandler.Decide(State(s), Result(true, VendorA), new FinaliseResults(Case), By, At)).Then();
    }

    [Fact]
    public void A_lot_orders_evaluated_vendors_after_the_close_and_only_the_current_candidate_declines()
    {
        Given(Closed).When(s => RecordLotHandler.Decide(State(s), new RecordLot(Case, [VendorB, VendorA], " 南 信夫 ", " "), By, At))
            .Then(new LotDrawn(Case, [VendorB, VendorA], "南 信夫", null, By, At));
        Given(Declared).When(s => RecordLotHandler.Decide(State(s), new RecordLot(Case, [VendorB, VendorA], "南 信夫", null), By, At))
            .ThenRefused("{0}は技術審査の締切後に行えます。", Reason.Of("くじの結果の記録"));
        Given(Closed).When(s => RecordLotHandler.Decide(State(s), new RecordLot(Case, [VendorB, Guid.NewGuid()], "南 信夫", null), By, At))
            .ThenRefused("評価対象ではない事業者が含まれています。");

        Given(Closed).When(s => RecordCandidateDeclinedHandler.Decide(State(s), Result(true, VendorA, VendorB), new RecordCandidateDeclined(Case, VendorA, " 辞退届 "), By, At))
            .Then(new CandidateDeclined(Case, VendorA, "甲システム株式会社", "辞退届", By, At));
        Given(Closed).When(s => RecordCandidateDeclinedHandler.Decide(State(s), Result(true, VendorA, VendorB), new RecordCandidateDeclined(Case, VendorB, "辞退"), By, At))
            .ThenRefused("辞退を記録できるのは、現在の受注候補者（{0}）だけです。", "甲システム株式会社");
    }

    private static EvaluationView Apply(EvaluationView view, object e)
    {
        var apply = typeof(EvaluationViewProjection).GetMethod("Apply", [e.GetType(), typeof(EvaluationView)])!;
        apply.Invoke(null, [e, view]);
        return view;
    }
}
