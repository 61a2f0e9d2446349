namespace Procurement.Features.Evaluation.Prices;

/// <summary>
/// The 予定価格 was once two records: the estimate comparison kept its own on the case stream ("planned_price_recorded":
/// whole yen, the estimate figure as its basis, the reason in words) beside the evaluation's <see cref="ReservePriceRecorded"/>.
/// Existing databases still hold such events; they read as <see cref="ReservePriceRecorded"/> (the upcast registered in
/// MartenSetup), and the latest of them is the case's 予定価格 while the evaluation stream has none of its own. When it
/// has one, that one stays the 予定価格, as it was for price scoring before.
/// </summary>
public static class EarlierReservePrices
{
    public const string EventTypeName = "planned_price_recorded";

    /// <summary>The stored shape of the earlier record, only to read it.</summary>
    public sealed record PlannedPriceRecorded(Guid CaseId, long Amount, ReservePriceSource Basis, string Reason, Actor By, DateTimeOffset At);

    public static ReservePriceRecorded Upcast(PlannedPriceRecorded old) => new(old.CaseId, old.Amount, old.Reason, old.By, old.At, old.Basis);

    /// <summary>The case stream's latest earlier record, or null (all databases made after the merge).</summary>
    public static async Task<ReservePriceRecorded?> FindAsync(IQuerySession session, Guid caseId, CancellationToken ct)
    {
        var found = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == caseId && e.EventTypeName == EventTypeName)
            .OrderByDescending(e => e.Sequence)
            .FirstOrDefaultAsync(ct);
        return found?.Data as ReservePriceRecorded;
    }

    public static EvaluationView FillIn(EvaluationView view, ReservePriceRecorded? earlier)
    {
        if (view.ReservePrice is null && earlier is not null) EvaluationViewProjection.Apply(earlier, view);
        return view;
    }

    public static async Task<EvaluationView> FillInAsync(IQuerySession session, EvaluationView view, CancellationToken ct) =>
        view.ReservePrice is null ? FillIn(view, await FindAsync(session, view.CaseId, ct)) : view;
}
