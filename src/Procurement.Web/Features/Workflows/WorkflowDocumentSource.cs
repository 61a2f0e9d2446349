using Procurement.Features.Documents;
using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Diagrams;

namespace Procurement.Features.Workflows;

/// <summary>
/// The schedule printed in the RFI, RFQ, 調達仕様書 and 審査結果報告書: the case's 図16 schedule (<see cref="CaseSchedule"/>),
/// one item per step in time order — the date a step was done, its due date, or the planned date chained from the
/// steps' planned durations. Skipped optional steps are left out. Null until the case's workflow is started.
/// </summary>
public sealed class WorkflowDocumentSource(IQuerySession session, WorkflowCatalog catalog, TimeProvider clock) : IDocumentSectionSource
{
    public async ValueTask<DocumentSections> ContributeAsync(Guid caseId, DocumentSections current, CancellationToken ct)
    {
        if (current.Schedule is not null) return current;
        var view = await session.LoadAsync<CaseWorkflowView>(caseId, ct);
        if (view is null) return current;
        return current with { Schedule = Items(CaseSchedule.ForCase(catalog.For(view), view, WorkflowClock.Today(clock))) };
    }

    public static IReadOnlyList<ScheduleItem> Items(ScheduleModel schedule) => schedule.Steps
        .Where(s => s.Status != ScheduleStatus.Skipped)
        .Select(s => new ScheduleItem(s.Title.Ja, DocumentModel.Iso(s.End), Note(s), s.StepId, s.Phase, DocumentModel.Iso(s.Start)))
        .ToList();

    private static string Note(ScheduleStep s) => s.Status switch
    {
        ScheduleStatus.Completed => "実施済み",
        ScheduleStatus.Active => s.Due is null ? "実施中" : "実施中（期限）",
        _ => s.Due is null ? "予定" : "予定（期限）",
    };
}
