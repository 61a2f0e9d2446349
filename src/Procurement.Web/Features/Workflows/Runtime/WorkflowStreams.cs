using JasperFx.Events;
using Marten.Events;

namespace Procurement.Features.Workflows.Runtime;

/// <summary>Loading and saving the workflow part of a case stream, with the same refusals for every use case.</summary>
public static class WorkflowStreams
{
    public const string CaseNotFound = "案件が見つからないか、この案件を操作する権限がありません。";
    public const string NotStarted = "この案件の手続はまだ開始されていません。";

    /// <summary>The case if the user belongs to its group; otherwise the same refusal as a missing case (no existence leak).</summary>
    public static async Task<CaseSummary> RequireCaseAsync(CaseAccess access, Guid caseId, CancellationToken ct) =>
        await access.FindCaseAsync(caseId, ct) ?? throw new DomainRuleException(CaseNotFound);

    /// <summary>
    /// The case stream locked for this use case (<see cref="EventStreamWriter"/>). A step decision reads facts from the whole
    /// case, so the page's expected version is the case stream's, and a stream moved since is stale.
    /// </summary>
    public static async Task<IEventStream<CaseWorkflowView>> FetchAsync(IDocumentSession session, Guid caseId, long? expectedVersion, CancellationToken ct)
    {
        var stream = await session.FetchForExclusiveWritingAsync<CaseWorkflowView>(caseId, ct);
        expectedVersion = await IgnoringRemindersAsync(session, caseId, expectedVersion, ct);
        if (expectedVersion is { } expected && expected != (stream.CurrentVersion ?? 0)) throw new StaleVersionException();
        return stream;
    }

    // The reminder job appends to the case stream in the background; a reminder is not an edit, so a page
    // loaded before it must not be told "someone else changed this".
    private static async Task<long?> IgnoringRemindersAsync(IDocumentSession session, Guid caseId, long? expectedVersion, CancellationToken ct)
    {
        if (expectedVersion is not { } expected) return null;
        var state = await session.Events.FetchStreamStateAsync(caseId, ct);
        if (state is null || state.Version <= expected) return expected;
        var since = await session.Events.FetchStreamAsync(caseId, fromVersion: expected + 1, token: ct);
        return since.All(e => e.Data is ReminderRecorded) ? state.Version : expected;
    }

    public static async Task<CaseWorkflowView> SaveAsync(IDocumentSession session, IEventStream<CaseWorkflowView> stream, IEnumerable<object> events, CancellationToken ct)
    {
        stream.AppendMany(events.ToArray());
        await session.SaveAsync(ct);
        return await session.LoadAsync<CaseWorkflowView>(stream.Id, ct)
            ?? throw new InvalidOperationException("workflow view missing after save");
    }
}
