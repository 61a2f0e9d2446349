using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Procurement.Features.CostSharing;

/// <summary>The latest recorded cost share of a case, as the 導入計画 shows it.</summary>
public sealed class CostSharePlan
{
    public Guid Id { get; set; }
    public CostShareCalculated? Latest { get; set; }
    public int Calculations { get; set; }
    /// <summary>The case stream version of the latest calculation: the record a recalculation replaces.</summary>
    public long Version { get; set; }
}

public sealed class CostSharePlanProjection : SingleStreamProjection<CostSharePlan, Guid>
{
    public CostSharePlanProjection()
    {
        // Lives in the case stream, but only this event concerns it.
        IncludeType<CostShareCalculated>();
    }

    public static CostSharePlan Create(IEvent<CostShareCalculated> e) => new() { Id = e.Data.CaseId, Latest = e.Data, Calculations = 1, Version = e.Version };

    public static void Apply(IEvent<CostShareCalculated> e, CostSharePlan plan)
    {
        plan.Latest = e.Data;
        plan.Calculations++;
        plan.Version = e.Version;
    }
}
