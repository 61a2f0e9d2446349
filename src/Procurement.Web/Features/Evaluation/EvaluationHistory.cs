using Procurement.Features.Documents;
using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Features.Evaluation;

/// <summary>
/// Sentences for the evaluation's case-level history (results page, 経過). Each is a key of Resources/en.json with the same
/// placeholders (a test checks it), so the history reads in the reader's language; names, amounts and reasons stay as recorded.
/// </summary>
public static class EvaluationHistoryTexts
{
    public const string VendorAdded = "評価対象に{0}を追加";
    public const string VendorRemoved = "{0}を評価対象から除外";
    public const string CriteriaDefined = "評価基準を定義";
    public const string ProposalsOpened = "提案書を開封（評価基準を確定）";
    public const string FrozenCriteriaChanged = "確定後の評価基準を変更（第{0}版）: {1}";
    public const string ScenarioDefined = "デモンストレーションの項目を定義";
    public const string ScenarioChanged = "デモンストレーションの項目を変更: {0}";
    public const string ChangeConfirmed = "{0}が評価基準の変更を確認（第{1}版）";
    public const string MemberAppointed = "{0}を委員に選任";
    public const string MemberAppointedWithPosition = "{0}（{1}）を委員に選任";
    public const string ChairAppointed = "{0}を委員長に選任";
    public const string ChairAppointedWithPosition = "{0}（{1}）を委員長に選任";
    public const string MemberDismissed = "{0}を委員から解任";
    public const string NoConflictDeclared = "{0}が利害関係なしを申告";
    public const string ConflictDeclared = "{0}が利害関係を申告（{1}）: {2}";
    public const string TechnicalClosed = "技術審査を締切";
    public const string ReservePrice = "予定価格 {0}円 を記録: {1}";
    public const string BidPrice = "{0}の入札価格 {1}円 を記録";
    public const string ConsensusCleared = "{0}「{1}」の合議評価を取消: {2}";
    public const string ConsensusSet = "{0}「{1}」の合議評価を{2}に決定: {3}";
    public const string PartialFitAsFit = "{0}「{1}」の△を○と判断: {2}";
    public const string PartialFitAsNotFit = "{0}「{1}」の△を×と判断: {2}";
    public const string Lot = "くじ（{0}が実施）: {1}";
    public const string LotWithNote = "くじ（{0}が実施）: {1}（{2}）";
    public const string DemonstrationScheduled = "{0}のデモンストレーションを{1}〜{2}（{3}）に設定";
    public const string DemonstrationCancelled = "デモンストレーションを取消: {0}";
    public const string ResultsFinalised = "委員長が審査結果を確定";
    public const string CandidateDeclined = "受注候補者{0}の辞退（交渉不成立を含む）を記録: {1}";
    public const string ScoreDraftSaved = "{0}が採点を保存（{1}件の変更）";
    public const string ScoreSheetSubmitted = "{0}が採点表を提出";
    public const string ScoreSheetReopened = "{0}の採点表を差戻し: {1}";
    public const string ScoreNotesSaved = "{0}が採点メモを保存";

    public static IEnumerable<string> All() => EngineTexts.ConstantsOf(typeof(EvaluationHistoryTexts));
}

/// <summary>
/// The names evaluation sentences need that an event does not carry itself. They come from the stream, so a member
/// dismissed or a vendor removed before the opening still reads by name; items by their name in the criteria when
/// they still exist.
/// </summary>
public sealed class EvaluationNames(
    IReadOnlyDictionary<Guid, string> vendors, IReadOnlyDictionary<Guid, string> members, IReadOnlyDictionary<string, string> items)
{
    /// <summary>For an event read without its stream: every id reads as unknown.</summary>
    public static readonly EvaluationNames None = new(new Dictionary<Guid, string>(), new Dictionary<Guid, string>(), new Dictionary<string, string>());

    public static EvaluationNames From(IReadOnlyList<object> events, EvaluationView view) => new(
        events.OfType<EvaluationVendorAdded>().GroupBy(x => x.VendorId).ToDictionary(g => g.Key, g => g.Last().Name),
        events.OfType<CommitteeMemberAppointed>().GroupBy(x => x.MemberId).ToDictionary(g => g.Key, g => g.Last().Name),
        view.ScoredCriteria.SelectMany(c => c.Items).ToDictionary(i => i.Id, i => i.Name));

    public string Vendor(Guid id) => vendors.GetValueOrDefault(id) ?? "（不明な事業者）";
    public string Member(Guid id) => members.GetValueOrDefault(id) ?? "（不明な委員）";
    public string Item(string id) => items.GetValueOrDefault(id) ?? id;
}

public static class EvaluationHistory
{
    /// <summary>The stream's events as history lines, in the sentences every other history uses for them (<see cref="CaseTimeline.Describe"/>).</summary>
    public static IReadOnlyList<EvaluationHistoryEntry> Describe(IReadOnlyList<object> events, EvaluationView view)
    {
        var names = EvaluationNames.From(events, view);
        return events.OfType<IAuditedEvent>().Select(e => new EvaluationHistoryEntry(e.At, e.By.Name, Sentence(e, names) ?? EngineText.Of(e.GetType().Name))).ToList();
    }

    /// <summary>The sentence of an evaluation event, as a template and arguments (the reader's language chooses the text); null for other events.</summary>
    public static EngineText? Sentence(object e, EvaluationNames names)
    {
        static string Yen(decimal amount) => amount.ToString("#,0", CultureInfo.InvariantCulture);
        static string Tokyo(DateTimeOffset at, string format) => TimeZoneInfo.ConvertTime(at, JapaneseDates.Tokyo).ToString(format, CultureInfo.InvariantCulture);
        static EngineText Say(string template, params string[] args) => EngineText.Of(template, args);

        return e switch
        {
            EvaluationVendorAdded x => Say(EvaluationHistoryTexts.VendorAdded, x.Name),
            EvaluationVendorRemoved x => Say(EvaluationHistoryTexts.VendorRemoved, x.Name),
            CriteriaDefined => Say(EvaluationHistoryTexts.CriteriaDefined),
            ProposalsOpened => Say(EvaluationHistoryTexts.ProposalsOpened),
            FrozenCriteriaChanged x => Say(EvaluationHistoryTexts.FrozenCriteriaChanged, x.Revision.ToString(CultureInfo.InvariantCulture), x.Reason),
            DemonstrationScenarioDefined x => x.Reason is null ? Say(EvaluationHistoryTexts.ScenarioDefined) : Say(EvaluationHistoryTexts.ScenarioChanged, x.Reason),
            CriteriaChangeConfirmed x => Say(EvaluationHistoryTexts.ChangeConfirmed, names.Member(x.MemberId), x.Revision.ToString(CultureInfo.InvariantCulture)),
            CommitteeMemberAppointed { Position: null } x => Say(x.IsChair ? EvaluationHistoryTexts.ChairAppointed : EvaluationHistoryTexts.MemberAppointed, x.Name),
            CommitteeMemberAppointed x => Say(x.IsChair ? EvaluationHistoryTexts.ChairAppointedWithPosition : EvaluationHistoryTexts.MemberAppointedWithPosition, x.Name, x.Position!),
            CommitteeMemberDismissed x => Say(EvaluationHistoryTexts.MemberDismissed, x.Name),
            ConflictOfInterestDeclared x => x.ConflictedVendorIds.Count == 0
                ? Say(EvaluationHistoryTexts.NoConflictDeclared, names.Member(x.MemberId))
                : Say(EvaluationHistoryTexts.ConflictDeclared, names.Member(x.MemberId), string.Join("、", x.ConflictedVendorIds.Select(names.Vendor)), x.Statement),
            TechnicalScoringClosed => Say(EvaluationHistoryTexts.TechnicalClosed),
            ReservePriceRecorded x => Say(EvaluationHistoryTexts.ReservePrice, Yen(x.Amount), x.Basis),
            BidPriceRecorded x => Say(EvaluationHistoryTexts.BidPrice, names.Vendor(x.VendorId), Yen(x.Amount)),
            ConsensusScoreSet { Mark: null } x => Say(EvaluationHistoryTexts.ConsensusCleared, names.Vendor(x.VendorId), names.Item(x.ItemId), x.Reason),
            ConsensusScoreSet x => Say(EvaluationHistoryTexts.ConsensusSet, names.Vendor(x.VendorId), names.Item(x.ItemId), x.Mark!.Value.ToString(CultureInfo.InvariantCulture), x.Reason),
            PartialFitDecided x => Say(x.TreatAsFit ? EvaluationHistoryTexts.PartialFitAsFit : EvaluationHistoryTexts.PartialFitAsNotFit, names.Vendor(x.VendorId), names.Item(x.ItemId), x.Reason),
            LotDrawn { Note: null } x => Say(EvaluationHistoryTexts.Lot, x.DrawnBy, string.Join(" → ", x.VendorOrder.Select(names.Vendor))),
            LotDrawn x => Say(EvaluationHistoryTexts.LotWithNote, x.DrawnBy, string.Join(" → ", x.VendorOrder.Select(names.Vendor)), x.Note!),
            DemonstrationScheduled x => Say(EvaluationHistoryTexts.DemonstrationScheduled, names.Vendor(x.VendorId), Tokyo(x.Start, "yyyy-MM-dd HH:mm"), Tokyo(x.End, "HH:mm"), x.Place),
            DemonstrationCancelled x => Say(EvaluationHistoryTexts.DemonstrationCancelled, x.Reason),
            CandidateDeclined x => Say(EvaluationHistoryTexts.CandidateDeclined, x.VendorName, x.Reason),
            ResultsFinalised => Say(EvaluationHistoryTexts.ResultsFinalised),
            ScoreSheets.ScoreDraftSaved x => Say(EvaluationHistoryTexts.ScoreDraftSaved, names.Member(x.MemberId), x.Changes.Count.ToString(CultureInfo.InvariantCulture)),
            ScoreSheets.ScoreSheetSubmitted x => Say(EvaluationHistoryTexts.ScoreSheetSubmitted, names.Member(x.MemberId)),
            ScoreSheets.ScoreSheetReopened x => Say(EvaluationHistoryTexts.ScoreSheetReopened, names.Member(x.MemberId), x.Reason),
            ScoreSheets.ScoreNotesSaved x => Say(EvaluationHistoryTexts.ScoreNotesSaved, names.Member(x.MemberId)),
            _ => null,
        };
    }
}
