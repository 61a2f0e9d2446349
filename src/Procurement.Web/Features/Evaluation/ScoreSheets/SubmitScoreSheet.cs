namespace Procurement.Features.Evaluation.ScoreSheets;

/// <summary>The member submits their own sheet: it locks until the chair reopens it.</summary>
[Access(Roles.Committee)]
public sealed record SubmitScoreSheet(Guid CaseId) : ICommand<long>, ICaseRequest;

public sealed class SubmitScoreSheetHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<SubmitScoreSheet, long>
{
    public static Decision Decide(EvaluationView evaluation, ScoreSheetView sheet, Guid memberId, Actor by, DateTimeOffset at)
    {
        if (evaluation.TechnicalClosed) return Decision.Refuse("技術審査は締め切られています。");
        if (evaluation.DeclarationOf(memberId) is null) return Decision.Refuse("利害関係の申告を行ってから、提案書や採点表を開いてください。");
        if (sheet.Status == ScoreSheetStatus.Submitted) return Decision.Nothing;
        if (evaluation.PendingReconfirmation.Contains(memberId)) return Decision.Refuse("評価基準が変更されています。変更内容を確認してから提出してください。");

        var missing = 0;
        foreach (var vendor in evaluation.Vendors.Where(v => !evaluation.IsConflicted(memberId, v.VendorId)))
        {
            foreach (var item in evaluation.ScoredCriteria.SelectMany(c => c.Items))
            {
                if (sheet.MarkFor(vendor.VendorId, item.Id) is null) missing++;
            }
        }
        if (missing > 0) return Decision.Refuse("未入力の評価が{0}件あります。すべて入力してから提出してください。", missing);
        return Decision.Append(new ScoreSheetSubmitted(evaluation.CaseId, memberId, evaluation.CriteriaRevision, by, at));
    }

    public async ValueTask<long> Handle(SubmitScoreSheet c, CancellationToken ct)
    {
        var evaluation = await EvaluationGate.LoadAsync(session, c.CaseId, ct);
        EvaluationGate.RequireScorer(user, evaluation);
        return await EvaluationGate.AppendToSheetAsync(session, c.CaseId, user.Id, sheet => Decide(evaluation, sheet, user.Id, user.Actor, clock.GetUtcNow()), ct);
    }
}
