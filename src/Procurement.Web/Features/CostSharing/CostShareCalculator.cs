namespace Procurement.Features.CostSharing;

/// <summary>What a part of the total is divided by (費用分担の算定基礎).</summary>
public enum ShareBasis
{
    /// <summary>均等割: the same for every member.</summary>
    Equal,
    /// <summary>人口割: proportional to 住民基本台帳人口.</summary>
    Population,
    /// <summary>逓減人口割 (HARP style): proportional to population^k, so a bigger town pays less per resident.</summary>
    DiminishingPopulation,
    /// <summary>利用量割: proportional to a usage figure (accounts, transactions, terminals…).</summary>
    Usage,
}

/// <summary>Who gets the yen left over after every share is rounded down, so shares add up to the total exactly.</summary>
public enum RemainderRule
{
    /// <summary>最大剰余法: one yen each to the members with the largest discarded fractions.</summary>
    LargestRemainder,
    /// <summary>The representative municipality (代表団体) takes the whole remainder.</summary>
    Representative,
    /// <summary>The most populous member takes the whole remainder.</summary>
    LargestPopulation,
}

/// <summary>What a member leaving during a fiscal year pays for that year.</summary>
public enum LeavingRule
{
    /// <summary>The full year (the usual rule in 規約).</summary>
    FullYear,
    /// <summary>Months until leaving, as a fraction of 12.</summary>
    ProRata,
}

public sealed record ShareComponent(ShareBasis Basis, decimal Ratio);

public sealed record CostShareFormula(IReadOnlyList<ShareComponent> Components, RemainderRule Remainder, double PopulationExponent)
{
    /// <summary>k with 2^k = 1.5: doubling the population multiplies the share by 1.5 (HARP).</summary>
    public static readonly double HarpExponent = Math.Log2(1.5);

    public static CostShareFormula EqualAndPopulation(decimal equal, decimal population, RemainderRule remainder = RemainderRule.LargestRemainder) =>
        new([new(ShareBasis.Equal, equal), new(ShareBasis.Population, population)], remainder, HarpExponent);
}

public sealed record Participant(string Name, long Population, decimal Usage = 0, DateOnly? JoinedOn = null, DateOnly? LeftOn = null);

/// <summary>
/// A member's share of one year. <see cref="Components"/> say where it comes from: each basis's part in whole yen
/// (rounded down) and the exact figure; <see cref="Adjustment"/> is the yen the remainder rule added, so the parts
/// and the adjustment add up to <see cref="Amount"/>. Calculations recorded before the parts were kept have none.
/// </summary>
public sealed record MemberShare(string Name, long Amount, decimal Exact)
{
    public IReadOnlyList<ComponentShare> Components { get; init; } = [];

    public long Adjustment => Components.Count == 0 ? 0 : Amount - Components.Sum(c => c.Amount);
}

/// <summary>One basis's part of a member's share: <paramref name="Amount"/> is <paramref name="Exact"/> rounded down to the yen.</summary>
public sealed record ComponentShare(ShareBasis Basis, long Amount, decimal Exact);

public sealed record YearShares(int FiscalYear, long Total, IReadOnlyList<MemberShare> Shares);

/// <summary>
/// 費用分担 arithmetic. Pure: the same inputs always give the same yen, and the shares of a year
/// always add up to that year's total exactly.
/// </summary>
public static class CostShareCalculator
{
    /// <summary>Divides <paramref name="total"/> yen among the participants by the formula; <paramref name="activeFraction"/> scales each member (part-year membership).</summary>
    public static IReadOnlyList<MemberShare> Allocate(long total, CostShareFormula formula, IReadOnlyList<Participant> participants,
        string representative, IReadOnlyList<decimal>? activeFraction = null)
    {
        if (participants.Count == 0) throw new ArgumentException("構成団体がありません。", nameof(participants));
        if (total < 0) throw new ArgumentOutOfRangeException(nameof(total), "総額は0円以上です。");
        var ratioSum = formula.Components.Sum(c => c.Ratio);
        if (ratioSum <= 0) throw new ArgumentException("配分比率の合計が0です。", nameof(formula));
        var fraction = activeFraction ?? participants.Select(_ => 1m).ToList();

        var exact = new decimal[participants.Count];
        var parts = participants.Select(_ => new List<ComponentShare>()).ToArray();
        foreach (var component in formula.Components.Where(c => c.Ratio > 0))
        {
            var weights = participants.Select((p, i) => fraction[i] * component.Basis switch
            {
                ShareBasis.Equal => 1m,
                ShareBasis.Population => p.Population,
                ShareBasis.DiminishingPopulation => (decimal)Math.Pow(p.Population, formula.PopulationExponent),
                ShareBasis.Usage => p.Usage,
                _ => throw new ArgumentOutOfRangeException(nameof(formula)),
            }).ToArray();
            var weightSum = weights.Sum();
            if (weightSum == 0) throw new ArgumentException($"{component.Basis} の算定基礎がすべて0です。", nameof(participants));
            var part = total * component.Ratio / ratioSum;
            for (var i = 0; i < weights.Length; i++)
            {
                var share = part * weights[i] / weightSum;
                exact[i] += share;
                parts[i].Add(new ComponentShare(component.Basis, (long)decimal.Floor(share), share));
            }
        }

        var amounts = exact.Select(e => (long)decimal.Floor(e)).ToArray();
        var remainder = total - amounts.Sum(); // 0 <= remainder < number of members
        var order = RemainderOrder(formula.Remainder, exact, participants, representative, fraction).ToList();
        if (formula.Remainder == RemainderRule.LargestRemainder)
        {
            foreach (var index in order.Take((int)remainder)) amounts[index]++;
        }
        else
        {
            amounts[order[0]] += remainder;
        }
        return participants.Select((p, i) => new MemberShare(p.Name, amounts[i], exact[i]) { Components = parts[i] }).ToList();
    }

    private static IEnumerable<int> RemainderOrder(RemainderRule rule, decimal[] exact, IReadOnlyList<Participant> participants, string representative, IReadOnlyList<decimal> fraction)
    {
        var active = Enumerable.Range(0, participants.Count).Where(i => fraction[i] > 0).ToList();
        return rule switch
        {
            // Ties go to the member listed first, so the result never depends on sort stability.
            RemainderRule.LargestRemainder => active.OrderByDescending(i => exact[i] - decimal.Floor(exact[i])).ThenBy(i => i),
            RemainderRule.Representative => active.Where(i => participants[i].Name == representative).DefaultIfEmpty(active.First()).Take(1),
            RemainderRule.LargestPopulation => active.OrderByDescending(i => participants[i].Population).ThenBy(i => i).Take(1),
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
    }

    /// <summary>
    /// Year by year (年度: April to March) over the contract term, with members joining or leaving
    /// part-way. A joiner pays from the month it joins; a leaver pays the full year unless <paramref name="leaving"/> says pro rata.
    /// </summary>
    public static IReadOnlyList<YearShares> Schedule(IReadOnlyList<(int FiscalYear, long Total)> years, CostShareFormula formula,
        IReadOnlyList<Participant> participants, string representative, LeavingRule leaving = LeavingRule.FullYear)
    {
        var result = new List<YearShares>();
        foreach (var (fiscalYear, total) in years)
        {
            var fractions = participants.Select(p => ActiveFraction(p, fiscalYear, leaving)).ToList();
            var present = participants.Where((_, i) => fractions[i] > 0).ToList();
            var presentFractions = fractions.Where(f => f > 0).ToList();
            var shares = Allocate(total, formula, present, representative, presentFractions);
            result.Add(new YearShares(fiscalYear, total, shares));
        }
        return result;
    }

    /// <summary>The part of fiscal year <paramref name="fiscalYear"/> (April 1 to March 31) a member takes part in, counted in whole months.</summary>
    public static decimal ActiveFraction(Participant p, int fiscalYear, LeavingRule leaving)
    {
        var start = new DateOnly(fiscalYear, 4, 1);
        var end = new DateOnly(fiscalYear + 1, 3, 31);
        if (p.JoinedOn is { } joined && joined > end) return 0;
        if (p.LeftOn is { } left && left < start) return 0;

        var fromMonth = p.JoinedOn is { } j && j > start ? MonthIndex(j, fiscalYear) : 0;
        var toMonth = 12;
        if (p.LeftOn is { } l && l <= end && leaving == LeavingRule.ProRata) toMonth = MonthIndex(l, fiscalYear) + 1;
        return Math.Max(0, toMonth - fromMonth) / 12m;
    }

    private static int MonthIndex(DateOnly date, int fiscalYear) => (date.Year - fiscalYear) * 12 + date.Month - 4;
}
