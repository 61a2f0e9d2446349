using Procurement.Features.Evaluation.ScoreSheets;

namespace Procurement.Features.Evaluation;

/// <summary>The chair closes technical scoring: sheets become visible to the committee and the price envelope opens.</summary>
[Access(Roles.Committee)]
public sealed record CloseTechnicalScoring(Guid CaseId) : ICommand<long>, ICaseRequest;

public sealed class CloseTechnicalScoringHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<CloseTechnicalScoring, long>
{
    public static Decision Decide(EvaluationView state, IReadOnlyList<ScoreSheetView> sheets, CloseTechnicalScoring c, Actor by, DateTimeOffset at)
    {
        if (state.TechnicalClosed) return Decision.Nothing;
        var undeclared = state.Members.Where(m => state.DeclarationOf(m.MemberId) is null).Select(m => m.Name).ToList();
        if (undeclared.Count > 0) return Decision.Refuse("利害関係の申告が済んでいない委員がいます: {0}", undeclared);
        if (state.PendingReconfirmation.Count > 0) return Decision.Refuse("評価基準の変更を再確認していない委員がいます。");
        var notSubmitted = state.Members
            .Where(m => sheets.FirstOrDefault(s => s.MemberId == m.MemberId)?.Status != ScoreSheetStatus.Submitted)
            .Select(m => m.Name).ToList();
        if (notSubmitted.Count > 0) return Decision.Refuse("採点表を提出していない委員がいます: {0}", notSubmitted);
        return Decision.Append(new TechnicalScoringClosed(c.CaseId, by, at));
    }

    public async ValueTask<long> Handle(CloseTechnicalScoring c, CancellationToken ct)
    {
        var sheets = await session.Query<ScoreSheetView>().Where(s => s.CaseId == c.CaseId).ToListAsync(ct);
        return await EvaluationGate.AppendAsync(session, c.CaseId, state =>
        {
            EvaluationGate.RequireChair(user, state);
            return Decide(state, sheets, c, user.Actor, clock.GetUtcNow());
        }, ct);
    }
}
