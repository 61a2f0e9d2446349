using static Procurement.Features.Evaluation.EvaluationText;

namespace Procurement.Features.Evaluation.ScoreSheets;

/// <summary>The member submits their own sheet: it locks until the chair reopens it.</summary>
[Access(Roles.Committee)]
public sealed record SubmitScoreSheet(Guid CaseId) : ICommand<long>, ICaseRequest;

public sealed class SubmitScoreSheetHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<SubmitScoreSheet, long>
{
    public static object[] Decide(EvaluationView evaluation, ScoreSheetView sheet, Guid memberId, Actor by, DateTimeOffset at)
    {
        EvaluationGate.RequireOpen(evaluation);
        EvaluationGate.RequireDeclared(evaluation, memberId);
        if (sheet.Status == ScoreSheetStatus.Submitted) return [];
        if (evaluation.PendingReconfirmation.Contains(memberId)) throw new DomainRuleException("評価基準が変更されています。変更内容を確認してから提出してください。");

        var missing = 0;
        foreach (var vendor in evaluation.Vendors.Where(v => !evaluation.IsConflicted(memberId, v.VendorId)))
        {
            foreach (var item in evaluation.ScoredCriteria.SelectMany(c => c.Items))
            {
                if (sheet.MarkFor(vendor.VendorId, item.Id) is null) missing++;
            }
        }
        if (missing > 0) throw new DomainRuleException(T.Format("未入力の評価が{0}件あります。すべて入力してから提出してください。", missing));
        return [new ScoreSheetSubmitted(evaluation.CaseId, memberId, evaluation.CriteriaRevision, by, at)];
    }

    public async ValueTask<long> Handle(SubmitScoreSheet c, CancellationToken ct)
    {
        var evaluation = await EvaluationGate.LoadAsync(session, c.CaseId, ct);
        EvaluationGate.RequireScorer(user, evaluation);
        return await EvaluationGate.AppendToSheetAsync(session, c.CaseId, user.Id, sheet => Decide(evaluation, sheet, user.Id, user.Actor, clock.GetUtcNow()), ct);
    }
}
