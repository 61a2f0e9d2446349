using Procurement.Features.Evaluation.Scoring;
using Procurement.Infrastructure.Database;
using static Procurement.Features.Evaluation.EvaluationText;

namespace Procurement.Features.Evaluation.ScoreSheets;

/// <summary>One cell as the page (or an import) holds it. Mark null means not entered yet.</summary>
public sealed record ScoreEntry(Guid VendorId, string ItemId, decimal? Mark, string? Comment = null);

/// <summary>
/// Autosave of the member's own sheet. Send the cells the page holds (all or only the changed ones); only
/// cells that differ from the stored sheet become an event, so the history shows real changes, not keystrokes.
/// <paramref name="ExpectedVersion"/> is the sheet version the page's values come from: a cell still showing its value
/// at that version is not the member's edit and leaves a newer stored value alone (another tab's autosave); an edited
/// cell is written even if it changed since (the later write wins, the earlier value stays in the history). Null
/// takes every cell as sent (callers that hold no page, e.g. tests of the rules).
/// </summary>
[Access(Roles.Committee)]
/// <param name="Notes">The member's private notes to change with the cells (null: leave them as they are).</param>
public sealed record SaveScoreDraft(Guid CaseId, IReadOnlyList<ScoreEntry> Entries, long? ExpectedVersion = null, IReadOnlyList<ScoreNote>? Notes = null) : ICommand<long>, ICaseRequest;

public sealed class SaveScoreDraftValidator : AbstractValidator<SaveScoreDraft>
{
    public SaveScoreDraftValidator()
    {
        RuleForEach(c => c.Entries).ChildRules(e =>
        {
            e.RuleFor(x => x.ItemId).NotEmpty();
            e.RuleFor(x => x.Comment).MaximumLength(2000).WithMessage("コメントは2000文字以内で入力してください。");
        });
        RuleForEach(c => c.Notes).ChildRules(n =>
        {
            n.RuleFor(x => x.ItemId).NotEmpty();
            n.RuleFor(x => x.Text).MaximumLength(2000).WithMessage("メモは2000文字以内で入力してください。");
        });
    }
}

public sealed class SaveScoreDraftHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<SaveScoreDraft, long>
{
    /// <summary>
    /// Whether the member's sheet may change at all: checked before anything is parsed (an import reads a file).
    /// Null when it may; otherwise the refusal.
    /// </summary>
    public static Decision? Unchangeable(EvaluationView evaluation, ScoreSheetView sheet, Guid memberId)
    {
        if (evaluation.TechnicalClosed) return Decision.Refuse("技術審査は締め切られています。");
        if (!evaluation.CriteriaFrozen) return Decision.Refuse("提案書の開封前は採点できません。");
        if (evaluation.DeclarationOf(memberId) is null) return Decision.Refuse("利害関係の申告を行ってから、提案書や採点表を開いてください。");
        if (sheet.Status == ScoreSheetStatus.Submitted) return Decision.Refuse("提出済みの採点表は変更できません。変更が必要な場合は委員長に差し戻しを依頼してください。");
        return null;
    }

    public static Decision Decide(EvaluationView evaluation, ScoreSheetView sheet, IReadOnlyList<ScoreEntry> entries, string source, Guid memberId, Actor by, DateTimeOffset at,
        IReadOnlyList<ScoreNote>? notes = null)
    {
        if (Unchangeable(evaluation, sheet, memberId) is { } refused) return refused;

        var items = evaluation.ScoredCriteria.SelectMany(c => c.Items).ToDictionary(i => i.Id, StringComparer.Ordinal);
        var changes = new List<ScoreChange>();
        foreach (var e in entries)
        {
            var vendor = evaluation.Vendors.FirstOrDefault(v => v.VendorId == e.VendorId);
            if (vendor is null) return Decision.Refuse("評価対象ではない事業者の採点が含まれています。");
            if (evaluation.IsConflicted(memberId, e.VendorId)) return Decision.Refuse("{0}は利害関係を申告しているため採点できません。", vendor.Name);
            if (!items.TryGetValue(e.ItemId, out var item)) return Decision.Refuse("評価項目「{0}」は評価基準にありません。", e.ItemId);
            if (e.Mark is { } mark && !Marks.IsValid(item, mark))
            {
                // The range is a sentence of its own (its own key and arguments), put in the reader's language here.
                var range = Marks.RangeText(item);
                return Decision.Refuse("{0}「{1}」: {2}。", vendor.Name, item.Name, T.Format(range.Template, [.. range.Args]));
            }

            var comment = string.IsNullOrWhiteSpace(e.Comment) ? null : e.Comment.Trim();
            var current = sheet.Cells.GetValueOrDefault(ScoreSheetView.Key(e.VendorId, e.ItemId));
            if (current?.Mark == e.Mark && current?.Comment == comment) continue;
            if (current is null && e.Mark is null && comment is null) continue;
            changes.Add(new ScoreChange(e.VendorId, e.ItemId, e.Mark, comment));
        }
        var noteChanges = new List<ScoreNote>();
        foreach (var n in notes ?? [])
        {
            if (evaluation.Vendors.All(v => v.VendorId != n.VendorId) || evaluation.IsConflicted(memberId, n.VendorId) || !items.ContainsKey(n.ItemId))
            {
                return Decision.Refuse("評価対象ではない事業者又は項目へのメモが含まれています。");
            }
            var text = string.IsNullOrWhiteSpace(n.Text) ? null : n.Text.Trim();
            if (sheet.Notes.GetValueOrDefault(ScoreSheetView.Key(n.VendorId, n.ItemId)) == text) continue;
            noteChanges.Add(n with { Text = text });
        }
        var events = new List<object>();
        if (changes.Count > 0) events.Add(new ScoreDraftSaved(evaluation.CaseId, memberId, changes, source, by, at));
        if (noteChanges.Count > 0) events.Add(new ScoreNotesSaved(evaluation.CaseId, memberId, noteChanges, by, at));
        return events.Count == 0 ? Decision.Nothing : Decision.Append(events);
    }

    public async ValueTask<long> Handle(SaveScoreDraft c, CancellationToken ct)
    {
        var evaluation = await EvaluationGate.LoadAsync(session, c.CaseId, ct);
        EvaluationGate.RequireScorer(user, evaluation);
        var entries = c.Entries;
        if (c.ExpectedVersion is { } seenAt) entries = EditedSince(await SeenAsync(c.CaseId, seenAt, ct), entries);
        return await EvaluationGate.AppendToSheetAsync(session, c.CaseId, user.Id,
            sheet => Decide(evaluation, sheet, entries, "画面", user.Id, user.Actor, clock.GetUtcNow(), c.Notes), ct);
    }

    /// <summary>
    /// The sheet as the page showed it, at version <paramref name="seenAt"/> (null: an empty sheet). Usually the stored
    /// sheet is still at that version (the page was loaded, or its last autosave answered, since the last write) and this
    /// request has read it already; only when another tab saved in between is the stream replayed up to that version.
    /// </summary>
    private async Task<ScoreSheetView?> SeenAsync(Guid caseId, long seenAt, CancellationToken ct)
    {
        if (seenAt <= 0) return null;
        var id = EvaluationStreams.ScoreSheet(caseId, user.Id);
        if (await session.LoadOnceAsync<ScoreSheetView>(id, ct) is { } stored && stored.Version == seenAt) return stored;
        return await session.Events.AggregateStreamAsync<ScoreSheetView>(id, version: seenAt, token: ct);
    }

    /// <summary>The entries whose mark or comment differ from the sheet the page was showing (null: an empty sheet).</summary>
    public static IReadOnlyList<ScoreEntry> EditedSince(ScoreSheetView? seen, IReadOnlyList<ScoreEntry> entries) => [.. entries.Where(e =>
    {
        var comment = string.IsNullOrWhiteSpace(e.Comment) ? null : e.Comment.Trim();
        var before = seen?.Cells.GetValueOrDefault(ScoreSheetView.Key(e.VendorId, e.ItemId));
        return before is null ? e.Mark is not null || comment is not null : before.Mark != e.Mark || before.Comment != comment;
    })];
}
