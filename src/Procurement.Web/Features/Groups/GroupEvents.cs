using Procurement.Features.Documents;

namespace Procurement.Features.Groups;

/// <summary>組織形態 of a 共同調達グループ (seed Phase1 推進体制).</summary>
public enum OrganisationForm
{
    WideAreaUnion,        // 広域連合
    PartialAffairsUnion,  // 一部事務組合
    Council,              // 協議会
    DelegatedAffairs,     // 事務委託
    EachMemberContracts,  // 各団体契約: the members procure together but each signs its own contract
}

public static class OrganisationForms
{
    public static string DisplayName(OrganisationForm form) => form switch
    {
        OrganisationForm.WideAreaUnion => "広域連合",
        OrganisationForm.PartialAffairsUnion => "一部事務組合",
        OrganisationForm.Council => "協議会",
        OrganisationForm.DelegatedAffairs => "事務委託",
        OrganisationForm.EachMemberContracts => "各団体契約",
        _ => form.ToString(),
    };
}

/// <summary>A member 市町村 with its 住民基本台帳人口 at a reference date.</summary>
public sealed record MemberMunicipality(string Name, int Population, DateOnly PopulationDate);

public sealed record GroupCreated(
    Guid GroupId, string Name, OrganisationForm Form, IReadOnlyList<MemberMunicipality> Members,
    string Representative, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t.Format("グループ「{0}」を作成しました", Name);
    public string? TimelineDetail(UiText t) => t.Format("構成団体: {0}", string.Join(t.Comma, Members.Select(m => m.Name)));
}

public sealed record UserAddedToGroup(Guid GroupId, Guid UserId, string UserName, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t.Format("{0}さんをグループに加えました", UserName);
}

public sealed record UserRemovedFromGroup(Guid GroupId, Guid UserId, string UserName, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t.Format("{0}さんをグループから外しました", UserName);
}

/// <summary>How the group's generated documents write dates (和暦 only, or with the Western year in brackets).</summary>
public sealed record GroupDocumentSettingsChanged(Guid GroupId, DateStyle DateStyle, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["文書の日付の書き方を変更しました"];
}
