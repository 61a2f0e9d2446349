namespace Procurement.Features.Documents;

// The Phase1–2 planning sections of the 導入計画 (current systems, fit & gap, cost share). The survey, fit & gap and
// cost-sharing features fill them through their IDocumentSectionSource; null until the case holds the data.
// Dates are ISO and yen plain numbers, as elsewhere in the model; rates are already formatted ("12.5%") because the
// templates have no percent helper and the pages show the same one-decimal figure.

/// <summary>現行システム概要調査: the systems per 業務, each member's contract expiries, and the lease warnings.</summary>
public sealed record CurrentSystemsInfo(
    IReadOnlyList<SurveyedBusiness> Businesses, IReadOnlyList<SurveyedMember> Members, IReadOnlyList<LeaseWarning> Warnings, long TotalAnnualCost);

public sealed record SurveyedBusiness(string Name, IReadOnlyList<SurveyedSystem> Systems);

/// <summary><paramref name="AnnualCost"/>: 導入費用 and 運用保守費用 per year together.</summary>
public sealed record SurveyedSystem(
    string Municipality, string Package, string Vendor, string ContractForm, string ContractStart, string ContractExpiry, long AnnualCost);

/// <summary>Every group member, surveyed or not: <paramref name="Systems"/> is 0 and the expiries null when nothing was recorded.</summary>
public sealed record SurveyedMember(string Name, int Systems, string? EarliestExpiry, string? LatestExpiry);

/// <summary>
/// A contract that ends before the planned go-live or long after it: <paramref name="Timing"/> is <c>ends_before_go_live</c> or
/// <c>ends_long_after_go_live</c>, <paramref name="Warning"/> the survey page's text.
/// </summary>
public sealed record LeaseWarning(string Municipality, string Business, string ContractExpiry, string Timing, string Warning);

/// <summary>
/// フィット&amp;ギャップ summary. <paramref name="Trend"/> is <c>down</c>, <c>up</c> or <c>flat</c> (latest rate against the
/// first day's), <c>none</c> before any decision; <paramref name="TrendPoints"/> is the rate at the end of each day decisions were made.
/// </summary>
public sealed record FitGapInfo(
    string PackageName, int Functions, int Assessed, int Fits, int ChangeWork, int Workaround, int Customised,
    string CustomisationRate, string? FirstRate, string Trend, IReadOnlyList<FitGapTrendPoint> TrendPoints, IReadOnlyList<RegulationToAmend> Regulations);

public sealed record FitGapTrendPoint(string Date, int Assessed, int Customised, string Rate);

/// <summary>A 条例・規則 to amend and the functions (joined with 、) whose decisions need it.</summary>
public sealed record RegulationToAmend(string Name, string Functions);

/// <summary>
/// The latest recorded 費用分担 calculation. <paramref name="Remainder"/> is <c>largest_remainder</c>, <c>representative</c> or
/// <c>largest_population</c> and <paramref name="RemainderMember"/> the member who takes the yen left over (null for the
/// first rule); <paramref name="Leaving"/> is <c>full_year</c> or <c>pro_rata</c>. <paramref name="PopulationDate"/> is the
/// group's 住民基本台帳人口 reference date when all its members share one, else null. Every member's
/// <paramref name="CostShareMemberInfo.Amounts"/> has one entry per year (null: not a member that year); the amounts of a
/// year add up to its total, and the members' totals to <paramref name="Total"/>.
/// </summary>
public sealed record CostShareInfo(
    string Title, string Formula, IReadOnlyList<CostShareComponentInfo> Components, string Remainder, string? RemainderMember,
    string Leaving, string Representative, string? PopulationDate, string CalculatedOn, string CalculatedBy, int Calculations,
    IReadOnlyList<CostShareYearInfo> Years, IReadOnlyList<CostShareMemberInfo> Members, long Total)
{
    /// <summary>Per year, each member's share split by basis (均等割, 人口割 …) and the remainder adjustment; empty for calculations recorded before the parts were kept.</summary>
    public IReadOnlyList<CostShareBreakdownInfo> Breakdown { get; init; } = [];
}

/// <summary>
/// One year's shares by basis: <paramref name="Bases"/> names the columns (均等割, 人口割 …); each row's parts are in that
/// order, rounded down to the yen, and its adjustment is what the remainder rule added, so parts + adjustment = amount.
/// </summary>
public sealed record CostShareBreakdownInfo(int FiscalYear, string Start, IReadOnlyList<string> Bases, IReadOnlyList<CostShareBreakdownRow> Rows,
    IReadOnlyList<long> BasisTotals, long AdjustmentTotal, long Total);

public sealed record CostShareBreakdownRow(string Name, IReadOnlyList<long> Parts, long Adjustment, long Amount);

/// <summary><paramref name="Basis"/>: equal, population, diminishing_population or usage; <paramref name="Name"/> 均等割 …; <paramref name="Percent"/> "20%".</summary>
public sealed record CostShareComponentInfo(string Basis, string Name, string Percent);

/// <summary><paramref name="Start"/>: April 1 of the fiscal year (ISO), so templates print it with nendo.</summary>
public sealed record CostShareYearInfo(int FiscalYear, string Start, long Total);

public sealed record CostShareMemberInfo(string Name, long Population, string? JoinedOn, string? LeftOn, IReadOnlyList<long?> Amounts, long Total);
