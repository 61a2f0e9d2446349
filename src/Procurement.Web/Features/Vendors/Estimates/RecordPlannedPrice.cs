using FluentValidation.Results;

namespace Procurement.Features.Vendors.Estimates;

/// <summary>
/// Records the 予定価格 with its basis and reason. With a basis taken from the estimates the amount
/// may be left empty and is computed from the estimate totals at the moment of recording.
/// </summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record RecordPlannedPriceCommand(Guid CaseId, long? Amount, PlannedPriceBasis? Basis, string Reason) : ICommand<long>, ICaseRequest;

public sealed class RecordPlannedPriceValidator : AbstractValidator<RecordPlannedPriceCommand>
{
    public RecordPlannedPriceValidator(UiText t)
    {
        RuleFor(c => c.Basis).NotNull().WithMessage(t["予定価格の根拠を選択してください。"]).IsInEnum().WithMessage(t["予定価格の根拠を選択してください。"]);
        RuleFor(c => c.Amount).NotNull().When(c => c.Basis == PlannedPriceBasis.Other).WithMessage(t["根拠が「その他」のときは予定価格を入力してください。"]);
        RuleFor(c => c.Amount).Must(a => a is null || (a > 0 && a <= VendorRules.MaxAmount)).WithMessage(t["予定価格は1円以上1兆円以下で入力してください。"]);
        RuleFor(c => c.Reason).Required(t, "理由", 2000);
    }
}

public static class RecordPlannedPriceDecision
{
    public static long? Amount(RecordPlannedPriceCommand c, EstimateComparison comparison) => c.Amount ?? comparison.Suggest(c.Basis!.Value);
}

public sealed class RecordPlannedPriceHandler(CaseVendorsWriter writer, UiText t) : ICommandHandler<RecordPlannedPriceCommand, long>
{
    public async ValueTask<long> Handle(RecordPlannedPriceCommand command, CancellationToken cancellationToken)
    {
        var open = await writer.OpenAsync(command.CaseId, cancellationToken);
        var amount = RecordPlannedPriceDecision.Amount(command, new EstimateComparison(open.State.Vendors))
            ?? throw new ValidationException([new ValidationFailure(nameof(command.Amount), t["見積がまだないため、予定価格を入力してください。"])]);
        open.Stream.AppendOne(new PlannedPriceRecorded(command.CaseId, amount, command.Basis!.Value, VendorRules.Clean(command.Reason), open.By, open.Now));
        await writer.SaveAsync(cancellationToken);
        return amount;
    }
}
