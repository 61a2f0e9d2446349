using Microsoft.AspNetCore.Authorization;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Features.Evaluation.ScoreSheets;

namespace Procurement.Features.Evaluation.Pages;

/// <summary>
/// The member's own score sheet: one input per (non-conflicted) vendor and item in the item's scale; save as draft
/// (button, or autosave from wwwroot/js/score-sheet-autosave.js through the Autosave handler), submit (locks), Excel
/// export and import (all or nothing, bad cells named). Opens only after the member's declaration.
/// </summary>
[Access(Roles.Committee, CaseRoute = "id")]
[Authorize(Policy = Policies.Committee)]
[RequestSizeLimit(ImportScoreSheetValidator.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportScoreSheetValidator.MaxBytes + 64 * 1024)]
public sealed class SheetModel(EvaluationQueries queries, IMediator mediator, UiText t, TimeProvider clock,
    Marten.IQuerySession session, Vendors.Proposals.ProposalAccess proposals, ICurrentUser user) : CasePageModel
{
    /// <summary>Key: "{vendorId:N}-{itemId}"; value as typed or selected ("4", "○", "合", "12.5").</summary>
    [BindProperty] public Dictionary<string, string?> Cells { get; set; } = [];
    [BindProperty] public IFormFile? Upload { get; set; }
    /// <summary>The sheet stream's version the form was loaded at; the autosave replies with the new one.</summary>
    [BindProperty] public long? Version { get; set; }
    /// <summary>Private notes, key as <see cref="Cells"/>: only the member sees them.</summary>
    [BindProperty] public Dictionary<string, string?> Notes { get; set; } = [];
    /// <summary>The submit's confirmation checkbox: a submitted sheet locks until the chair reopens it.</summary>
    [BindProperty] public bool SubmitConfirmed { get; set; }
    /// <summary>Cells left empty when a submit was refused for them (keys as <see cref="Cells"/>): highlighted on the page.</summary>
    public IReadOnlySet<string> Unanswered { get; private set; } = new HashSet<string>();
    /// <summary>Per vendor, the current proposal's files the member may open (the proposal pages' own access rule).</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<Vendors.VendorFile>> ProposalFiles { get; private set; } = new Dictionary<Guid, IReadOnlyList<Vendors.VendorFile>>();

    public MyScoreSheet Sheet { get; private set; } = null!;

    public static string Key(Guid vendorId, string itemId) => $"{vendorId:N}-{itemId}";

    /// <summary>The input's id and the model-state key of its error (the error summary links to it).</summary>
    public static string CellId(Guid vendorId, string itemId) => "cell-" + Key(vendorId, itemId);

    public static string Text(CriteriaItem item, decimal? mark) => mark switch
    {
        null => "",
        { } m => item.Scale switch
        {
            ScaleKind.FitGap => m == Marks.Fit ? "○" : m == Marks.Partial ? "△" : "×",
            ScaleKind.PassFail => m == Marks.Pass ? "合" : "否",
            _ => m.ToString("0.##", CultureInfo.InvariantCulture),
        },
    };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Cells = Sheet.Vendors.SelectMany(v => Sheet.Criteria.SelectMany(c => c.Items).Select(i =>
                (Key(v.VendorId, i.Id), (string?)Text(i, Sheet.Cells.FirstOrDefault(x => x.VendorId == v.VendorId && x.ItemId == i.Id)?.Mark))))
            .ToDictionary(x => x.Item1, x => x.Item2);
        Notes = Sheet.Notes.ToDictionary(n => n.Key.Replace('|', '-'), n => (string?)n.Value);
        Version = Sheet.Version;
        return Page();
    }

    /// <summary>Items without a mark: per vendor, from what the page holds (typed or saved).</summary>
    public int RemainingFor(Guid vendorId) =>
        Sheet.Criteria.SelectMany(c => c.Items).Count(i => string.IsNullOrWhiteSpace(Cells.GetValueOrDefault(Key(vendorId, i.Id))));

    public int ItemCount => Sheet.Criteria.Sum(c => c.Items.Count);

    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var bytes = await queries.ExportMySheetAsync(id, ct);
        return File(bytes, ScoreSheetExcel.ContentType, $"score-sheet-{Case.Id:N}.xlsx");
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Entries() is not { } entries) return Page();
        var (ok, stale) = await FormCommand.TryAsync(ModelState, t, "Sheet", () => mediator.Send(new SaveScoreDraft(id, entries, Version, NoteEntries()), ct).AsTask());
        return Done(id, ok, stale, t["下書きを保存しました。"]);
    }

    /// <summary>
    /// The autosave: same rules as the button, answered in JSON — {saved, at, version, cells}; 422 with {errors: {fieldId: message}}
    /// (a bad cell, or "Sheet" for a refusal such as a submitted sheet). Cells are independent: a cell another tab saved
    /// meanwhile comes back in cells ({fieldId: text}, every cell whose stored value differs from what was sent), so the
    /// page shows it and its next save, sent with the new version, does not take the old value for an edit.
    /// </summary>
    public async Task<IActionResult> OnPostAutosaveAsync(Guid id, CancellationToken ct)
    {
        // The reply is JSON, never the page: the proposal files' links are not needed.
        if (await LoadAsync(id, ct, withFiles: false) is { } refused) return refused;
        if (Entries() is { } entries)
        {
            long version = 0;
            var (ok, stale) = await FormCommand.TryAsync(ModelState, t, "Sheet", async () => version = await mediator.Send(new SaveScoreDraft(id, entries, Version, NoteEntries()), ct));
            if (ok)
            {
                var at = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Documents.JapaneseDates.Tokyo).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
                Sheet = await queries.GetMySheetAsync(id, ct);
                var cells = Sheet.Vendors.SelectMany(v => Sheet.Criteria.SelectMany(c => c.Items).Select(i =>
                        (Key: Key(v.VendorId, i.Id), Id: CellId(v.VendorId, i.Id), Text: Text(i, Sheet.Cells.FirstOrDefault(x => x.VendorId == v.VendorId && x.ItemId == i.Id)?.Mark))))
                    .Where(c => (Cells.GetValueOrDefault(c.Key) ?? "").Trim() != c.Text)
                    .ToDictionary(c => c.Id, c => c.Text);
                return new JsonResult(new { saved = true, at, version, cells });
            }
            if (stale) return new JsonResult(new { saved = false, stale = true, message = t[new StaleVersionException().Message] }) { StatusCode = StatusCodes.Status409Conflict };
        }
        var errors = ModelState.Where(kv => kv.Value!.Errors.Count > 0)
            .ToDictionary(kv => kv.Key.Length == 0 ? "Sheet" : kv.Key, kv => string.Join(" ", kv.Value!.Errors.Select(e => e.ErrorMessage)));
        return new JsonResult(new { saved = false, errors }) { StatusCode = StatusCodes.Status422UnprocessableEntity };
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Entries() is not { } entries) return Page();
        // A refused submit keeps what was typed and saves it as the draft, so nothing typed is lost; the empty cells are
        // highlighted and counted before anything is submitted.
        var unanswered = entries.Where(e => e.Mark is null).Select(e => Key(e.VendorId, e.ItemId)).ToHashSet(StringComparer.Ordinal);
        if (unanswered.Count > 0 || !SubmitConfirmed)
        {
            var (saved, staleDraft) = await FormCommand.TryAsync(ModelState, t, "Sheet", async () => Version = await mediator.Send(new SaveScoreDraft(id, entries, Version, NoteEntries()), ct));
            if (!saved)
            {
                Stale = staleDraft;
                return Page();
            }
            Sheet = await queries.GetMySheetAsync(id, ct);
            Version = Sheet.Version;
            if (unanswered.Count > 0)
            {
                Unanswered = unanswered;
                ModelState.AddModelError("Sheet", t.Format("未入力の評価が{0}件あります。すべて入力してから提出してください。", unanswered.Count));
            }
            else
            {
                Confirmation.Require(ModelState, "Submit", false, t["提出する前に、提出の結果を確認してチェックを入れてください。"]);
            }
            return Page();
        }
        var (ok, stale) = await FormCommand.TryAsync(ModelState, t, "Sheet", async () =>
        {
            await mediator.Send(new SaveScoreDraft(id, entries, Version, NoteEntries()), ct);
            await mediator.Send(new SubmitScoreSheet(id), ct);
        });
        return Done(id, ok, stale, t["採点表を提出しました。"]);
    }

    public async Task<IActionResult> OnPostImportAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        KeepSavedCells();
        Version = Sheet.Version;
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), t["取り込むExcelファイルを選んでください。"]);
            return Page();
        }
        if (Upload.Length > ImportScoreSheetValidator.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), t.Format("ファイルが大きすぎます（{0}MBまで）。", ImportScoreSheetValidator.MaxBytes / 1024 / 1024));
            return Page();
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        // Every bad cell on its own line, next to the upload field; nothing was saved. Whole-file refusals are texts of their own.
        var (ok, stale) = await FormCommand.TryAsync(ModelState, t,
            () => mediator.Send(new ImportScoreSheet(id, buffer.ToArray()), ct).AsTask(), _ => nameof(Upload), nameof(Upload));
        return Done(id, ok, stale, t["Excelの採点表を取り込みました。"]);
    }

    private IActionResult Done(Guid id, bool ok, bool stale, string flash)
    {
        if (!ok)
        {
            Stale = stale;
            return Page();
        }
        TempData["Flash"] = flash;
        return Redirect($"/Cases/{id}/Evaluation/Sheet");
    }

    /// <summary>Reads every cell; an unreadable value is reported next to its input and nothing is sent.</summary>
    private List<ScoreEntry>? Entries()
    {
        var entries = new List<ScoreEntry>();
        foreach (var v in Sheet.Vendors)
        {
            foreach (var item in Sheet.Criteria.SelectMany(c => c.Items))
            {
                var text = Cells.GetValueOrDefault(Key(v.VendorId, item.Id));
                var existing = Sheet.Cells.FirstOrDefault(x => x.VendorId == v.VendorId && x.ItemId == item.Id);
                if (string.IsNullOrWhiteSpace(text))
                {
                    entries.Add(new ScoreEntry(v.VendorId, item.Id, null, existing?.Comment));
                }
                else if (Marks.TryParse(item, text, out var mark))
                {
                    entries.Add(new ScoreEntry(v.VendorId, item.Id, mark, existing?.Comment));
                }
                else
                {
                    ModelState.AddModelError(CellId(v.VendorId, item.Id), $"{v.Name}「{item.Name}」: {EvaluationForm.Say(t, Marks.RangeText(item), Marks.RangeMessage(item))}");
                }
            }
        }
        return ModelState.ErrorCount == 0 ? entries : null;
    }

    /// <summary>The notes the form sent, for the vendors and items on the sheet (null when the form sent none).</summary>
    private List<ScoreNote>? NoteEntries()
    {
        if (Notes.Count == 0) return null;
        return [.. Sheet.Vendors.SelectMany(v => Sheet.Criteria.SelectMany(c => c.Items)
            .Where(i => Notes.ContainsKey(Key(v.VendorId, i.Id)))
            .Select(i => new ScoreNote(v.VendorId, i.Id, Notes[Key(v.VendorId, i.Id)])))];
    }

    private void KeepSavedCells()
    {
        foreach (var v in Sheet.Vendors)
        {
            foreach (var item in Sheet.Criteria.SelectMany(c => c.Items))
            {
                Cells[Key(v.VendorId, item.Id)] = Text(item, Sheet.Cells.FirstOrDefault(x => x.VendorId == v.VendorId && x.ItemId == item.Id)?.Mark);
            }
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct, bool withFiles = true)
    {
        // The seat and the declaration from the evaluation itself (read once per request: the sheet query and the save's
        // own checks reuse it), not from the overview, which reads every member's sheet for their statuses.
        var evaluation = await EvaluationGate.LoadAsync(session, id, ct);
        if (!evaluation.IsMember(user.Id) || User.IsInRole(Roles.Legal)) return Forbid();
        if (evaluation.DeclarationOf(user.Id) is null)
        {
            TempData["Flash"] = t["提案書や採点表を開く前に、利害関係の申告を行ってください。"];
            return Redirect($"/Cases/{id}/Evaluation/Declare");
        }
        Sheet = await queries.GetMySheetAsync(id, ct);
        if (withFiles) ProposalFiles = await VisibleProposalFilesAsync(id, ct);
        return null;
    }

    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Vendors.VendorFile>>> VisibleProposalFilesAsync(Guid id, CancellationToken ct)
    {
        var caseVendors = await session.LoadAsync<Vendors.CaseVendors>(id, ct);
        var result = new Dictionary<Guid, IReadOnlyList<Vendors.VendorFile>>();
        if (caseVendors is null) return result;
        foreach (var v in Sheet.Vendors)
        {
            var files = new List<Vendors.VendorFile>();
            foreach (var proposal in caseVendors.CurrentProposals.Where(p => p.VendorId == v.VendorId && !p.Excluded))
            {
                foreach (var file in proposal.Files)
                {
                    if (await proposals.CanOpenFileAsync(id, v.VendorId, file, ct)) files.Add(file);
                }
            }
            if (files.Count > 0) result[v.VendorId] = files;
        }
        return result;
    }
}
