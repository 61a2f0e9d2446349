using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Procurement.Features.Contracts;

/// <summary>The decided vendor (落札者 / 契約候補者) of a case and the price the contract is made for.</summary>
public sealed record Award(
    Guid CaseId,
    string VendorName,
    string? VendorAddress,
    string? VendorRepresentative,
    long ContractPrice,
    DateOnly DecidedOn);

/// <summary>
/// Where the contract reads 乙 and the price from. The evaluation owns the award and implements this
/// (<c>Evaluation/EvaluationOutcome.cs</c>), so the contracts feature never reads the evaluation's streams.
/// Null until the award is final: the officer then enters 乙 and the price by hand, marked as such, and a
/// committee member may download drafts only after it.
/// </summary>
public interface IAwardSource
{
    Task<Award?> GetAward(Guid caseId, CancellationToken cancellationToken = default);
}

public static class ContractServices
{
    /// <summary>The award source comes from the evaluation (<c>AddEvaluation</c>).</summary>
    public static IServiceCollection AddContracts(this IServiceCollection services)
    {
        services.TryAddSingleton<Drafting.DraftRenderer>();
        services.AddScoped<ContractAccess>();
        services.AddScoped<ReviewGate>();
        services.AddScoped<Consistency.ConsistencyChecker>();
        services.AddScoped<Documents.IDossierDocuments, ContractDossierDocuments>(); // the documents page lists the drafts, never generates them
        services.AddSingleton<Workflows.Tasks.ITaskSource, ContractTaskSource>();
        return services;
    }
}
