using Marten.Events.Aggregation;

namespace Procurement.Features.CostSharing;

/// <summary>The latest recorded cost share of a case, as the 導入計画 shows it.</summary>
public sealed class CostSharePlan
{
    public Guid Id { get; set; }
    public CostShareCalculated? Latest { get; set; }
    public int Calculations { get; set; }
}

public sealed class CostSharePlanProjection : SingleStreamProjection<CostSharePlan, Guid>
{
    public CostSharePlanProjection()
    {
        // Lives in the case stream, but only this event concerns it.
        IncludeType<CostShareCalculated>();
    }

    public static CostSharePlan Create(CostShareCalculated e) => new() { Id = e.CaseId, Latest = e, Calculations = 1 };

    public static void Apply(CostShareCalculated e, CostSharePlan plan)
    {
        plan.Latest = e;
        plan.Calculations++;
    }
}
