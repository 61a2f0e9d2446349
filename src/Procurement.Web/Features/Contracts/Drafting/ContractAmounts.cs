using Procurement.Features.Documents;
using Procurement.Features.Groups;

namespace Procurement.Features.Contracts.Drafting;

/// <summary>Who signs as 甲: the group's legal form decides (a 任意協議会 has no legal personality and cannot be a party).</summary>
public enum ContractSigning
{
    /// <summary>一部事務組合 / 広域連合: the body itself, a legal person.</summary>
    Group,
    /// <summary>協議会 or 事務委託: the 代表団体 signs under the members' agreement (規約 / 費用負担協定).</summary>
    Representative,
    /// <summary>各団体契約: every member signs its own contract on identical terms, for its share.</summary>
    EachMember,
}

public static class ContractParties
{
    public static ContractSigning For(OrganisationForm form) => form switch
    {
        OrganisationForm.WideAreaUnion or OrganisationForm.PartialAffairsUnion => ContractSigning.Group,
        OrganisationForm.EachMemberContracts => ContractSigning.EachMember,
        _ => ContractSigning.Representative,
    };

    /// <summary>甲 of the one contract (null when each member signs its own).</summary>
    public static string? Kou(GroupView group) => For(group.Form) switch
    {
        ContractSigning.Group => group.Name,
        ContractSigning.Representative => string.IsNullOrWhiteSpace(group.Representative) ? null : group.Representative,
        _ => null,
    };

    /// <summary>The title 甲 signs with: the head of a municipality (高森町長), 広域連合長 or 管理者 of an 一部事務組合.</summary>
    public static string Signer(OrganisationForm form, string kou) => For(form) switch
    {
        ContractSigning.Group => form == OrganisationForm.WideAreaUnion ? "広域連合長" : "管理者",
        _ => kou + "長",
    };
}

/// <summary>One fiscal year of the contract: its months of service and the amount (tax included) paid for them.</summary>
public sealed record ContractYear(int FiscalYear, DateOnly Start, DateOnly End, int Months, long Amount);

/// <summary>The contract amount as a legal office reads it: the bid, the tax on it, the total and how it falls per fiscal year.</summary>
public sealed record ContractAmount(long ExcludingTax, long Tax, int TaxRatePercent, IReadOnlyList<ContractYear> Years, long? Monthly)
{
    public long Total => ExcludingTax + Tax;
}

public static class ContractAmounts
{
    /// <summary>消費税及び地方消費税 (消費税法 7.8% + 地方税法 2.2%): the standard rate on a service contract.</summary>
    public const int StandardTaxRatePercent = 10;

    /// <summary>
    /// Bids are tax-exclusive: the amount is the bid plus the tax (1円未満切捨て). The total is paid in equal monthly parts
    /// over the service months (1円未満切捨て), the remainder with the first month, so the years add up to the total exactly.
    /// </summary>
    public static ContractAmount Compute(long excludingTax, DateOnly? start, DateOnly? end, int taxRatePercent = StandardTaxRatePercent)
    {
        var tax = excludingTax * taxRatePercent / 100;
        var total = excludingTax + tax;
        if (start is not { } s || end is not { } e || e < s) return new(excludingTax, tax, taxRatePercent, [], null);

        var months = new List<DateOnly>();
        for (var m = new DateOnly(s.Year, s.Month, 1); m <= e; m = m.AddMonths(1)) months.Add(m);
        var monthly = total / months.Count;
        var remainder = total - monthly * months.Count;
        var years = months.GroupBy(FiscalYear).Select((g, i) =>
        {
            var first = g.First() < s ? s : g.First();
            var lastMonth = g.Last();
            var last = new DateOnly(lastMonth.Year, lastMonth.Month, DateTime.DaysInMonth(lastMonth.Year, lastMonth.Month));
            if (last > e) last = e;
            return new ContractYear(g.Key, first, last, g.Count(), monthly * g.Count() + (i == 0 ? remainder : 0));
        }).ToList();
        return new(excludingTax, tax, taxRatePercent, years, months.Count > 1 ? monthly : null);
    }

    public static int FiscalYear(DateOnly d) => d.Month >= 4 ? d.Year : d.Year - 1;

    /// <summary>
    /// Splits the bid between the members by their weights (largest remainder, so the parts add up to the bid); each
    /// member's contract then carries its own tax.
    /// </summary>
    public static IReadOnlyList<long> Split(long amount, IReadOnlyList<long> weights)
    {
        var sum = weights.Sum();
        if (sum <= 0) return weights.Select((_, i) => i == 0 ? amount : 0L).ToList();
        var exact = weights.Select(w => (decimal)amount * w / sum).ToList();
        var parts = exact.Select(x => (long)Math.Floor(x)).ToList();
        var left = amount - parts.Sum();
        foreach (var i in Enumerable.Range(0, parts.Count).OrderByDescending(i => exact[i] - parts[i]).ThenBy(i => i).Take((int)left)) parts[i]++;
        return parts;
    }

    public static ContractInfo Describe(ContractInfo info, ContractAmount amount) => info with
    {
        Amount = amount.Total,
        AmountExcludingTax = amount.ExcludingTax,
        Tax = amount.Tax,
        TaxRatePercent = amount.TaxRatePercent,
        MonthlyAmount = amount.Monthly,
        MultiYear = amount.Years.Count > 1,
        FiscalYears = amount.Years.Select(y => new ContractYearInfo(y.FiscalYear, DocumentModel.Iso(y.Start), DocumentModel.Iso(y.End), y.Months, y.Amount)).ToList(),
    };
}
