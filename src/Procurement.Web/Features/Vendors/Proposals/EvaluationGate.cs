namespace Procurement.Features.Vendors.Proposals;

/// <summary>
/// What the evaluation knows and proposal access depends on. The evaluation implements it
/// (<c>Evaluation/EvaluationOutcome.cs</c>), so the vendors feature never reads the evaluation's streams.
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
