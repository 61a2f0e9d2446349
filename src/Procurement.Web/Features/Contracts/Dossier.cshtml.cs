using Procurement.Features.Contracts.Drafting;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;
using Procurement.Features.Groups;

namespace Procurement.Features.Contracts;

/// <summary>
/// The case's contract drafts: status, the officer's next steps and the pre-check of mandatory clauses, every
/// submitted version with downloads, the diff form, comments and the dossier history.
/// </summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class DossierModel(ContractAccess access, IQuerySession session, IMediator mediator, IAwardSource awards, DraftRenderer drafts, PdfConverter pdf, TimeProvider clock, UiText t)
    : CasePageModel
{
    public ContractDossier? Dossier { get; private set; }
    public Award? Award { get; private set; }
    public IReadOnlyList<string> PreCheck { get; private set; } = [];
    public IReadOnlyList<TimelineEntry> History { get; private set; } = [];
    public bool PdfAvailable => pdf.IsAvailable;

    /// <summary>The .docx hashes whose PDF is already made (the rest say 作成中).</summary>
    public IReadOnlySet<string> PdfReady { get; private set; } = new HashSet<string>();
    public bool CanEdit => access.CanEdit;
    public bool CanReview => access.CanReview;

    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        var refused = await LoadAsync(id, ct);
        if (refused is not null) return refused;
        try
        {
            long number = 0;
            // The form has no field of its own: every message goes to the top of the page.
            if ((await FormCommand.TryAsync(ModelState, t, async () => number = await mediator.Send(new SubmitDraftForReviewCommand(id, Version, Note), ct), _ => "")).Ok)
            {
                TempData["Flash"] = t.Format("第{0}版を審査に提出しました。", number);
                return Redirect($"/Cases/{id}/Contract");
            }
        }
        catch (MissingClausesException ex)
        {
            ModelState.AddModelError("", t["必須条項に不足があるため、草案を作成できません。次の条項を確認してください。"]);
            foreach (var m in ex.Missing) ModelState.AddModelError("", m);
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await access.CanReadDraftsAsync(id, ct)) return Forbid();
        Dossier = await access.FindDossierAsync(id, ct);
        Version = Dossier?.Version ?? 0;
        Award = await awards.GetAward(id, ct);
        PreCheck = await PreCheckAsync(ct);
        if (Dossier is not null)
        {
            History = (await CaseTimeline.LoadAsync(session, Dossier.Id, t, ct: ct)).Reverse().ToList();
            PdfReady = await Documents.PdfCopies.ReadyAsync(session, Dossier.Versions.SelectMany(v => v.Files).Select(f => f.Sha256), ct);
        }
        return null;
    }

    /// <summary>The same check submission runs, shown in advance so the officer sees what is still undecided.</summary>
    private async Task<IReadOnlyList<string>> PreCheckAsync(CancellationToken ct)
    {
        if (Dossier?.Sla is null) return [t["SLAがまだ作成されていません。"]];
        if (Dossier.Terms is null) return [t["契約条件がまだ入力されていません。"]];
        var group = await session.LoadAsync<GroupView>(Case.GroupId, ct);
        var inputs = DraftInputsFactory.Build(Case, group!, Dossier, Award, Dossier.WorkingVersion, DraftInputsFactory.Today(clock));
        var documents = await session.LoadAsync<CaseDocumentsView>(Case.Id, ct);
        return drafts.Missing(drafts.RenderAll(DraftModel.Build(inputs, Case, group!), kind => documents?.SettingsFor(kind)?.Settings));
    }

    public static string StatusName(DraftStatus s) => s switch
    {
        DraftStatus.Drafting => "作成中",
        DraftStatus.InReview => "審査中",
        DraftStatus.Approved => "承認済",
        DraftStatus.SentBack => "差戻し",
        _ => s.ToString(),
    };

    public static string StatusClass(DraftStatus s) => s switch
    {
        DraftStatus.Approved => "badge ok",
        DraftStatus.SentBack => "badge danger",
        DraftStatus.InReview => "badge warn",
        _ => "badge",
    };
}
