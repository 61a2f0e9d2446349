using Procurement.Features.Contracts;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Features.Workflows.Tasks;

namespace Procurement.Features.SlaOperation;

/// <summary>
/// Phase4: once a contract version with its SLA is approved and the service has gone live, officers enter each month's
/// measurements; the task is the last full month while it has no record. Due when the workflow's step completed by
/// the measurements is due, if the schedule gives it a date.
/// </summary>
public sealed class SlaTaskSource : ITaskSource
{
    public async Task<IReadOnlyList<PendingTask>> PendingAsync(TaskContext context, CancellationToken ct)
    {
        var caseId = context.Case.Id;
        var goLive = context.Case.PlannedGoLive;
        var lastMonth = new DateOnly(context.Today.Year, context.Today.Month, 1).AddMonths(-1);
        if (lastMonth < new DateOnly(goLive.Year, goLive.Month, 1)) return [];
        var dossier = await context.Session.LoadAsync<ContractDossier>(ContractStreams.DossierId(caseId), ct);
        if (dossier?.LatestApproved is null || SlaOperationRules.AgreedSla(dossier) is not { } sla) return [];
        var view = await context.Session.LoadAsync<SlaOperationView>(caseId, ct);
        if (view?.MonthVersions.ContainsKey(SlaOperationView.MonthKey(lastMonth)) == true) return [];
        var due = context.DueForRecord(nameof(SlaMeasurementsRecorded));
        return [.. context.Users.Where(u => u.IsOfficer).Select(u => new PendingTask(u.Id, caseId, "sla.month", EngineText.Of(TaskTexts.SlaMonth, ""),
            EngineText.Of(TaskTexts.SlaMonthLeft, sla.Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            $"/Cases/{caseId}/SlaEvaluation", due, lastMonth))];
    }
}

public static class SlaOperationServices
{
    /// <summary>The SLA operation's part of 「自分のタスク」, and the SLA's service hours in the 調達仕様書.</summary>
    public static IServiceCollection AddSlaOperation(this IServiceCollection services) =>
        services.AddSingleton<ITaskSource, SlaTaskSource>().AddScoped<Documents.IDocumentSectionSource, SlaSpecificationSource>();
}
