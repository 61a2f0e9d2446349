using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Procurement.Features.Contracts.Drafting;

namespace Procurement.Features.Contracts;

/// <summary>
/// Line diff between two submitted versions, over the stored text of all three drafts (the same text the files were
/// built from). Lines are rendered by Razor, so whatever users typed is shown encoded, never as HTML.
/// </summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class DiffModel(ContractAccess access, IQuerySession session) : CasePageModel
{
    public int From { get; private set; }
    public int To { get; private set; }
    public IReadOnlyList<int> Available { get; private set; } = [];
    public IReadOnlyList<DiffPiece> Lines { get; private set; } = [];
    public int Added => Lines.Count(l => l.Type == ChangeType.Inserted);
    public int Removed => Lines.Count(l => l.Type == ChangeType.Deleted);

    /// <summary>Only the changed lines with two lines of context, the rest folded into 「… n行（変更なし）」.</summary>
    public bool ChangesOnlyView { get; private set; }

    public IReadOnlyList<Documents.ChangesOnly.Row> Rows => ChangesOnlyView
        ? Documents.ChangesOnly.Rows(Lines.Count, i => Lines[i].Type != ChangeType.Unchanged)
        : Documents.ChangesOnly.All(Lines.Count);

    public async Task<IActionResult> OnGetAsync(Guid id, int from, int to, bool changesOnly, CancellationToken ct)
    {
        ChangesOnlyView = changesOnly;
        if (!await access.CanReadDraftsAsync(id, ct)) return Forbid();
        var dossierId = ContractStreams.DossierId(id);
        var a = await session.LoadAsync<ContractVersionFiles>(ContractVersionFiles.IdFor(dossierId, from), ct);
        var b = await session.LoadAsync<ContractVersionFiles>(ContractVersionFiles.IdFor(dossierId, to), ct);
        if (a is null || b is null) return NotFound();
        var dossier = await access.FindDossierAsync(id, ct);
        (From, To) = (from, to);
        Available = dossier?.Versions.Select(v => v.Number).Order().ToList() ?? [];
        Lines = new InlineDiffBuilder(new Differ()).BuildDiffModel(Text(a), Text(b), ignoreWhitespace: false).Lines;
        return Page();
    }

    private static string Text(ContractVersionFiles files) =>
        string.Concat(DraftKinds.All.Select(k => files.Documents.FirstOrDefault(d => d.Kind == k)?.Text ?? ""));
}
