using Marten;
using Mediator;

namespace Procurement.Features.Documents;

// Read side for the history, diff and download pages. Like every case page, callers check CaseAccess first.

/// <summary>All documents of a case with their versions (empty when none was generated yet).</summary>
public sealed record ListDocumentVersions(Guid CaseId) : IQuery<CaseDocumentsView>;

public sealed class ListDocumentVersionsHandler(IQuerySession session) : IQueryHandler<ListDocumentVersions, CaseDocumentsView>
{
    public async ValueTask<CaseDocumentsView> Handle(ListDocumentVersions query, CancellationToken cancellationToken) =>
        await session.LoadAsync<CaseDocumentsView>(query.CaseId, cancellationToken) ?? new CaseDocumentsView { Id = query.CaseId };
}
