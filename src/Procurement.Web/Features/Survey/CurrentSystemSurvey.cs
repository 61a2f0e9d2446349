using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Procurement.Features.Survey;

/// <summary>The survey of a case: every member's current systems, and the group view built from them.</summary>
public sealed class CurrentSystemSurvey
{
    public Guid Id { get; set; }
    public List<CurrentSystem> Systems { get; set; } = [];
    /// <summary>The case stream version of the survey's last event: what a form loaded now carries.</summary>
    public long Version { get; set; }
    /// <summary>Per row (municipality and 業務, see <see cref="RowKey"/>): the stream version of its last write or removal.</summary>
    public Dictionary<string, long> RowVersions { get; set; } = [];

    public static string RowKey(string municipality, string business) => $"{municipality}|{business}";

    public long RowWrittenAt(string municipality, string business) => RowVersions.GetValueOrDefault(RowKey(municipality, business));

    public long TotalAnnualCost => Systems.Sum(s => s.InitialCostPerYear + s.OperationCostPerYear);

    public IEnumerable<IGrouping<string, CurrentSystem>> ByBusiness() => Systems.OrderBy(s => s.Municipality, StringComparer.Ordinal).GroupBy(s => s.Business);
}

public sealed class CurrentSystemSurveyProjection : SingleStreamProjection<CurrentSystemSurvey, Guid>
{
    public static CurrentSystemSurvey Create(IEvent<CurrentSystemsRecorded> e) => Apply(e, new CurrentSystemSurvey { Id = e.Data.CaseId });

    /// <summary>A row with the same municipality and 業務 replaces the earlier one: a re-import corrects, it does not duplicate.</summary>
    public static CurrentSystemSurvey Apply(IEvent<CurrentSystemsRecorded> e, CurrentSystemSurvey survey)
    {
        foreach (var system in e.Data.Systems)
        {
            survey.Systems.RemoveAll(s => s.Municipality == system.Municipality && s.Business == system.Business);
            survey.Systems.Add(system);
            survey.RowVersions[CurrentSystemSurvey.RowKey(system.Municipality, system.Business)] = e.Version;
        }
        return survey;
    }

    public static void Apply(IEvent<CurrentSystemRemoved> e, CurrentSystemSurvey survey)
    {
        survey.Systems.RemoveAll(s => s.EntryId == e.Data.EntryId);
        survey.RowVersions[CurrentSystemSurvey.RowKey(e.Data.Municipality, e.Data.Business)] = e.Version;
    }
}

public enum LeaseTiming
{
    Fits,
    EndsBeforeGoLive,
    EndsLongAfterGoLive,
}

/// <summary>Lease expiries against the planned go-live (seed: リース満了 is the usual trigger).</summary>
public static class LeaseCheck
{
    /// <summary>More than this after go-live means paying for two systems: a warning, not a rule.</summary>
    public static readonly int LongAfterMonths = 12;

    public static LeaseTiming Classify(CurrentSystem system, DateOnly goLive) =>
        system.ContractExpiry < goLive.AddDays(-1) ? LeaseTiming.EndsBeforeGoLive
        : system.ContractExpiry > goLive.AddMonths(LongAfterMonths) ? LeaseTiming.EndsLongAfterGoLive
        : LeaseTiming.Fits;

    /// <summary>The warning as the survey page and the 導入計画 word it (Japanese; the page translates it with T).</summary>
    public static string Describe(LeaseTiming timing) => timing switch
    {
        LeaseTiming.EndsBeforeGoLive => "稼働予定日より前に満了します（延長契約が必要です）。",
        LeaseTiming.EndsLongAfterGoLive => "稼働予定日の1年以上後に満了します（二重の費用が生じます）。",
        _ => "",
    };
}
