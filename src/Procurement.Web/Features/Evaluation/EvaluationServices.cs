using Procurement.Features.Contracts;
using Procurement.Features.Documents;
using Procurement.Features.Vendors.Proposals;

namespace Procurement.Features.Evaluation;

public static class EvaluationServices
{
    /// <summary>The queries pages use, the evaluation's answers to the vendors' gate and the contracts' award, and its part of generated documents.</summary>
    public static IServiceCollection AddEvaluation(this IServiceCollection services)
    {
        services.AddScoped<EvaluationQueries>();
        services.AddScoped<IEvaluationGate, EvaluationRecordsGate>();
        services.AddScoped<IAwardSource, EvaluationAward>();
        services.AddScoped<IDocumentSectionSource, EvaluationDocumentSource>();
        services.AddSingleton<Workflows.Tasks.ITaskSource, EvaluationTaskSource>();
        return services;
    }
}
