namespace Procurement.Features.Evaluation.Prices;

/// <summary>The officer records the 予定価格 and its basis (e.g. the RFQ estimate comparison) into the price envelope.</summary>
[Access(Roles.Officer)]
public sealed record RecordReservePrice(Guid CaseId, decimal Amount, string Basis) : ICommand<long>, ICaseRequest;

public sealed class RecordReservePriceValidator : AbstractValidator<RecordReservePrice>
{
    public RecordReservePriceValidator()
    {
        RuleFor(c => c.Amount).GreaterThan(0).WithMessage("予定価格は0より大きい金額で入力してください。");
        RuleFor(c => c.Basis).NotEmpty().WithMessage("予定価格の根拠を入力してください。").MaximumLength(2000);
    }
}

public sealed class RecordReservePriceHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordReservePrice, long>
{
    public static Decision Decide(EvaluationView state, RecordReservePrice c, Actor by, DateTimeOffset at) =>
        state.ReservePrice == c.Amount && state.ReservePriceBasis == c.Basis.Trim()
            ? Decision.Nothing
            : Decision.Append(new ReservePriceRecorded(c.CaseId, c.Amount, c.Basis.Trim(), by, at));

    public async ValueTask<long> Handle(RecordReservePrice c, CancellationToken ct)
    {
        return await EvaluationGate.AppendAsync(session, c.CaseId, state => Decide(state, c, user.Actor, clock.GetUtcNow()), ct);
    }
}
