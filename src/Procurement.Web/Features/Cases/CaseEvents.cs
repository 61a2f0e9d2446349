namespace Procurement.Features.Cases;

/// <summary>クラウドの形態.</summary>
public enum CloudForm
{
    SaaS,
    PaaS,
    IaaS,
}

/// <remarks><paramref name="Procedure"/> is null in cases opened before the procedure was a choice: they read as the default.</remarks>
public sealed record CaseOpened(
    Guid CaseId, Guid GroupId, string Title, IReadOnlyList<string> TargetBusinesses, CloudForm CloudForm,
    DateOnly PlannedGoLive, long BudgetCeiling, Actor By, DateTimeOffset At, ProcurementProcedure? Procedure = null) : IAuditedEvent;

/// <remarks><paramref name="Procedure"/> null: the procedure did not change (older records).</remarks>
public sealed record CaseDetailsChanged(
    Guid CaseId, string Title, IReadOnlyList<string> TargetBusinesses, CloudForm CloudForm,
    DateOnly PlannedGoLive, long BudgetCeiling, Actor By, DateTimeOffset At, ProcurementProcedure? Procedure = null) : IAuditedEvent;
