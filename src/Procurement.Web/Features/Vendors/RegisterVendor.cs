using FluentValidation.Results;

namespace Procurement.Features.Vendors;

/// <summary>Registers a new vendor in the group's directory and adds it to the case in one save.</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record RegisterVendorCommand(
    Guid CaseId, string CompanyName, string CorporateNumber, string Address, string ContactPerson, string Email) : ICommand<Guid>, ICaseRequest;

public sealed class RegisterVendorValidator : AbstractValidator<RegisterVendorCommand>
{
    public RegisterVendorValidator(UiText t)
    {
        RuleFor(c => c.CompanyName).Required(t, "事業者名", 200);
        RuleFor(c => c.CorporateNumber).NotEmpty().WithMessage(t["法人番号を入力してください。"]).CorporateNumberRule(t);
        RuleFor(c => c.Address).Required(t, "所在地", 300);
        RuleFor(c => c.ContactPerson).Required(t, "担当者", 100);
        RuleFor(c => c.Email).NotEmpty().WithMessage(t["メールアドレスを入力してください。"])
            .MaximumLength(254).EmailAddress().WithMessage(t["メールアドレスの形式が正しくありません。"]);
    }
}

public static class RegisterVendorDecision
{
    /// <summary>
    /// The vendor's registration in the group's directory (its own stream) and its addition to the case. One directory
    /// entry per 法人番号 and group: a second registration (<paramref name="existing"/>) would split the vendor's history.
    /// </summary>
    public static Decision Decide(Guid vendorId, Guid groupId, RegisterVendorCommand c, VendorDirectoryEntry? existing, Actor by, DateTimeOffset at)
    {
        if (existing is not null) return Decision.Refuse("この法人番号の事業者（{0}）は既に事業者台帳にあります。台帳から選んで追加してください。", existing.CompanyName);
        var registered = new VendorRegistered(vendorId, groupId, VendorRules.Clean(c.CompanyName), CorporateNumber.Normalize(c.CorporateNumber),
            VendorRules.Clean(c.Address), VendorRules.Clean(c.ContactPerson), c.Email.Trim(), by, at);
        return Decision.Append(registered, AddVendorFromDirectoryDecision.Added(c.CaseId, ToEntry(registered), by, at));
    }

    private static VendorDirectoryEntry ToEntry(VendorRegistered e) => new()
    {
        Id = e.VendorId, GroupId = e.GroupId, CompanyName = e.CompanyName, CorporateNumber = e.CorporateNumber,
        Address = e.Address, ContactPerson = e.ContactPerson, Email = e.Email,
    };
}

public sealed class RegisterVendorHandler(CaseVendorsWriter writer, UiText t) : ICommandHandler<RegisterVendorCommand, Guid>
{
    public async ValueTask<Guid> Handle(RegisterVendorCommand command, CancellationToken cancellationToken)
    {
        var open = await writer.OpenAsync(command.CaseId, cancellationToken);
        var number = CorporateNumber.Normalize(command.CorporateNumber);
        var groupId = open.Case.GroupId;
        var existing = await writer.Session.Query<VendorDirectoryEntry>()
            .FirstOrDefaultAsync(v => v.GroupId == groupId && v.CorporateNumber == number, cancellationToken);
        var vendorId = Guid.NewGuid();
        var decision = RegisterVendorDecision.Decide(vendorId, groupId, command, existing, open.By, open.Now);
        // The refusal is about the 法人番号 field, so it is shown there.
        if (decision.IsRefused) throw new ValidationException([new ValidationFailure(nameof(command.CorporateNumber), decision.RefusalText(t))]);

        // The directory entry's stream starts with the registration; the case's stream gets the addition.
        writer.Session.Events.StartStream<VendorDirectoryEntry>(vendorId, [.. decision.Events.OfType<VendorRegistered>()]);
        open.Stream.AppendMany(decision.Events.OfType<VendorAddedToCase>());
        try
        {
            await writer.SaveAsync(cancellationToken);
        }
        catch (Exception ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Two officers registering the same company at once: the unique index lets only one in.
            throw new ValidationException([new ValidationFailure(nameof(command.CorporateNumber), t["この法人番号の事業者は、たった今ほかの担当者が登録しました。台帳から選んで追加してください。"])]);
        }
        return vendorId;
    }
}
