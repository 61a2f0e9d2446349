namespace Procurement.Features.Vendors;

/// <summary>
/// One stream per vendor in a group's directory, so a vendor registered for one case can be picked
/// for the group's next case without typing it again.
/// </summary>
public sealed record VendorRegistered(
    Guid VendorId, Guid GroupId, string CompanyName, string CorporateNumber, string Address,
    string ContactPerson, string Email, Actor By, DateTimeOffset At) : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t.Format("事業者台帳に{0}を登録しました", CompanyName);
}
