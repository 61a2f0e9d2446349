using JasperFx.Events;
using Marten.Events;

namespace Procurement.Features.Vendors;

/// <summary>
/// The common frame of every vendor command: officers only, a case of the officer's group, and the
/// case stream fetched for exclusive writing (<see cref="EventStreamWriter"/>): officers take turns on the stream and each
/// decides on what the one before left, so two questions or answers logged at once both go in, and two officers
/// deciding the same thing (one question answered twice) get the rule's refusal, not a lost write.
/// </summary>
public sealed class CaseVendorsWriter(IDocumentSession session, CaseAccess access, ICurrentUser user, TimeProvider clock, UiText t)
{
    public sealed record Open(CaseSummary Case, IEventStream<CaseVendors> Stream, CaseVendors State, Actor By, DateTimeOffset Now);

    public IDocumentSession Session => session;

    public async Task<Open> OpenAsync(Guid caseId, CancellationToken ct)
    {
        var found = await access.FindCaseAsync(caseId, ct) ?? throw new DomainRuleException(t["案件が見つかりません。"]);
        var stream = await session.FetchForExclusiveWritingAsync<CaseVendors>(caseId, ct);
        return new Open(found, stream, stream.Aggregate ?? new CaseVendors { Id = caseId }, user.Actor, clock.GetUtcNow());
    }

    /// <summary>Appends what the command's pure decision decided and saves; its refusal is the page's message and nothing is written.</summary>
    public async Task WriteAsync(Open open, Decision decision, CancellationToken ct)
    {
        var events = EventStreamWriter.Accept(decision);
        if (events.Count > 0) open.Stream.AppendMany(events);
        // Also with nothing to append: the save ends the transaction and releases the lock.
        await SaveAsync(ct);
    }

    public Task SaveAsync(CancellationToken ct) => session.SaveAsync(ct);
}
