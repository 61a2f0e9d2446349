namespace Procurement.Features.Vendors;

/// <summary>RFI送付 and 参加 flags of a vendor in the case.</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record MarkVendorParticipationCommand(Guid CaseId, Guid VendorId, bool RfiSent, bool TookPart) : ICommand, ICaseRequest;

public static class MarkVendorParticipationDecision
{
    public static Decision Decide(CaseVendors state, MarkVendorParticipationCommand c, Actor by, DateTimeOffset at)
    {
        if (state.Vendor(c.VendorId) is not { } vendor) return Decision.Refuse("この案件に登録されていない事業者です。");
        if (vendor.RfiSent == c.RfiSent && vendor.TookPart == c.TookPart) return Decision.Nothing;
        return Decision.Append(new VendorParticipationMarked(c.CaseId, vendor.VendorId, vendor.CompanyName, c.RfiSent, c.TookPart, by, at));
    }
}

public sealed class MarkVendorParticipationHandler(CaseVendorsWriter writer) : ICommandHandler<MarkVendorParticipationCommand>
{
    public async ValueTask<Unit> Handle(MarkVendorParticipationCommand command, CancellationToken cancellationToken)
    {
        var open = await writer.OpenAsync(command.CaseId, cancellationToken);
        await writer.WriteAsync(open, MarkVendorParticipationDecision.Decide(open.State, command, open.By, open.Now), cancellationToken);
        return Unit.Value;
    }
}
