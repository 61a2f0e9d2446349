namespace Procurement.Features.Vendors.Estimates;

/// <summary>The latest 予定価格 of a case, for the evaluation engine's price scoring (null when none is recorded).</summary>
[Access(Access.Internal)]
public sealed record GetPlannedPrice(Guid CaseId) : IQuery<PlannedPriceResult?>, ICaseRequest;

public sealed record PlannedPriceResult(Guid CaseId, long Amount, PlannedPriceBasis Basis, string Reason, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>Answers only for cases of the caller's group, like every case page.</summary>
public sealed class GetPlannedPriceHandler(IQuerySession session) : IQueryHandler<GetPlannedPrice, PlannedPriceResult?>
{
    public async ValueTask<PlannedPriceResult?> Handle(GetPlannedPrice query, CancellationToken cancellationToken)
    {
        var view = await session.LoadAsync<CaseVendors>(query.CaseId, cancellationToken);
        return view?.PlannedPrice is { } p ? new PlannedPriceResult(query.CaseId, p.Amount, p.Basis, p.Reason, p.RecordedBy, p.RecordedAt) : null;
    }
}
