using Procurement.Features.Contracts;
using Procurement.Features.Vendors.Proposals;

namespace Procurement.Features.Evaluation;

public static class EvaluationServices
{
    /// <summary>The queries pages use, and the evaluation's answers to the vendors' gate and the contracts' award.</summary>
    public static IServiceCollection AddEvaluation(this IServiceCollection services)
    {
        services.AddScoped<EvaluationQueries>();
        services.AddScoped<IEvaluationGate, EvaluationRecordsGate>();
        services.AddScoped<IAwardSource, EvaluationAward>();
        return services;
    }
}
