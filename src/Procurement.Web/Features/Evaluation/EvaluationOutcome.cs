using Procurement.Features.Contracts;
using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Features.Vendors;
using Procurement.Features.Vendors.Proposals;

namespace Procurement.Features.Evaluation;

/// <summary>
/// What other features learn from the evaluation: the proposal gate of the vendors feature (declarations,
/// conflicts, the price envelope) reads the committee's records; vendors share their ids with the evaluation.
/// </summary>
public sealed class EvaluationRecordsGate(IQuerySession session) : IEvaluationGate
{
    public async Task<bool> HasDeclared(Guid caseId, Guid userId, CancellationToken ct = default) =>
        (await EvaluationGate.LoadAsync(session, caseId, ct)).Declarations.Any(d => d.MemberId == userId);

    public async Task<bool> IsConflicted(Guid caseId, Guid userId, Guid vendorId, CancellationToken ct = default) =>
        (await EvaluationGate.LoadAsync(session, caseId, ct)).Declarations.Any(d => d.MemberId == userId && d.ConflictedVendorIds.Contains(vendorId));

    public async Task<bool> IsTechnicalScoringClosed(Guid caseId, CancellationToken ct = default) =>
        (await EvaluationGate.LoadAsync(session, caseId, ct)).TechnicalClosed;
}

/// <summary>
/// The award the contract drafts take 乙 and the price from: the 受注候補者 once the result is final (scoring closed,
/// no undecided △, no missing price, ties broken) — the first-ranked vendor, or the next after a recorded decline.
/// Until then, none.
/// </summary>
public sealed class EvaluationAward(IQuerySession session) : IAwardSource
{
    public async Task<Award?> GetAward(Guid caseId, CancellationToken cancellationToken = default)
    {
        var view = await EvaluationGate.LoadAsync(session, caseId, cancellationToken);
        if (!view.TechnicalClosed) return null;
        var sheets = await session.Query<ScoreSheetView>().Where(s => s.CaseId == caseId).ToListAsync(cancellationToken);
        var result = EvaluationResults.Compute(view, sheets);
        if (view.Candidate(result) is not { } winner) return null;

        var vendorId = Guid.ParseExact(winner.VendorId, "N");
        if (!view.Bids.TryGetValue(vendorId, out var bid)) return null;
        var registered = (await session.LoadAsync<CaseVendors>(caseId, cancellationToken))?.Vendor(vendorId);
        // After a decline the next candidate is selected on the day the decline was recorded.
        var decided = view.Declines.LastOrDefault()?.At ?? view.TechnicalClosedAt ?? DateTimeOffset.UtcNow;
        return new Award(caseId, winner.VendorName, registered?.Address, registered?.ContactPerson,
            (long)decimal.Floor(bid), DateOnly.FromDateTime(decided.UtcDateTime));
    }

    public static string Describe(Award award) =>
        string.Create(CultureInfo.InvariantCulture, $"{award.VendorName} {award.ContractPrice:N0}円");
}
