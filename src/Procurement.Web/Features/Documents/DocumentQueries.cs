using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Marten;
using Mediator;
using Procurement.Features.Documents.Rendering;
using Procurement.Infrastructure.Validation;

namespace Procurement.Features.Documents;

// Read side for the history, diff and download pages. Like every case page, callers check CaseAccess first.

/// <summary>All documents of a case with their versions (empty when none was generated yet).</summary>
public sealed record ListDocumentVersions(Guid CaseId) : IQuery<CaseDocumentsView>;

public sealed class ListDocumentVersionsHandler(IQuerySession session) : IQueryHandler<ListDocumentVersions, CaseDocumentsView>
{
    public async ValueTask<CaseDocumentsView> Handle(ListDocumentVersions query, CancellationToken cancellationToken) =>
        await session.LoadAsync<CaseDocumentsView>(query.CaseId, cancellationToken) ?? new CaseDocumentsView { Id = query.CaseId };
}

public sealed record DocumentDownload(string FileName, string ContentType, byte[] Bytes, string Sha256);

/// <summary>One version's .docx, hash re-checked; null when the case has no such version.</summary>
public sealed record GetDocumentFile(Guid CaseId, string Kind, int Version) : IQuery<DocumentDownload?>;

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

/// <summary>One version as PDF via LibreOffice; <see cref="PdfUnavailableException"/> when it is not installed (offer .docx instead).</summary>
public sealed record GetDocumentPdf(Guid CaseId, string Kind, int Version) : IQuery<DocumentDownload?>;

public sealed class GetDocumentPdfHandler(IMediator mediator, PdfConverter pdf) : IQueryHandler<GetDocumentPdf, DocumentDownload?>
{
    public async ValueTask<DocumentDownload?> Handle(GetDocumentPdf query, CancellationToken cancellationToken)
    {
        if (!pdf.IsAvailable) throw new PdfUnavailableException(PdfConverter.UnavailableMessage);
        var docx = await mediator.Send(new GetDocumentFile(query.CaseId, query.Kind, query.Version), cancellationToken);
        if (docx is null) return null;
        var bytes = await pdf.ConvertAsync(docx.Bytes, cancellationToken);
        return new DocumentDownload(Path.ChangeExtension(docx.FileName, ".pdf"), "application/pdf", bytes, DocumentRenderer.Sha256(bytes));
    }
}

public enum DiffLineKind { Unchanged, Inserted, Deleted, Modified, Imaginary }

public sealed record DiffLine(DiffLineKind Kind, int? Number, string Text);

/// <summary>Side-by-side line diff of the normalised text of two versions (DiffPlex); the page renders it.</summary>
public sealed record DocumentDiff(string Kind, int FromVersion, int ToVersion, IReadOnlyList<DiffLine> Old, IReadOnlyList<DiffLine> New)
{
    public bool HasChanges => New.Any(l => l.Kind != DiffLineKind.Unchanged) || Old.Any(l => l.Kind != DiffLineKind.Unchanged);

    public static DocumentDiff Compare(string kind, int fromVersion, string oldText, int toVersion, string newText)
    {
        var model = SideBySideDiffBuilder.Instance.BuildDiffModel(oldText, newText, ignoreWhitespace: false);
        return new DocumentDiff(kind, fromVersion, toVersion, Map(model.OldText), Map(model.NewText));

        static List<DiffLine> Map(DiffPaneModel pane) => pane.Lines.Select(l => new DiffLine(l.Type switch
        {
            ChangeType.Inserted => DiffLineKind.Inserted,
            ChangeType.Deleted => DiffLineKind.Deleted,
            ChangeType.Modified => DiffLineKind.Modified,
            ChangeType.Imaginary => DiffLineKind.Imaginary,
            _ => DiffLineKind.Unchanged,
        }, l.Position, l.Text ?? "")).ToList();
    }
}

public sealed record DiffDocumentVersions(Guid CaseId, string Kind, int FromVersion, int ToVersion) : IQuery<DocumentDiff>;

public sealed class DiffDocumentVersionsHandler(IMediator mediator) : IQueryHandler<DiffDocumentVersions, DocumentDiff>
{
    public async ValueTask<DocumentDiff> Handle(DiffDocumentVersions query, CancellationToken cancellationToken)
    {
        var from = await mediator.Send(new GetDocumentFile(query.CaseId, query.Kind, query.FromVersion), cancellationToken)
            ?? throw new DomainRuleException($"第{query.FromVersion}版はありません。");
        var to = await mediator.Send(new GetDocumentFile(query.CaseId, query.Kind, query.ToVersion), cancellationToken)
            ?? throw new DomainRuleException($"第{query.ToVersion}版はありません。");
        return DocumentDiff.Compare(query.Kind, query.FromVersion, DocxText.Extract(from.Bytes), query.ToVersion, DocxText.Extract(to.Bytes));
    }
}
