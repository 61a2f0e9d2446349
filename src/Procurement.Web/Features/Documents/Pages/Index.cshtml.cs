using Procurement.Features.Documents.Rendering;

namespace Procurement.Features.Documents.Pages;

/// <summary>
/// A case's documents: the templates an officer can generate from, and every stored version per document kind with
/// downloads and a diff form. Group members only (404 otherwise); only officers generate, everyone else reads.
/// </summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class IndexModel(IMediator mediator, TemplateCatalog catalog, PdfConverter pdf, UiText t, IEnumerable<IDossierDocuments> dossiers,
    Marten.IQuerySession session) : CasePageModel
{
    /// <summary>The features that keep some kinds as their own drafts (the contract dossier), with what the reader may see of them.</summary>
    public IReadOnlyList<(IDossierDocuments Owner, DossierDocumentList List)> Dossiers { get; private set; } = [];

    /// <summary>The dossier that makes this kind, or null when the documents page generates it.</summary>
    public IDossierDocuments? DossierOf(string kind) => dossiers.FirstOrDefault(d => d.Kinds.Contains(kind));

    public CaseDocumentsView Documents { get; private set; } = new();
    public IReadOnlyList<DocumentTemplate> Templates => catalog.InProcurementOrder;
    public bool CanGenerate => User.IsInRole(Roles.Officer) || User.IsInRole(Roles.Admin);
    public bool PdfAvailable => pdf.IsAvailable;

    /// <summary>The .docx hashes whose PDF is already made (the rest say 作成中).</summary>
    public IReadOnlySet<string> PdfReady { get; private set; } = new HashSet<string>();

    /// <summary>A generated document's name in the reader's language.</summary>
    public string TitleOf(DocumentSeries series) => catalog.DisplayTitleOf(series.Kind, series.Title);

    /// <summary>Whether the kind's template contains clauses (only then is there a 条項の設定 page to link to).</summary>
    public bool HasClauses(string kind) => KindClauses.Of(catalog, kind) is { Clauses.Count: > 0 };

    /// <summary>The template whose generation was refused, and why (one line per missing clause or problem).</summary>
    public string? RefusedTemplateId { get; private set; }
    public IReadOnlyList<string> Refusal { get; private set; } = [];
    /// <summary>The inputs the refused document lacks, each linked to where it is entered (the preflight's list).</summary>
    public IReadOnlyList<MissingInput> Missing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostGenerateAsync(Guid id, string? templateId, bool workingDraft, CancellationToken ct)
    {
        if (!CanGenerate) return Forbid();
        GenerateDocumentResult? result = null;
        MissingInputsException? missing = null;
        var (ok, _) = await FormCommand.TryAsync(ModelState, t, async () =>
        {
            try
            {
                result = await mediator.Send(new GenerateDocument(id, templateId ?? "", WorkingDraft: workingDraft), ct);
            }
            catch (MissingInputsException ex)
            {
                // Kept for its inputs, which the page links to; FormCommand still shows the refusal itself.
                missing = ex;
                throw;
            }
        }, _ => "");
        if (ok && result is not null)
        {
            var title = catalog.Find(templateId ?? "")?.TitleFor(Case.Procedure) ?? result.Kind;
            TempData["Flash"] = result.Created
                ? t.Format("{0}の第{1}版を生成しました。", title, result.Version)
                : t.Format("{0}は第{1}版から変わっていないため、新しい版は作りませんでした。", title, result.Version);
            return Redirect($"/Cases/{id}/Documents#doc-{result.Kind}");
        }
        // Every message is about the template that was sent: shown beside it, one reason a line (the missing inputs
        // as links instead of their lines).
        RefusedTemplateId = templateId;
        Missing = missing?.Inputs ?? [];
        var lines = ModelState.Values.SelectMany(v => v.Errors)
            .SelectMany(e => e.ErrorMessage.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Refusal = missing is null ? [.. lines] : [.. lines.Take(1)];
        ModelState.Clear(); // the summary at the top lists the same lines, one each
        foreach (var line in Refusal) ModelState.AddModelError("", line);
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Documents = await mediator.Send(new ListDocumentVersions(Case.Id), ct);
        PdfReady = await PdfCopies.ReadyAsync(session, Documents.Documents.SelectMany(s => s.Versions).Select(v => v.ContentHash), ct);
        var lists = new List<(IDossierDocuments, DossierDocumentList)>();
        foreach (var owner in dossiers) lists.Add((owner, await owner.ListAsync(Case.Id, ct)));
        Dossiers = lists;
    }

    /// <summary>Series this page generated; kinds a dossier now makes are listed from the dossier instead.</summary>
    public IEnumerable<DocumentSeries> OwnSeries => Documents.Documents.Where(d => DossierOf(d.Kind) is null);

    /// <summary>The dossier's latest submitted version of a kind, for the templates table.</summary>
    public DossierDocumentRow? LatestDraft(string kind) =>
        Dossiers.SelectMany(d => d.List.Rows).Where(r => r.Kind == kind).MaxBy(r => r.Version);
}
