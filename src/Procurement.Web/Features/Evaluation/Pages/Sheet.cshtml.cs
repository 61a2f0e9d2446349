using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Procurement.Features.Cases;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Localization;
using Procurement.Infrastructure.Validation;

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
public sealed class SheetModel(CaseAccess access, EvaluationQueries queries, IMediator mediator, UiText t, TimeProvider clock) : PageModel
{
    /// <summary>Key: "{vendorId:N}-{itemId}"; value as typed or selected ("4", "○", "合", "12.5").</summary>
    [BindProperty] public Dictionary<string, string?> Cells { get; set; } = [];
    [BindProperty] public IFormFile? Upload { get; set; }
    /// <summary>The sheet stream's version the form was loaded at; the autosave replies with the new one.</summary>
    [BindProperty] public long? Version { get; set; }

    public CaseSummary Case { get; private set; } = null!;
    public MyScoreSheet Sheet { get; private set; } = null!;
    public bool Stale { get; private set; }

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
        Version = Sheet.Version;
        return Page();
    }

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
        var (ok, stale) = await FormCommand.TryAsync(ModelState, t, "Sheet", () => mediator.Send(new SaveScoreDraft(id, entries, Version), ct).AsTask());
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
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Entries() is { } entries)
        {
            long version = 0;
            var (ok, stale) = await FormCommand.TryAsync(ModelState, t, "Sheet", async () => version = await mediator.Send(new SaveScoreDraft(id, entries, Version), ct));
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
        var (ok, stale) = await FormCommand.TryAsync(ModelState, t, "Sheet", async () =>
        {
            await mediator.Send(new SaveScoreDraft(id, entries, Version), ct);
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
        try
        {
            await mediator.Send(new ImportScoreSheet(id, buffer.ToArray()), ct);
            TempData["Flash"] = t["Excelの採点表を取り込みました。"];
            return Redirect($"/Cases/{id}/Evaluation/Sheet");
        }
        catch (DomainRuleException ex)
        {
            // Every bad cell on its own line, next to the upload field; nothing was saved. Whole-file refusals are texts of their own.
            foreach (var line in ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries)) ModelState.AddModelError(nameof(Upload), t[line]);
        }
        catch (FluentValidation.ValidationException ex)
        {
            foreach (var e in ex.Errors) ModelState.AddModelError(nameof(Upload), e.ErrorMessage);
        }
        catch (StaleVersionException ex)
        {
            Stale = true;
            ModelState.AddModelError("", t[ex.Message]);
        }
        return Page();
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

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await access.FindCaseAsync(id, ct) is not { } found) return NotFound();
        Case = found;
        var overview = await queries.GetOverviewAsync(id, ct);
        if (!overview.IAmMember || User.IsInRole(Roles.Legal)) return Forbid();
        if (!overview.IHaveDeclared)
        {
            TempData["Flash"] = t["提案書や採点表を開く前に、利害関係の申告を行ってください。"];
            return Redirect($"/Cases/{id}/Evaluation/Declare");
        }
        Sheet = await queries.GetMySheetAsync(id, ct);
        return null;
    }
}
