using Procurement.Features.Evaluation;

namespace Procurement.Features.Vendors.Estimates;

public sealed record EstimateColumn(Guid VendorId, string CompanyName, Estimate Estimate);

/// <summary>One cost line across vendors, with its spread. The median of an even count is the mean of the middle two.</summary>
public sealed record EstimateRow(string Label, IReadOnlyList<long> Values, long Min, decimal Median, long Max);

/// <summary>Vendors side by side (a column each), one row per cost line, with minimum, median and maximum.</summary>
public sealed class EstimateComparison
{
    public const string Initial = "導入費用";
    public const string Monthly = "運用費用（月額）";
    public const string Term = "運用費用（契約期間総額）";
    public const string Total = "総額（導入＋運用期間）";

    public IReadOnlyList<EstimateColumn> Columns { get; }
    public IReadOnlyList<EstimateRow> Rows { get; }

    public EstimateComparison(IEnumerable<CaseVendor> vendors)
    {
        Columns = vendors.Where(v => v.Estimate is not null)
            .Select(v => new EstimateColumn(v.VendorId, v.CompanyName, v.Estimate!))
            .ToList();
        Rows = Columns.Count == 0 ? [] :
        [
            Row(Initial, e => e.InitialCost),
            Row(Monthly, e => e.MonthlyOperatingCost),
            Row(Term, e => e.OperatingCostForTerm),
            Row(Total, e => e.Total),
        ];
    }

    public EstimateRow? Find(string label) => Rows.FirstOrDefault(r => r.Label == label);

    private EstimateRow Row(string label, Func<Estimate, long> pick)
    {
        var values = Columns.Select(c => pick(c.Estimate)).ToList();
        return new EstimateRow(label, values, values.Min(), Median(values), values.Max());
    }

    public static decimal Median(IReadOnlyCollection<long> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + (decimal)sorted[mid]) / 2;
    }

    /// <summary>The 予定価格 a basis suggests from the totals: whole yen, fractions truncated (切捨て) as municipal rules do.</summary>
    public long? Suggest(ReservePriceSource basis)
    {
        if (Find(Total) is not { } total) return null;
        return basis switch
        {
            ReservePriceSource.LowestEstimate => total.Min,
            ReservePriceSource.MedianEstimate => (long)decimal.Truncate(total.Median),
            ReservePriceSource.AverageEstimate => (long)decimal.Truncate(total.Values.Sum(v => (decimal)v) / total.Values.Count),
            _ => null,
        };
    }
}
