using Procurement.Features.Evaluation.Scoring;
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
    /// <summary>Whether the member's sheet may change at all: checked before anything is parsed (an import reads a file).</summary>
    public static void RequireChangeable(EvaluationView evaluation, ScoreSheetView sheet, Guid memberId)
    {
        EvaluationGate.RequireOpen(evaluation);
        if (!evaluation.CriteriaFrozen) throw new DomainRuleException("提案書の開封前は採点できません。");
        EvaluationGate.RequireDeclared(evaluation, memberId);
        if (sheet.Status == ScoreSheetStatus.Submitted) throw new DomainRuleException("提出済みの採点表は変更できません。変更が必要な場合は委員長に差し戻しを依頼してください。");
    }

    public static object[] Decide(EvaluationView evaluation, ScoreSheetView sheet, IReadOnlyList<ScoreEntry> entries, string source, Guid memberId, Actor by, DateTimeOffset at,
        IReadOnlyList<ScoreNote>? notes = null)
    {
        RequireChangeable(evaluation, sheet, memberId);

        var items = evaluation.ScoredCriteria.SelectMany(c => c.Items).ToDictionary(i => i.Id, StringComparer.Ordinal);
        var changes = new List<ScoreChange>();
        foreach (var e in entries)
        {
            var vendor = evaluation.Vendors.FirstOrDefault(v => v.VendorId == e.VendorId) ?? throw new DomainRuleException("評価対象ではない事業者の採点が含まれています。");
            if (evaluation.IsConflicted(memberId, e.VendorId)) throw new DomainRuleException(T.Format("{0}は利害関係を申告しているため採点できません。", vendor.Name));
            if (!items.TryGetValue(e.ItemId, out var item)) throw new DomainRuleException(T.Format("評価項目「{0}」は評価基準にありません。", e.ItemId));
            if (e.Mark is { } mark && !Marks.IsValid(item, mark)) throw new DomainRuleException(T.Format("{0}「{1}」: {2}。", vendor.Name, item.Name, T.Format(Marks.RangeText(item).Template, [.. Marks.RangeText(item).Args])));

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
                throw new DomainRuleException("評価対象ではない事業者又は項目へのメモが含まれています。");
            }
            var text = string.IsNullOrWhiteSpace(n.Text) ? null : n.Text.Trim();
            if (sheet.Notes.GetValueOrDefault(ScoreSheetView.Key(n.VendorId, n.ItemId)) == text) continue;
            noteChanges.Add(n with { Text = text });
        }
        var events = new List<object>();
        if (changes.Count > 0) events.Add(new ScoreDraftSaved(evaluation.CaseId, memberId, changes, source, by, at));
        if (noteChanges.Count > 0) events.Add(new ScoreNotesSaved(evaluation.CaseId, memberId, noteChanges, by, at));
        return [.. events];
    }

    public async ValueTask<long> Handle(SaveScoreDraft c, CancellationToken ct)
    {
        var evaluation = await EvaluationGate.LoadAsync(session, c.CaseId, ct);
        EvaluationGate.RequireScorer(user, evaluation);
        var entries = c.Entries;
        if (c.ExpectedVersion is { } seenAt)
        {
            var id = EvaluationStreams.ScoreSheet(c.CaseId, user.Id);
            var seen = seenAt <= 0 ? null : await session.Events.AggregateStreamAsync<ScoreSheetView>(id, version: seenAt, token: ct);
            entries = EditedSince(seen, entries);
        }
        return await EvaluationGate.AppendToSheetAsync(session, c.CaseId, user.Id,
            sheet => Decide(evaluation, sheet, entries, "画面", user.Id, user.Actor, clock.GetUtcNow(), c.Notes), ct);
    }

    /// <summary>The entries whose mark or comment differ from the sheet the page was showing (null: an empty sheet).</summary>
    public static IReadOnlyList<ScoreEntry> EditedSince(ScoreSheetView? seen, IReadOnlyList<ScoreEntry> entries) => [.. entries.Where(e =>
    {
        var comment = string.IsNullOrWhiteSpace(e.Comment) ? null : e.Comment.Trim();
        var before = seen?.Cells.GetValueOrDefault(ScoreSheetView.Key(e.VendorId, e.ItemId));
        return before is null ? e.Mark is not null || comment is not null : before.Mark != e.Mark || before.Comment != comment;
    })];
}
