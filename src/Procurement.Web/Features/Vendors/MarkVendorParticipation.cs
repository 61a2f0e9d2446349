namespace Procurement.Features.Vendors;

/// <summary>RFI送付 and 参加 flags of a vendor in the case.</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record MarkVendorParticipationCommand(Guid CaseId, Guid VendorId, bool RfiSent, bool TookPart) : ICommand, ICaseRequest;

public sealed class MarkVendorParticipationHandler(CaseVendorsWriter writer) : ICommandHandler<MarkVendorParticipationCommand>
{
    public async ValueTask<Unit> Handle(MarkVendorParticipationCommand command, CancellationToken cancellationToken)
    {
        var open = await writer.OpenAsync(command.CaseId, cancellationToken);
        var vendor = writer.RequireVendor(open.State, command.VendorId);
        if (vendor.RfiSent == command.RfiSent && vendor.TookPart == command.TookPart) return Unit.Value; // no change, no event

        open.Stream.AppendOne(new VendorParticipationMarked(command.CaseId, vendor.VendorId, vendor.CompanyName, command.RfiSent, command.TookPart, open.By, open.Now));
        await writer.SaveAsync(cancellationToken);
        return Unit.Value;
    }
}
