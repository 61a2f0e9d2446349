using Procurement.Features.Evaluation;

namespace Procurement.Features.Vendors.Estimates;

/// <summary>The case's 予定価格 (null when none is recorded): the one record the estimate comparison and price scoring share.</summary>
[Access(Access.Internal)]
public sealed record GetReservePrice(Guid CaseId) : IQuery<ReservePriceResult?>, ICaseRequest;

/// <param name="Basis">The reason in words.</param>
/// <param name="Source">The estimate figure it was taken from; null when recorded on the evaluation's price page.</param>
public sealed record ReservePriceResult(Guid CaseId, decimal Amount, string Basis, ReservePriceSource? Source, string RecordedBy, DateTimeOffset? RecordedAt);

/// <summary>Answers only for cases of the caller's group, like every case page.</summary>
public sealed class GetReservePriceHandler(IQuerySession session) : IQueryHandler<GetReservePrice, ReservePriceResult?>
{
    public async ValueTask<ReservePriceResult?> Handle(GetReservePrice query, CancellationToken cancellationToken)
    {
        var view = await EvaluationGate.LoadAsync(session, query.CaseId, cancellationToken);
        return view.ReservePrice is { } amount
            ? new ReservePriceResult(query.CaseId, amount, view.ReservePriceBasis ?? "", view.ReservePriceSource, view.ReservePriceRecordedBy ?? "", view.ReservePriceRecordedAt)
            : null;
    }
}
