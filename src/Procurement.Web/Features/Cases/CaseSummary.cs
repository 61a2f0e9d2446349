using Marten.Events.Aggregation;

namespace Procurement.Features.Cases;

/// <summary>The case header every case page shows, and the list on the dashboard.</summary>
public sealed class CaseSummary
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public string Title { get; set; } = "";
    public List<string> TargetBusinesses { get; set; } = [];
    public CloudForm CloudForm { get; set; }
    public DateOnly PlannedGoLive { get; set; }
    public long BudgetCeiling { get; set; }
    /// <summary>調達方式; a case stored before it was recorded reads as the default.</summary>
    public ProcurementProcedure Procedure { get; set; } = ProcurementProcedures.Default;
    public DateTimeOffset OpenedAt { get; set; }
    public string OpenedBy { get; set; } = "";
    public DateTimeOffset LastChangedAt { get; set; }
    public long Version { get; set; }
}

public sealed class CaseSummaryProjection : SingleStreamProjection<CaseSummary, Guid>
{
    public static CaseSummary Create(CaseOpened e) => new()
    {
        Id = e.CaseId,
        GroupId = e.GroupId,
        Title = e.Title,
        TargetBusinesses = [.. e.TargetBusinesses],
        CloudForm = e.CloudForm,
        PlannedGoLive = e.PlannedGoLive,
        BudgetCeiling = e.BudgetCeiling,
        Procedure = e.Procedure ?? ProcurementProcedures.Default,
        OpenedAt = e.At,
        OpenedBy = e.By.Name,
        LastChangedAt = e.At,
    };

    public static void Apply(CaseDetailsChanged e, CaseSummary view)
    {
        view.Title = e.Title;
        view.TargetBusinesses = [.. e.TargetBusinesses];
        view.CloudForm = e.CloudForm;
        view.PlannedGoLive = e.PlannedGoLive;
        view.BudgetCeiling = e.BudgetCeiling;
        if (e.Procedure is { } procedure) view.Procedure = procedure;
        view.LastChangedAt = e.At;
    }
}
