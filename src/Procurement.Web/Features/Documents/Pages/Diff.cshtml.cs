using Procurement.Features.Documents.Rendering;

namespace Procurement.Features.Documents.Pages;

/// <summary>
/// Side-by-side line diff of the text of two versions of one document. Lines are rendered by Razor, so whatever
/// users typed into the case is shown encoded, never as HTML.
/// </summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class DiffModel(IMediator mediator, TemplateCatalog catalog) : CasePageModel
{
    public DocumentSeries Series { get; private set; } = null!;
    public string Title => catalog.DisplayTitleOf(Series.Kind, Series.Title);
    public DocumentDiff Diff { get; private set; } = null!;
    public int Added => Diff.New.Count(l => l.Kind is DiffLineKind.Inserted or DiffLineKind.Modified);
    public int Removed => Diff.Old.Count(l => l.Kind is DiffLineKind.Deleted or DiffLineKind.Modified);

    /// <summary>Only the changed rows with two rows of context, the rest folded into 「… n行（変更なし）」.</summary>
    public bool ChangesOnlyView { get; private set; }

    public IReadOnlyList<ChangesOnly.Row> Rows
    {
        get
        {
            var count = Math.Max(Diff.Old.Count, Diff.New.Count);
            bool Changed(int i) => (i < Diff.Old.Count && Diff.Old[i].Kind != DiffLineKind.Unchanged) || (i < Diff.New.Count && Diff.New[i].Kind != DiffLineKind.Unchanged);
            return ChangesOnlyView ? ChangesOnly.Rows(count, Changed) : ChangesOnly.All(count);
        }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, string kind, int? from, int? to, bool changesOnly, CancellationToken ct)
    {
        ChangesOnlyView = changesOnly;
        var documents = await mediator.Send(new ListDocumentVersions(id), ct);
        var series = documents.Find(kind);
        if (series is null || series.Versions.Count == 0) return NotFound();
        var newest = series.Versions[0].Version;
        var (a, b) = (from ?? Math.Max(1, newest - 1), to ?? newest);
        if (series.Versions.All(v => v.Version != a) || series.Versions.All(v => v.Version != b)) return NotFound();
        try
        {
            Diff = await mediator.Send(new DiffDocumentVersions(id, kind, a, b), ct);
        }
        catch (DomainRuleException)
        {
            // A read, not a command: a version that is not there is a 404, not a form message.
            return NotFound();
        }
        Series = series;
        return Page();
    }
}
