namespace Procurement.Features.Evaluation.Scoring;

/// <summary>
/// A sentence the engine writes for people: the Japanese template (also the UI text key, see <see cref="EngineTexts"/>)
/// and its arguments (names and numbers, never translated), so a page can render it in the reader's language while
/// the Japanese string (<see cref="ToString"/>) stays what documents and the CLI print.
/// </summary>
public sealed record EngineText(string Template, IReadOnlyList<string> Args)
{
    public static EngineText Of(string template, params string[] args) => new(template, args);

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, Template, [.. Args]);
}

/// <summary>
/// Every template the engine and the mark rules use. Each is a key of Resources/en.json with the same placeholders
/// (a test checks it): one template per variant instead of pieces glued together, so a translation keeps its word order.
/// </summary>
public static class EngineTexts
{
    public const string MissingScores = "{0}の{1}の採点が{2}項目未入力です";
    public const string NoCountingMember = "{0}を評価できる委員がいません（全員が利害関係により除外）";
    public const string PartialFitUndecided = "{0}の「{1}」の△について委員会の判断が未決定です";
    public const string ReservePriceMissing = "予定価格が入力されていません";
    public const string BidMissing = "{0}の入札価格が入力されていません";
    public const string FirstPlaceTie = "第1位が同点です。{0}のくじの結果を記録してください";

    public const string BelowFloorPoints = "{0}の「{1}」の評価（{2}点）が最低基準（{3}点）を下回っています";
    public const string BelowFloorGrade = "{0}の「{1}」の評価（5段階の{2}）が最低基準（5段階の{3}）を下回っています";
    public const string IgnoredConflictMarks = "{0}は{1}との利害関係を申告しているため、{1}に対する評価（{2}項目）は集計していません";

    public const string RequiredFailedByMember = "必須項目「{0}」を満たしていません（{1}の評価）";
    public const string RequiredFailedByConsensus = "必須項目「{0}」を満たしていません（合議による評価）";
    public const string BelowPassLine = "技術点（{0}点）が基準点（{1}点：満点の{2}%）に達していません";
    public const string InvalidBid = "入札価格（{0}円）が正しくありません";
    public const string BidAboveReservePrice = "入札価格（{0}円）が予定価格（{1}円）を超えているため無効です";

    public const string TieBrokenByTechnicalScore = "{0}が同点のため、技術点の高い順に順位を決定しました";
    public const string RankTieBrokenByTechnicalScore = "{0}が同順位のため、技術点の高い順に順位を決定しました";
    public const string TieBrokenByLotTechnicalAlsoEqual = "{0}は技術点も同点のため、くじにより順位を決定しました（くじを引いた者: {1}）";
    public const string TieBrokenByLotTechnicalEqual = "{0}は技術点が同点のため、くじにより順位を決定しました（くじを引いた者: {1}）";
    public const string TieUnresolvedTechnicalAlsoEqual = "{0}は技術点も同点です。くじの結果が記録されるまで同順位です";
    public const string TieUnresolvedTechnicalEqual = "{0}は技術点が同点です。くじの結果が記録されるまで同順位です";

    public const string PartialFitAsFit = "○として扱う：{0}";
    public const string PartialFitAsNotFit = "×として扱う：{0}";

    public const string RangeFiveLevel = "評価は0〜5の整数で入力してください";
    public const string RangeFitGap = "評価は○、△、×のいずれかで入力してください";
    public const string RangeNumber = "評価は0〜{0}の数値で入力してください";
    public const string RangePassFail = "評価は合または否で入力してください";
    public const string RangeUnknown = "評価の値が正しくありません";

    public static IEnumerable<string> All() => ConstantsOf(typeof(EngineTexts));

    /// <summary>The string constants of a class of templates, for the test that each has an English entry.</summary>
    public static IEnumerable<string> ConstantsOf(Type templates) => templates.GetFields()
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);
}

/// <summary>
/// The engine's sentences as documents print them. The 審査結果報告書 and the other documents are written in the である
/// style, while pages speak politely; a sentence a document quotes (a disqualification reason, how a tie was settled)
/// is printed in its document form, with the same placeholders as the page form.
/// </summary>
public static class EngineDocumentTexts
{
    private static readonly Dictionary<string, string> Plain = new(StringComparer.Ordinal)
    {
        [EngineTexts.BelowFloorPoints] = "{0}の「{1}」の評価（{2}点）が最低基準（{3}点）を下回っている",
        [EngineTexts.BelowFloorGrade] = "{0}の「{1}」の評価（5段階の{2}）が最低基準（5段階の{3}）を下回っている",
        [EngineTexts.RequiredFailedByMember] = "必須項目「{0}」を満たしていない（{1}の評価）",
        [EngineTexts.RequiredFailedByConsensus] = "必須項目「{0}」を満たしていない（合議による評価）",
        [EngineTexts.BelowPassLine] = "技術点（{0}点）が基準点（{1}点：満点の{2}%）に達していない",
        [EngineTexts.InvalidBid] = "入札価格（{0}円）が正しくない",
        [EngineTexts.BidAboveReservePrice] = "入札価格（{0}円）が予定価格（{1}円）を超えているため無効である",
        [EngineTexts.TieBrokenByTechnicalScore] = "{0}が同点のため、技術点の高い順に順位を決定した",
        [EngineTexts.RankTieBrokenByTechnicalScore] = "{0}が同順位のため、技術点の高い順に順位を決定した",
        [EngineTexts.TieBrokenByLotTechnicalAlsoEqual] = "{0}は技術点も同点のため、くじにより順位を決定した（くじを引いた者: {1}）",
        [EngineTexts.TieBrokenByLotTechnicalEqual] = "{0}は技術点が同点のため、くじにより順位を決定した（くじを引いた者: {1}）",
        [EngineTexts.TieUnresolvedTechnicalAlsoEqual] = "{0}は技術点も同点である。くじの結果が記録されるまで同順位とする",
        [EngineTexts.TieUnresolvedTechnicalEqual] = "{0}は技術点が同点である。くじの結果が記録されるまで同順位とする",
    };

    /// <summary>The page templates that have a document form (a test checks each keeps the placeholders).</summary>
    public static IReadOnlyDictionary<string, string> Forms => Plain;

    /// <summary>The document form of <paramref name="text"/>, or <paramref name="fallback"/> when the engine gave no template.</summary>
    public static string Of(EngineText? text, string fallback) =>
        text is null ? fallback
        : Plain.TryGetValue(text.Template, out var plain) ? string.Format(CultureInfo.InvariantCulture, plain, [.. text.Args])
        : text.ToString();
}
