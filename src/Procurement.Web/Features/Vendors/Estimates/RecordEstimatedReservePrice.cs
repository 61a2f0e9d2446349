using FluentValidation.Results;
using Procurement.Features.Evaluation;

namespace Procurement.Features.Vendors.Estimates;

/// <summary>
/// Records the 予定価格 from the estimate comparison, with the estimate figure it was taken from and the reason. With a
/// figure taken from the estimates the amount may be left empty and is computed from the estimate totals at the moment of
/// recording. It is the same record the evaluation's price page writes (<see cref="ReservePriceRecorded"/>).
/// </summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record RecordEstimatedReservePriceCommand(Guid CaseId, long? Amount, ReservePriceSource? Source, string Reason) : ICommand<long>, ICaseRequest;

public sealed class RecordEstimatedReservePriceValidator : AbstractValidator<RecordEstimatedReservePriceCommand>
{
    public RecordEstimatedReservePriceValidator(UiText t)
    {
        RuleFor(c => c.Source).NotNull().WithMessage(t["予定価格の根拠を選択してください。"]).IsInEnum().WithMessage(t["予定価格の根拠を選択してください。"]);
        RuleFor(c => c.Amount).NotNull().When(c => c.Source == ReservePriceSource.Other).WithMessage(t["根拠が「その他」のときは予定価格を入力してください。"]);
        RuleFor(c => c.Amount).Must(a => a is null || (a > 0 && a <= VendorRules.MaxAmount)).WithMessage(t["予定価格は1円以上1兆円以下で入力してください。"]);
        RuleFor(c => c.Reason).Required(t, "理由", 2000);
    }
}

public static class RecordEstimatedReservePriceDecision
{
    public static long? Amount(RecordEstimatedReservePriceCommand c, EstimateComparison comparison) => c.Amount ?? comparison.Suggest(c.Source!.Value);

    /// <summary>Decided on the case's vendors (their estimates); recorded on the evaluation stream.</summary>
    public static Decision Decide(CaseVendors vendors, RecordEstimatedReservePriceCommand c, Actor by, DateTimeOffset at) =>
        Amount(c, new EstimateComparison(vendors.Vendors)) is { } amount
            ? Decision.Append(new ReservePriceRecorded(c.CaseId, amount, VendorRules.Clean(c.Reason), by, at, c.Source!.Value))
            : Decision.Refuse("見積がまだないため、予定価格を入力してください。");
}

public sealed class RecordEstimatedReservePriceHandler(IDocumentSession session, CaseAccess access, ICurrentUser user, TimeProvider clock, UiText t)
    : ICommandHandler<RecordEstimatedReservePriceCommand, long>
{
    public async ValueTask<long> Handle(RecordEstimatedReservePriceCommand command, CancellationToken cancellationToken)
    {
        _ = await access.FindCaseAsync(command.CaseId, cancellationToken) ?? throw new Infrastructure.Validation.DomainRuleException(t["案件が見つかりません。"]);
        var vendors = await session.LoadAsync<CaseVendors>(command.CaseId, cancellationToken) ?? new CaseVendors { Id = command.CaseId };
        var decision = RecordEstimatedReservePriceDecision.Decide(vendors, command, user.Actor, clock.GetUtcNow());
        // The refusal is about the empty 予定価格 field, so it is shown there.
        if (decision.IsRefused) throw new ValidationException([new ValidationFailure(nameof(command.Amount), decision.RefusalText(t))]);
        await EvaluationGate.AppendAsync(session, command.CaseId, _ => decision, cancellationToken);
        return (long)decision.Events.OfType<ReservePriceRecorded>().Single().Amount; // decided from a whole-yen figure
    }
}
