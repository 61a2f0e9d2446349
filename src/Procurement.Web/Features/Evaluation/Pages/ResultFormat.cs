using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Features.Evaluation.Pages;

/// <summary>
/// One number format per column of the results: the decimals the criteria's rounding gives that stage (so 71.00 stands
/// beside 71.67, not 71), or, where a stage is not rounded, as many decimals as its figures need, at most three.
/// </summary>
public sealed class ResultFormat
{
    private const int MaxExactDecimals = 3;

    public ResultFormat(EvaluationResult result)
    {
        var rounding = result.Rounding;
        var vendors = result.Vendors;
        Item = Column.For(rounding.Item, vendors.SelectMany(v => v.Members).SelectMany(m => m.Items).Select(i => i.Points));
        MemberTotal = Column.For(rounding.MemberTotal, vendors.SelectMany(v => v.Members).Select(m => m.Total ?? 0));
        Technical = Column.For(rounding.Average, vendors.Select(v => v.Technical).Concat(vendors.SelectMany(v => v.Criteria).Select(c => c.Average)));
        Price = Column.For(rounding.PricePoints, vendors.Select(v => v.PricePoints ?? 0));
        Total = result.PriceMethod switch
        {
            PriceMethod.Division => Column.ForRatio(rounding.PricePoints, vendors.Select(v => v.EvaluationValue ?? 0)),
            PriceMethod.None => Technical,
            _ => new Column(Math.Max(Technical.Decimals, Price.Decimals)),
        };
    }

    /// <summary>A member's points for one item.</summary>
    public Column Item { get; }

    public Column MemberTotal { get; }

    /// <summary>技術点 and the per-item averages (both rounded at the average stage).</summary>
    public Column Technical { get; }

    public Column Price { get; }

    /// <summary>総合評価点, or the 除算方式 評価値.</summary>
    public Column Total { get; }

    /// <summary>A member's place among the vendors they scored, by their own total: the rank vote's own place, else 1 + those above.</summary>
    public static int? MemberRank(EvaluationResult result, string memberId, MemberBreakdown row)
    {
        if (row.OwnRank is { } own) return own;
        if (row.Excluded || row.Total is not { } mine) return null;
        var above = result.Vendors.SelectMany(v => v.Members).Count(m => m.MemberId == memberId && !m.Excluded && m.Total > mine);
        return above + 1;
    }

    public sealed record Column(int Decimals)
    {
        public static Column For(RoundingRule rule, IEnumerable<decimal> values) =>
            new(rule.Mode != RoundingMode.None ? rule.Decimals : values.Select(Needed).DefaultIfEmpty(0).Max());

        /// <summary>
        /// A 除算方式 評価値 without a multiplier is a tiny number (80 ÷ 96,000,000): unrounded, it shows four significant
        /// digits of the smallest value rather than 0.000.
        /// </summary>
        public static Column ForRatio(RoundingRule rule, IEnumerable<decimal> values)
        {
            if (rule.Mode != RoundingMode.None) return new(rule.Decimals);
            var smallest = values.Where(v => v > 0).DefaultIfEmpty(1).Min();
            var magnitude = (int)Math.Floor(Math.Log10((double)smallest));
            return new(Math.Clamp(3 - magnitude, 0, 12));
        }

        public string Format(decimal? value) => value is { } v
            ? v.ToString(Decimals == 0 ? "#,0" : "#,0." + new string('0', Decimals), CultureInfo.InvariantCulture)
            : "—";

        private static int Needed(decimal value)
        {
            for (var d = 0; d < MaxExactDecimals; d++)
            {
                if (decimal.Round(value, d) == value) return d;
            }
            return MaxExactDecimals;
        }
    }
}
