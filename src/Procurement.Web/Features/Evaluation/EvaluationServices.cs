namespace Procurement.Features.Evaluation;

public static class EvaluationServices
{
    /// <summary>Handlers and validators are found by the mediator and validator scans; only the query service needs a line.</summary>
    public static IServiceCollection AddEvaluation(this IServiceCollection services) => services.AddScoped<EvaluationQueries>();
}
