using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Features.Evaluation.Pages;

/// <summary>The Japanese names and derived totals the criteria pages show (keys for <c>T[...]</c>).</summary>
public static class CriteriaDisplay
{
    public static readonly (ScaleKind Scale, string Name)[] Scales =
    [
        (ScaleKind.FiveLevel, "5段階"),
        (ScaleKind.FitGap, "○△×（機能適合）"),
        (ScaleKind.Number, "点数（0〜配点）"),
        (ScaleKind.PassFail, "合否"),
    ];

    public static readonly (PriceMethod Method, string Name, string Hint)[] PriceMethods =
    [
        (PriceMethod.None, "なし（技術評価のみ）", "価格は評価に含めません。"),
        (PriceMethod.Additive, "加算方式", "価格点 = 価格点の配分 ×（1 − 入札価格 ÷ 予定価格）"),
        (PriceMethod.LowestPriceRatio, "最低価格比", "価格点 = 価格点の配分 × 最低価格 ÷ 入札価格"),
        (PriceMethod.Division, "除算方式", "評価値 = 技術点 ÷ 入札価格 × 係数（最も高い者が1位）"),
    ];

    public static readonly (Aggregation Aggregation, string Name, string Hint)[] Aggregations =
    [
        (Aggregation.Average, "平均", "採点した委員の合計点の平均"),
        (Aggregation.Sum, "合計", "全委員の合計点の和"),
        (Aggregation.RankVote, "順位投票", "各委員の順位で1位の数が最も多い者（同数なら2位の数…）"),
    ];

    public static readonly (RoundingMode Mode, string Name)[] RoundingModes =
    [
        (RoundingMode.None, "なし"),
        (RoundingMode.Truncate, "切捨て"),
        (RoundingMode.HalfUp, "四捨五入"),
        (RoundingMode.Up, "切上げ"),
    ];

    public static string PriceMethodName(PriceMethod m) => PriceMethods.FirstOrDefault(x => x.Method == m).Name ?? m.ToString();

    public static string AggregationName(Aggregation a) => Aggregations.FirstOrDefault(x => x.Aggregation == a).Name ?? a.ToString();

    public static string RoundingName(RoundingMode m) => RoundingModes.FirstOrDefault(x => x.Mode == m).Name ?? m.ToString();

    public static string ScaleName(ScaleKind s) => Scales.FirstOrDefault(x => x.Scale == s).Name ?? s.ToString();

    /// <summary>技術点の満点 as the engine counts it: the sum of 配点, times the number of members for the sum aggregation.</summary>
    public static decimal TechnicalFullMarks(IEnumerable<CriteriaCategory> categories, EvaluationSettings settings, int memberCount)
    {
        var max = categories.SelectMany(c => c.Items).Sum(i => i.MaxPoints);
        return settings.Aggregation == Aggregation.Sum ? max * Math.Max(memberCount, 1) : max;
    }

    /// <summary>価格点の配分 (null when price is not scored as points).</summary>
    public static decimal? PricePoints(decimal fullMarks, EvaluationSettings settings) =>
        settings.PriceMethod is PriceMethod.Additive or PriceMethod.LowestPriceRatio && settings.TechnicalWeight > 0
            ? settings.PriceAllocation ?? fullMarks * settings.PriceWeight / settings.TechnicalWeight
            : null;
}
