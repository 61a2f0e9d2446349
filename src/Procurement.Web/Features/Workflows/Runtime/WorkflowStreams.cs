using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Procurement.Features.Cases;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Validation;

namespace Procurement.Features.Workflows.Runtime;

/// <summary>Loading and saving the workflow part of a case stream, with the same refusals for every use case.</summary>
public static class WorkflowStreams
{
    public const string CaseNotFound = "案件が見つからないか、この案件を操作する権限がありません。";
    public const string NotStarted = "この案件の手続はまだ開始されていません。";

    /// <summary>The case if the user belongs to its group; otherwise the same refusal as a missing case (no existence leak).</summary>
    public static async Task<CaseSummary> RequireCaseAsync(CaseAccess access, Guid caseId, CancellationToken ct) =>
        await access.FindCaseAsync(caseId, ct) ?? throw new DomainRuleException(CaseNotFound);

    public static async Task<IEventStream<CaseWorkflowView>> FetchAsync(IDocumentSession session, Guid caseId, long? expectedVersion, CancellationToken ct)
    {
        try
        {
            return expectedVersion is { } version
                ? await session.Events.FetchForWriting<CaseWorkflowView>(caseId, version, ct)
                : await session.Events.FetchForWriting<CaseWorkflowView>(caseId, ct);
        }
        catch (Exception ex) when (ex is ConcurrencyException or EventStreamUnexpectedMaxEventIdException)
        {
            throw new StaleVersionException();
        }
    }

    public static async Task<CaseWorkflowView> SaveAsync(IDocumentSession session, IEventStream<CaseWorkflowView> stream, IEnumerable<object> events, CancellationToken ct)
    {
        stream.AppendMany(events.ToArray());
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is ConcurrencyException or EventStreamUnexpectedMaxEventIdException)
        {
            throw new StaleVersionException();
        }
        return await session.LoadAsync<CaseWorkflowView>(stream.Id, ct)
            ?? throw new InvalidOperationException("workflow view missing after save");
    }
}
