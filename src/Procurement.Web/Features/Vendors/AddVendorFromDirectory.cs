namespace Procurement.Features.Vendors;

/// <summary>Adds a vendor the group already knows (from an earlier case) to this case.</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record AddVendorFromDirectoryCommand(Guid CaseId, Guid VendorId) : ICommand<Guid>, ICaseRequest;

public static class AddVendorFromDirectoryDecision
{
    /// <summary>The case keeps a copy of the vendor's details as they were when it was added.</summary>
    public static VendorAddedToCase Decide(Guid caseId, VendorDirectoryEntry v, Actor by, DateTimeOffset at) =>
        new(caseId, v.Id, v.CompanyName, v.CorporateNumber, v.Address, v.ContactPerson, v.Email, by, at);
}

public sealed class AddVendorFromDirectoryHandler(CaseVendorsWriter writer, UiText t) : ICommandHandler<AddVendorFromDirectoryCommand, Guid>
{
    public async ValueTask<Guid> Handle(AddVendorFromDirectoryCommand command, CancellationToken cancellationToken)
    {
        var open = await writer.OpenAsync(command.CaseId, cancellationToken);
        var entry = await writer.Session.LoadAsync<VendorDirectoryEntry>(command.VendorId, cancellationToken);
        // Another group's vendor is answered like an unknown one: directories are not shared across groups.
        if (entry is null || entry.GroupId != open.Case.GroupId) throw new DomainRuleException(t["事業者台帳に見つかりません。"]);
        if (open.State.Vendor(entry.Id) is not null) throw new DomainRuleException(t["この事業者は既にこの案件に登録されています。"]);

        open.Stream.AppendOne(AddVendorFromDirectoryDecision.Decide(command.CaseId, entry, open.By, open.Now));
        await writer.SaveAsync(cancellationToken);
        return entry.Id;
    }
}
