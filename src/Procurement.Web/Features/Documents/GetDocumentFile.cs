namespace Procurement.Features.Documents;

// Read side for the history, diff and download pages. Membership of the case's group is each query's access rule.

public sealed record DocumentDownload(string FileName, string ContentType, byte[] Bytes, string Sha256);

/// <summary>One version's .docx, hash re-checked; null when the case has no such version.</summary>
[Access(Access.Internal)]
public sealed record GetDocumentFile(Guid CaseId, string Kind, int Version) : IQuery<DocumentDownload?>, ICaseRequest;

public sealed class GetDocumentFileHandler(IQuerySession session, IDocumentFileStore files) : IQueryHandler<GetDocumentFile, DocumentDownload?>
{
    public async ValueTask<DocumentDownload?> Handle(GetDocumentFile query, CancellationToken cancellationToken)
    {
        var view = await session.LoadAsync<CaseDocumentsView>(query.CaseId, cancellationToken);
        var version = view?.Find(query.Kind, query.Version);
        if (version is null) return null;
        var file = await files.LoadAsync(session, version.FileId, cancellationToken);
        return file is null || file.CaseId != query.CaseId ? null : new DocumentDownload(file.FileName, file.ContentType, file.Bytes, file.Sha256);
    }
}
