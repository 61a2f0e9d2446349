namespace Procurement.Features.Evaluation.Prices;

/// <summary>
/// The officer enters a vendor's 入札価格 into the price envelope. Members cannot read it before technical scoring
/// closes (EvaluationQueries); a bid above the 予定価格 is kept as entered and judged invalid by the engine.
/// </summary>
[Access(Roles.Officer)]
public sealed record RecordBidPrice(Guid CaseId, Guid VendorId, decimal Amount) : ICommand<long>, ICaseRequest;

public sealed class RecordBidPriceValidator : AbstractValidator<RecordBidPrice>
{
    public RecordBidPriceValidator() => RuleFor(c => c.Amount).GreaterThan(0).WithMessage("入札価格は0より大きい金額で入力してください。");
}

public sealed class RecordBidPriceHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordBidPrice, long>
{
    public static Decision Decide(EvaluationView state, RecordBidPrice c, Actor by, DateTimeOffset at)
    {
        if (state.Vendors.All(v => v.VendorId != c.VendorId)) return Decision.Refuse("評価対象ではない事業者です。");
        return state.Bids.TryGetValue(c.VendorId, out var bid) && bid == c.Amount ? Decision.Nothing : Decision.Append(new BidPriceRecorded(c.CaseId, c.VendorId, c.Amount, by, at));
    }

    public async ValueTask<long> Handle(RecordBidPrice c, CancellationToken ct)
    {
        return await EvaluationGate.AppendAsync(session, c.CaseId, state => Decide(state, c, user.Actor, clock.GetUtcNow()), ct);
    }
}
