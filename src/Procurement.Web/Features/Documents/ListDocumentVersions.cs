namespace Procurement.Features.Documents;

// Read side for the history, diff and download pages. Membership of the case's group is each query's access rule.

/// <summary>All documents of a case with their versions (empty when none was generated yet).</summary>
[Access(Access.Internal)]
public sealed record ListDocumentVersions(Guid CaseId) : IQuery<CaseDocumentsView>, ICaseRequest;

public sealed class ListDocumentVersionsHandler(IQuerySession session) : IQueryHandler<ListDocumentVersions, CaseDocumentsView>
{
    public async ValueTask<CaseDocumentsView> Handle(ListDocumentVersions query, CancellationToken cancellationToken) =>
        await session.LoadAsync<CaseDocumentsView>(query.CaseId, cancellationToken) ?? new CaseDocumentsView { Id = query.CaseId };
}
