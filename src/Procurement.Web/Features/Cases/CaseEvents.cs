using Procurement.Infrastructure.Events;

namespace Procurement.Features.Cases;

/// <summary>クラウドの形態.</summary>
public enum CloudForm
{
    SaaS,
    PaaS,
    IaaS,
}

public sealed record CaseOpened(
    Guid CaseId, Guid GroupId, string Title, IReadOnlyList<string> TargetBusinesses, CloudForm CloudForm,
    DateOnly PlannedGoLive, long BudgetCeiling, Actor By, DateTimeOffset At) : IAuditedEvent;

public sealed record CaseDetailsChanged(
    Guid CaseId, string Title, IReadOnlyList<string> TargetBusinesses, CloudForm CloudForm,
    DateOnly PlannedGoLive, long BudgetCeiling, Actor By, DateTimeOffset At) : IAuditedEvent;
