using Marten.Events.Aggregation;
using Procurement.Features.Documents;

namespace Procurement.Features.Groups;

/// <summary>A group as pages need it, including who belongs to it (the basis of case membership).</summary>
public sealed class GroupView
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public OrganisationForm Form { get; set; }
    public List<MemberMunicipality> Members { get; set; } = [];
    public string Representative { get; set; } = "";
    public List<Guid> UserIds { get; set; } = [];
    /// <summary>Every document the group's cases generate writes dates this way; 和暦 only until an officer changes it.</summary>
    public DateStyle DateStyle { get; set; } = DateStyle.WarekiOnly;
    public DateTimeOffset CreatedAt { get; set; }
    public long Version { get; set; }

    public long TotalPopulation => Members.Sum(m => (long)m.Population);
}

public sealed class GroupViewProjection : SingleStreamProjection<GroupView, Guid>
{
    public static GroupView Create(GroupCreated e) => new()
    {
        Id = e.GroupId,
        Name = e.Name,
        Form = e.Form,
        Members = [.. e.Members],
        Representative = e.Representative,
        CreatedAt = e.At,
    };

    public static void Apply(UserAddedToGroup e, GroupView view)
    {
        if (!view.UserIds.Contains(e.UserId)) view.UserIds.Add(e.UserId);
    }

    public static void Apply(UserRemovedFromGroup e, GroupView view) => view.UserIds.Remove(e.UserId);

    public static void Apply(GroupDocumentSettingsChanged e, GroupView view) => view.DateStyle = e.DateStyle;
}
