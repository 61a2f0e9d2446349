using Marten.Events.Aggregation;

namespace Procurement.Features.SlaOperation;

public sealed record RecordedPeriod(DateOnly PeriodStart, int Months, IReadOnlyList<ItemMeasurement> Results,
    Guid? ReportFileId, string? ReportFileName, string? ReportSha256, string By, DateTimeOffset At);

/// <summary>All SLA measurements and payments of a case in operation.</summary>
public sealed class SlaOperationView
{
    public Guid Id { get; set; }
    public List<RecordedPeriod> Periods { get; set; } = [];
    public Dictionary<int, long> AnnualPayments { get; set; } = [];
}

public sealed class SlaOperationViewProjection : SingleStreamProjection<SlaOperationView, Guid>
{
    public static SlaOperationView Create(SlaMeasurementsRecorded e) => Apply(e, new SlaOperationView { Id = e.CaseId });

    public static SlaOperationView Create(SlaAnnualPaymentSet e) => Apply(e, new SlaOperationView { Id = e.CaseId });

    public static SlaOperationView Apply(SlaMeasurementsRecorded e, SlaOperationView view)
    {
        view.Periods.Add(new RecordedPeriod(e.PeriodStart, e.Months, e.Results, e.ReportFileId, e.ReportFileName, e.ReportSha256, e.By.Name, e.At));
        return view;
    }

    public static SlaOperationView Apply(SlaAnnualPaymentSet e, SlaOperationView view)
    {
        view.AnnualPayments[e.FiscalYear] = e.AnnualPayment;
        return view;
    }
}
