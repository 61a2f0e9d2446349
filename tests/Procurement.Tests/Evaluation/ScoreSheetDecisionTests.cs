using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Evaluation;

/// <summary>The score sheet's decisions (draft, submit, reopen, import) as Given(sheet events).When(decide).Then(events | refusal).</summary>
[Trait("Lane", "Fast")]
public sealed class ScoreSheetDecisionTests
{
    private static readonly Guid Case = Guid.NewGuid();
    private static readonly Guid Member = Guid.NewGuid();
    private static readonly Guid Vendor = Guid.NewGuid();
    private static readonly Actor By = new(Member, "豊丘 一郎");
    private static readonly DateTimeOffset At = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    private static readonly List<CriteriaCategory> Criteria =
        [new("1", "提案内容", [new("1-1", "業務機能の網羅性", 50, ScaleKind.FiveLevel), new("1-2", "操作性", 50, ScaleKind.FiveLevel)])];

    /// <summary>One vendor, two 5段階 items, the member seated and declared, the proposals opened (closed when asked).</summary>
    private static EvaluationView Evaluation(bool closed = false)
    {
        var view = new EvaluationView { CaseId = Case, Id = EvaluationStreams.Evaluation(Case) };
        EvaluationViewProjection.Apply(new EvaluationVendorAdded(Case, Vendor, "甲システム株式会社", By, At), view);
        EvaluationViewProjection.Apply(new CriteriaDefined(Case, Criteria, EvaluationDemo.Settings, By, At), view);
        EvaluationViewProjection.Apply(new CommitteeMemberAppointed(Case, Member, "豊丘 一郎", false, By, At), view);
        EvaluationViewProjection.Apply(new ProposalsOpened(Case, By, At), view);
        EvaluationViewProjection.Apply(new ConflictOfInterestDeclared(Case, Member, [], "", By, At), view);
        if (closed) EvaluationViewProjection.Apply(new TechnicalScoringClosed(Case, By, At), view);
        return view;
    }

    private static DecisionSpec<ScoreSheetViewProjection, ScoreSheetView> Sheet() => new();

    private static ScoreSheetView Fresh(ScoreSheetView? sheet) => sheet ?? new ScoreSheetView { CaseId = Case, MemberId = Member };

    private static ScoreDraftSaved Saved(string item, decimal mark) => new(Case, Member, [new ScoreChange(Vendor, item, mark, null)], "画面", By, At);

    [Fact]
    public void A_draft_records_only_the_cells_that_differ_from_the_sheet() =>
        Sheet().Given(Saved("1-1", 3))
            .When(s => SaveScoreDraftHandler.Decide(Evaluation(), Fresh(s), [new(Vendor, "1-1", 3), new(Vendor, "1-2", 4)], "画面", Member, By, At))
            .Then(Saved("1-2", 4));

    [Fact]
    public void A_draft_that_changes_nothing_appends_nothing() =>
        Sheet().Given(Saved("1-1", 3))
            .When(s => SaveScoreDraftHandler.Decide(Evaluation(), Fresh(s), [new(Vendor, "1-1", 3)], "画面", Member, By, At))
            .Then();

    [Fact]
    public void A_submitted_sheet_refuses_a_draft() =>
        Sheet().Given(Saved("1-1", 3), new ScoreSheetSubmitted(Case, Member, 1, By, At))
            .When(s => SaveScoreDraftHandler.Decide(Evaluation(), Fresh(s), [new(Vendor, "1-1", 4)], "画面", Member, By, At))
            .ThenRefused("提出済みの採点表は変更できません。変更が必要な場合は委員長に差し戻しを依頼してください。");

    [Fact]
    public void After_the_close_no_draft_is_taken() =>
        Sheet()
            .When(s => SaveScoreDraftHandler.Decide(Evaluation(closed: true), Fresh(s), [new(Vendor, "1-1", 4)], "画面", Member, By, At))
            .ThenRefused("技術審査は締め切られています。");

    [Fact]
    public void A_vendor_outside_the_evaluation_is_refused() =>
        Sheet()
            .When(s => SaveScoreDraftHandler.Decide(Evaluation(), Fresh(s), [new(Guid.NewGuid(), "1-1", 4)], "画面", Member, By, At))
            .ThenRefused("評価対象ではない事業者の採点が含まれています。");

    [Fact]
    public void A_mark_out_of_the_items_range_is_refused_naming_vendor_and_item()
    {
        var decision = SaveScoreDraftHandler.Decide(Evaluation(), Fresh(null), [new(Vendor, "1-1", 9)], "画面", Member, By, At);
        Assert.Equal("{0}「{1}」: {2}。", decision.Refusal);
        Assert.Equal(["甲システム株式会社", "業務機能の網羅性"], decision.RefusalArguments.Take(2));
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Submitting_counts_the_empty_cells() =>
        Sheet().Given(Saved("1-1", 3))
            .When(s => SubmitScoreSheetHandler.Decide(Evaluation(), Fresh(s), Member, By, At))
            .ThenRefused("未入力の評価が{0}件あります。すべて入力してから提出してください。", 1);

    [Fact]
    public void A_full_sheet_is_submitted_once() =>
        Sheet().Given(Saved("1-1", 3), Saved("1-2", 4))
            .When(s => SubmitScoreSheetHandler.Decide(Evaluation(), Fresh(s), Member, By, At))
            .Then(new ScoreSheetSubmitted(Case, Member, Evaluation().CriteriaRevision, By, At));

    [Fact]
    public void Reopening_needs_a_submitted_sheet() =>
        Sheet().Given(Saved("1-1", 3))
            .When(s => ReopenScoreSheetHandler.Decide(Evaluation(), Fresh(s), new ReopenScoreSheet(Case, Member, "再確認"), By, At))
            .ThenRefused("この採点表はまだ提出されていません。");

    [Fact]
    public void The_chair_reopens_a_submitted_sheet_with_the_reason_trimmed() =>
        Sheet().Given(Saved("1-1", 3), Saved("1-2", 4), new ScoreSheetSubmitted(Case, Member, 1, By, At))
            .When(s => ReopenScoreSheetHandler.Decide(Evaluation(), Fresh(s), new ReopenScoreSheet(Case, Member, "  再確認  "), By, At))
            .Then(new ScoreSheetReopened(Case, Member, "再確認", By, At));

    [Fact]
    public void An_import_into_a_submitted_sheet_is_refused_before_the_file_is_read() =>
        Sheet().Given(Saved("1-1", 3), new ScoreSheetSubmitted(Case, Member, 1, By, At))
            .When(s => ImportScoreSheetHandler.Decide(Evaluation(), Fresh(s), [0x00, 0x01], Member, By, At))
            .ThenRefused("提出済みの採点表は変更できません。変更が必要な場合は委員長に差し戻しを依頼してください。");
}
