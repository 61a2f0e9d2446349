using Procurement.Features.Contracts.Drafting;

namespace Procurement.Features.Contracts;

/// <summary>
/// One submitted version clause by clause, with the comments on each clause. Legal staff comment, send back or
/// approve here; the commands refuse anyone else, so the forms are shown to legal staff only for convenience.
/// </summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class VersionModel(ContractAccess access, IQuerySession session, IMediator mediator, Documents.Rendering.PdfConverter pdf, UiText t) : CasePageModel
{
    public sealed class ReviewInput
    {
        public long Version { get; set; }
        public string ClauseKey { get; set; } = "";
        public string Comment { get; set; } = "";
        public string Reason { get; set; } = "";
        /// <summary>Why legal staff approve although the documents contradict each other.</summary>
        public string ContradictionReason { get; set; } = "";
    }

    /// <summary>The consistency check of this version's documents, for officers and legal staff (null for others).</summary>
    public Consistency.ConsistencyReport? Consistency { get; private set; }

    [BindProperty] public ReviewInput Input { get; set; } = new();
    public ContractDossier Dossier { get; private set; } = null!;
    public SubmittedVersion Submitted { get; private set; } = null!;
    public ContractVersionFiles Files { get; private set; } = null!;
    public bool CanReview => access.CanReview && Submitted.Status == DraftStatus.InReview;
    public bool PdfAvailable => pdf.IsAvailable;

    /// <summary>The .docx hashes whose PDF is already made (the rest say 作成中).</summary>
    public IReadOnlySet<string> PdfReady { get; private set; } = new HashSet<string>();

    /// <summary><paramref name="clause"/> preselects the clause when legal staff click "comment" under it.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, int version, string? clause, CancellationToken ct)
    {
        var refused = await LoadAsync(id, version, ct);
        if (refused is not null) return refused;
        if (clause is not null && Submitted.Clauses.Any(c => ReviewDecision.Key(c) == clause)) Input.ClauseKey = clause;
        return Page();
    }

    /// <summary>After a comment the page opens at the commented clause, where the comment now shows, not at the top.</summary>
    public Task<IActionResult> OnPostCommentAsync(Guid id, int version, CancellationToken ct) =>
        SendAsync(id, version, () => new CommentOnClauseCommand(id, Input.Version, version, Input.ClauseKey ?? "", Input.Comment ?? ""),
            t["コメントを登録しました。"], stay: true, ct,
            fragment: () => Submitted.Clauses.FirstOrDefault(c => ReviewDecision.Key(c) == Input.ClauseKey) is { } c ? ClauseAnchor(c.Kind, c.ClauseId) : null);

    /// <summary>The element id of a clause on this page (the view uses the same).</summary>
    public static string ClauseAnchor(DraftDocumentKind kind, string clauseId) => $"clause-{DraftKinds.Slug(kind)}-{clauseId}";

    public Task<IActionResult> OnPostSendBackAsync(Guid id, int version, CancellationToken ct) =>
        SendAsync(id, version, () => new SendDraftBackCommand(id, Input.Version, version, Input.Reason ?? ""),
            t.Format("第{0}版を差し戻しました。", version), stay: false, ct);

    /// <summary>Approval fixes the version for good: the form carries a confirmation the server checks.</summary>
    [BindProperty] public bool ApproveConfirmed { get; set; }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, int version, CancellationToken ct)
    {
        if (!ApproveConfirmed)
        {
            var refused = await LoadAsync(id, version, ct, keepInput: true);
            if (refused is not null) return refused;
            Confirmation.Require(ModelState, "Approve", false, t["承認する前に、承認の結果を確認してチェックを入れてください。"]);
            return Page();
        }
        return await SendAsync(id, version, () => new ApproveDraftCommand(id, Input.Version, version, Input.ContradictionReason),
            t.Format("第{0}版を承認しました。この版は以後変更されません。", version), stay: false, ct);
    }

    private async Task<IActionResult> SendAsync(Guid id, int version, Func<ICommand<long>> command, string done, bool stay, CancellationToken ct,
        Func<string?>? fragment = null)
    {
        var refused = await LoadAsync(id, version, ct, keepInput: true);
        if (refused is not null) return refused;
        if (!(await FormCommand.TryAsync(ModelState, t, () => mediator.Send(command(), ct).AsTask(), FieldKey)).Ok) return Page();
        TempData["Flash"] = done;
        return Redirect(stay ? $"/Cases/{id}/Contract/Versions/{version}" + (fragment?.Invoke() is { } anchor ? "#" + anchor : "") : $"/Cases/{id}/Contract");
    }

    private static string FieldKey(string property) => property switch
    {
        nameof(CommentOnClauseCommand.Text) => "Input.Comment",
        nameof(SendDraftBackCommand.Reason) => "Input.Reason",
        _ => "Input." + property,
    };

    private async Task<IActionResult?> LoadAsync(Guid id, int version, CancellationToken ct, bool keepInput = false)
    {
        if (!await access.CanReadDraftsAsync(id, ct)) return Forbid();
        var dossier = await access.FindDossierAsync(id, ct);
        var submitted = dossier?.Submitted(version);
        var files = submitted is null ? null : await session.LoadAsync<ContractVersionFiles>(ContractVersionFiles.IdFor(dossier!.Id, version), ct);
        if (submitted is null || files is null) return NotFound();
        (Dossier, Submitted, Files) = (dossier!, submitted, files);
        PdfReady = await Documents.PdfCopies.ReadyAsync(session, files.Documents.Select(d => d.Sha256), ct);
        if (!keepInput) Input = new ReviewInput { Version = dossier!.Version };
        if (access.CanReview || access.CanEdit) Consistency = await mediator.Send(new Consistency.CheckCaseConsistency(id, version), ct);
        return null;
    }
}
