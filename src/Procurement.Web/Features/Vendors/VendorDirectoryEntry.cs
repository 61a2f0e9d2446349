using Marten.Events.Aggregation;

namespace Procurement.Features.Vendors;

/// <summary>A vendor in a group's directory (事業者台帳).</summary>
public sealed class VendorDirectoryEntry
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public string CompanyName { get; set; } = "";
    public string CorporateNumber { get; set; } = "";
    public string Address { get; set; } = "";
    public string ContactPerson { get; set; } = "";
    public string Email { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
    public long Version { get; set; }
}

public sealed class VendorDirectoryProjection : SingleStreamProjection<VendorDirectoryEntry, Guid>
{
    public static VendorDirectoryEntry Create(VendorRegistered e) => new()
    {
        Id = e.VendorId,
        GroupId = e.GroupId,
        CompanyName = e.CompanyName,
        CorporateNumber = e.CorporateNumber,
        Address = e.Address,
        ContactPerson = e.ContactPerson,
        Email = e.Email,
        RegisteredAt = e.At,
    };
}
