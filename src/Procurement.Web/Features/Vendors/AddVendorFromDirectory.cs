namespace Procurement.Features.Vendors;

/// <summary>Adds a vendor the group already knows (from an earlier case) to this case.</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record AddVendorFromDirectoryCommand(Guid CaseId, Guid VendorId) : ICommand<Guid>, ICaseRequest;

public static class AddVendorFromDirectoryDecision
{
    /// <param name="entry">The directory entry the command names (null: none); another group's counts as none.</param>
    public static Decision Decide(CaseVendors state, AddVendorFromDirectoryCommand c, VendorDirectoryEntry? entry, Guid groupId, Actor by, DateTimeOffset at)
    {
        // Another group's vendor is answered like an unknown one: directories are not shared across groups.
        if (entry is null || entry.GroupId != groupId) return Decision.Refuse("事業者台帳に見つかりません。");
        if (state.Vendor(entry.Id) is not null) return Decision.Refuse("この事業者は既にこの案件に登録されています。");
        return Decision.Append(Added(c.CaseId, entry, by, at));
    }

    /// <summary>The case keeps a copy of the vendor's details as they were when it was added.</summary>
    public static VendorAddedToCase Added(Guid caseId, VendorDirectoryEntry v, Actor by, DateTimeOffset at) =>
        new(caseId, v.Id, v.CompanyName, v.CorporateNumber, v.Address, v.ContactPerson, v.Email, by, at);
}

public sealed class AddVendorFromDirectoryHandler(CaseVendorsWriter writer) : ICommandHandler<AddVendorFromDirectoryCommand, Guid>
{
    public async ValueTask<Guid> Handle(AddVendorFromDirectoryCommand command, CancellationToken cancellationToken)
    {
        var open = await writer.OpenAsync(command.CaseId, cancellationToken);
        var entry = await writer.Session.LoadAsync<VendorDirectoryEntry>(command.VendorId, cancellationToken);
        await writer.WriteAsync(open, AddVendorFromDirectoryDecision.Decide(open.State, command, entry, open.Case.GroupId, open.By, open.Now), cancellationToken);
        return command.VendorId;
    }
}
