using JasperFx.Events;
using Procurement.Features.Workflows.Definitions;

namespace Procurement.Features.Workflows.Runtime;

/// <summary>
/// Makes a case's workflow follow its records without any feature knowing about workflows: before a session saves,
/// every pending event that a definition names in <c>completedBy</c> / <c>reopenedBy</c> is matched against the
/// case's steps, and the resulting workflow events are appended to the case stream in the same transaction. So a step
/// completes together with its record or not at all, and the current step never lags behind what was recorded.
/// </summary>
public sealed class WorkflowRecordListener(Func<WorkflowCatalog> catalog) : DocumentSessionListenerBase
{
    private readonly Lazy<IReadOnlySet<string>> _triggers = new(() =>
        catalog().All.SelectMany(d => d.Steps).SelectMany(s => s.CompletedBy.Concat(s.ReopenedBy)).Select(r => r.Event)
            .ToHashSet(StringComparer.Ordinal));

    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var streams = session.PendingChanges.Streams().ToList();
        var records = streams
            .SelectMany(stream => stream.Events.Select(e => (Stream: stream, Event: e)))
            .Where(x => x.Event.Data is IAuditedEvent && _triggers.Value.Contains(x.Event.Data.GetType().Name))
            .ToList();
        if (records.Count == 0) return;

        var byCase = new Dictionary<Guid, List<WorkRecord>>();
        foreach (var (stream, e) in records)
        {
            if (await CaseOfAsync(session, streams, stream.Id, e.Data, token) is not { } caseId) continue;
            var audited = (IAuditedEvent)e.Data;
            if (!byCase.TryGetValue(caseId, out var list)) byCase[caseId] = list = [];
            list.Add(new WorkRecord(e.Data, stream.Id, e.Id, audited.By, audited.At));
        }

        foreach (var (caseId, caseRecords) in byCase)
        {
            var view = await session.LoadAsync<CaseWorkflowView>(caseId, token);
            // Workflow events already pending on the case stream in this session come first.
            var pendingWorkflow = streams.Where(s => s.Id == caseId).SelectMany(s => s.Events).Select(e => e.Data)
                .Where(d => d.GetType().Namespace == typeof(WorkflowStarted).Namespace).ToList();
            view = view.With(pendingWorkflow);
            if (view is null || catalog().Find(view.DefinitionId, view.DefinitionVersion) is not { } definition) continue;
            var events = RecordedWork.Decide(view, definition, caseRecords);
            if (events.Count == 0) continue;
            // Listeners run after Marten has turned this save's streams into operations and applied the inline
            // projections. Events added to a stream already in the save go out with it; for a record in another stream
            // (evaluation, contract dossier) the case stream's append is queued here, as Marten would have queued it.
            var caseStreamPending = streams.Any(s => s.Id == caseId);
            var action = session.Events.Append(caseId, events.ToArray());
            if (!caseStreamPending)
            {
                foreach (var e in action.Events)
                {
                    // Metadata Marten sets while processing a save, which this late append skipped.
                    e.Timestamp = ((IAuditedEvent)e.Data).At;
                    e.CorrelationId = session.CorrelationId;
                }
                session.QueueOperation(((Marten.Internal.IMartenSession)session).EventStorage().QuickAppendEvents(action));
            }
            // The view the events produce (Decide folded them onto it) is stored at the version the case stream will have.
            var before = (await session.Events.FetchStreamStateAsync(caseId, token))?.Version ?? 0;
            view.Version = before + streams.Where(s => s.Id == caseId).Sum(s => s.Events.Count) + (caseStreamPending ? 0 : events.Count);
            session.Store(view);
        }
    }

    // Case and evaluation events carry the case id; the contract dossier's events name their dossier, whose document
    // (or, when it opens in this same save, its opening event) says which case it belongs to.
    private static async Task<Guid?> CaseOfAsync(IDocumentSession session, IReadOnlyList<StreamAction> streams, Guid streamId, object data, CancellationToken token)
    {
        if (data.GetType().GetProperty("CaseId")?.GetValue(data) is Guid caseId) return caseId;
        var opened = streams.Where(s => s.Id == streamId).SelectMany(s => s.Events).Select(e => e.Data).OfType<Contracts.ContractDossierOpened>().FirstOrDefault();
        if (opened is not null) return opened.CaseId;
        return (await session.LoadAsync<Contracts.ContractDossier>(streamId, token))?.CaseId;
    }
}
