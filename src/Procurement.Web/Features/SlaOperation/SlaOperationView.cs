using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Procurement.Features.SlaOperation;

public sealed record RecordedPeriod(DateOnly PeriodStart, int Months, IReadOnlyList<ItemMeasurement> Results,
    Guid? ReportFileId, string? ReportFileName, string? ReportSha256, string By, DateTimeOffset At)
{
    /// <summary>The raw records of a period measured from them (empty for measurements typed by hand before).</summary>
    public IReadOnlyList<MaintenanceWindow> Maintenance { get; init; } = [];
    public IReadOnlyList<OutageRecord> Outages { get; init; } = [];
    public IReadOnlyList<ItemInput> Inputs { get; init; } = [];
    public PeriodFigures? Figures { get; init; }
    /// <summary>「画面入力」 or the name of the imported report.</summary>
    public string? Source { get; init; }
}

/// <summary>All SLA measurements and payments of a case in operation.</summary>
public sealed class SlaOperationView
{
    public Guid Id { get; set; }
    public List<RecordedPeriod> Periods { get; set; } = [];
    public Dictionary<int, long> AnnualPayments { get; set; } = [];
    /// <summary>The case stream version of the last SLA event: what a form loaded now carries.</summary>
    public long Version { get; set; }
    /// <summary>Per month ("yyyy-MM"): the stream version of the last measurements covering it. Each month is its own record.</summary>
    public Dictionary<string, long> MonthVersions { get; set; } = [];
    /// <summary>Per fiscal year: the stream version of its last annual payment.</summary>
    public Dictionary<int, long> PaymentVersions { get; set; } = [];

    public static string MonthKey(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>When any month of the period starting at <paramref name="start"/> was last recorded (0: never).</summary>
    public long PeriodWrittenAt(DateOnly start, int months) =>
        Enumerable.Range(0, Math.Max(months, 1)).Select(i => MonthVersions.GetValueOrDefault(MonthKey(start.AddMonths(i)))).Max();
}

public sealed class SlaOperationViewProjection : SingleStreamProjection<SlaOperationView, Guid>
{
    public static SlaOperationView Create(IEvent<SlaMeasurementsRecorded> e) => Apply(e, new SlaOperationView { Id = e.Data.CaseId });

    public static SlaOperationView Create(IEvent<SlaAnnualPaymentSet> e) => Apply(e, new SlaOperationView { Id = e.Data.CaseId });

    public static SlaOperationView Apply(IEvent<SlaMeasurementsRecorded> @event, SlaOperationView view)
    {
        var e = @event.Data;
        view.Periods.Add(new RecordedPeriod(e.PeriodStart, e.Months, e.Results, e.ReportFileId, e.ReportFileName, e.ReportSha256, e.By.Name, e.At)
        {
            Maintenance = e.Maintenance, Outages = e.Outages, Inputs = e.Inputs, Figures = e.Figures, Source = e.Source,
        });
        for (var i = 0; i < Math.Max(e.Months, 1); i++) view.MonthVersions[SlaOperationView.MonthKey(e.PeriodStart.AddMonths(i))] = @event.Version;
        return view;
    }

    public static SlaOperationView Apply(IEvent<SlaAnnualPaymentSet> @event, SlaOperationView view)
    {
        view.AnnualPayments[@event.Data.FiscalYear] = @event.Data.AnnualPayment;
        view.PaymentVersions[@event.Data.FiscalYear] = @event.Version;
        return view;
    }
}
