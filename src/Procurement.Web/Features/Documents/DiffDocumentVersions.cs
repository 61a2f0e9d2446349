using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Features.Documents;

// Read side for the history, diff and download pages. Membership of the case's group is each query's access rule.

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

[Access(Access.Internal)]
public sealed record DiffDocumentVersions(Guid CaseId, string Kind, int FromVersion, int ToVersion) : IQuery<DocumentDiff>, ICaseRequest;

public sealed class DiffDocumentVersionsHandler(IMediator mediator, UiText t) : IQueryHandler<DiffDocumentVersions, DocumentDiff>
{
    public async ValueTask<DocumentDiff> Handle(DiffDocumentVersions query, CancellationToken cancellationToken)
    {
        var from = await mediator.Send(new GetDocumentFile(query.CaseId, query.Kind, query.FromVersion), cancellationToken)
            ?? throw new DomainRuleException(t.Format("第{0}版はありません。", query.FromVersion));
        var to = await mediator.Send(new GetDocumentFile(query.CaseId, query.Kind, query.ToVersion), cancellationToken)
            ?? throw new DomainRuleException(t.Format("第{0}版はありません。", query.ToVersion));
        return DocumentDiff.Compare(query.Kind, query.FromVersion, DocxText.Extract(from.Bytes), query.ToVersion, DocxText.Extract(to.Bytes));
    }
}
