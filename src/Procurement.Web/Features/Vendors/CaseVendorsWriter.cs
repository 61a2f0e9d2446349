using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Procurement.Features.Cases;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Events;
using Procurement.Infrastructure.Localization;
using Procurement.Infrastructure.Validation;

namespace Procurement.Features.Vendors;

/// <summary>
/// The common frame of every vendor command: officers only, a case of the officer's group, and the
/// case stream fetched for writing so two officers deciding on the same state cannot both win.
/// </summary>
public sealed class CaseVendorsWriter(IDocumentSession session, CaseAccess access, ICurrentUser user, TimeProvider clock, UiText t)
{
    public sealed record Open(CaseSummary Case, IEventStream<CaseVendors> Stream, CaseVendors State, Actor By, DateTimeOffset Now);

    public IDocumentSession Session => session;

    public async Task<Open> OpenAsync(Guid caseId, CancellationToken ct)
    {
        var found = await access.FindCaseAsync(caseId, ct) ?? throw new DomainRuleException(t["案件が見つかりません。"]);
        var stream = await session.Events.FetchForWriting<CaseVendors>(caseId, ct);
        return new Open(found, stream, stream.Aggregate ?? new CaseVendors { Id = caseId }, user.Actor, clock.GetUtcNow());
    }

    public CaseVendor RequireVendor(CaseVendors state, Guid vendorId) =>
        state.Vendor(vendorId) ?? throw new DomainRuleException(t["この案件に登録されていない事業者です。"]);

    public async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            throw new StaleVersionException();
        }
    }
}
