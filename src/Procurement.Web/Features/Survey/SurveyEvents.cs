using Procurement.Features.Catalog;

namespace Procurement.Features.Survey;

/// <summary>契約形態 of a current system.</summary>
public enum ContractForm
{
    Lease,        // リース
    Purchase,     // 買取
    Outsourcing,  // 委託（ASP・SaaS 等）
    Other,
}

public static class ContractForms
{
    public static string DisplayName(ContractForm form) => form switch
    {
        ContractForm.Lease => "リース",
        ContractForm.Purchase => "買取",
        ContractForm.Outsourcing => "委託・SaaS",
        _ => "その他",
    };

    public static ContractForm? Parse(string? text) => text?.Trim() switch
    {
        "リース" or "Lease" => ContractForm.Lease,
        "買取" or "Purchase" => ContractForm.Purchase,
        "委託・SaaS" or "委託" or "SaaS" or "Outsourcing" => ContractForm.Outsourcing,
        "その他" or "Other" => ContractForm.Other,
        _ => null,
    };
}

/// <summary>One row of the 現行システム概要調査 (seed Phase1): a member's current system for one 業務.</summary>
public sealed record CurrentSystem(
    Guid EntryId, string Municipality, string Business, string PackageName, string Vendor, ContractForm ContractForm,
    DateOnly ContractStart, DateOnly ContractExpiry, long InitialCostPerYear, long OperationCostPerYear,
    decimal OperationStaff, string Network, string Issues, string PlannedChanges);

public sealed record CurrentSystemsRecorded(Guid CaseId, IReadOnlyList<CurrentSystem> Systems, string Source, Actor By, DateTimeOffset At)
    : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["現行システム概要調査を登録しました"];

    public string? TimelineDetail(UiText t) =>
        $"{Source} ／ {string.Join("、", Systems.Select(s => $"{s.Municipality} {(BusinessCatalog.Find(s.Business)?.Name ?? s.Business)}"))}";
}

public sealed record CurrentSystemRemoved(Guid CaseId, Guid EntryId, string Municipality, string Business, Actor By, DateTimeOffset At)
    : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["現行システム概要調査の行を削除しました"];

    public string? TimelineDetail(UiText t) => $"{Municipality} {BusinessCatalog.Find(Business)?.Name ?? Business}";
}
