namespace Procurement.Features.Vendors.Proposals;

/// <summary>
/// What the evaluation feature (issue 5) knows and proposal access depends on. The evaluation
/// feature replaces <see cref="NoEvaluationRecordsGate"/> by registering its own implementation
/// (registration here uses TryAddScoped, so an earlier or later plain AddScoped of its own wins).
/// </summary>
public interface IEvaluationGate
{
    /// <summary>The member has submitted the conflict-of-interest declaration for the case.</summary>
    Task<bool> HasDeclared(Guid caseId, Guid userId, CancellationToken ct = default);

    /// <summary>The member declared a conflict with this vendor (and so must not see its proposal).</summary>
    Task<bool> IsConflicted(Guid caseId, Guid userId, Guid vendorId, CancellationToken ct = default);

    /// <summary>Technical scoring is closed: the price envelope may be opened.</summary>
    Task<bool> IsTechnicalScoringClosed(Guid caseId, CancellationToken ct = default);
}

/// <summary>
/// Stand-in until the evaluation feature is merged: there are no declarations and technical scoring
/// has never closed, so committee members see no proposal and nobody but officers sees prices.
/// Failing closed is the point — it must never be mistaken for a real gate.
/// </summary>
public sealed class NoEvaluationRecordsGate : IEvaluationGate
{
    public Task<bool> HasDeclared(Guid caseId, Guid userId, CancellationToken ct = default) => Task.FromResult(false);

    public Task<bool> IsConflicted(Guid caseId, Guid userId, Guid vendorId, CancellationToken ct = default) => Task.FromResult(false);

    public Task<bool> IsTechnicalScoringClosed(Guid caseId, CancellationToken ct = default) => Task.FromResult(false);
}
