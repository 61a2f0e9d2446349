namespace Procurement.Features.Evaluation.ScoreSheets;

/// <summary>The chair sends a submitted sheet back to its member, with a reason the member sees.</summary>
[Access(Roles.Committee)]
public sealed record ReopenScoreSheet(Guid CaseId, Guid MemberId, string Reason) : ICommand<long>, ICaseRequest;

public sealed class ReopenScoreSheetValidator : AbstractValidator<ReopenScoreSheet>
{
    public ReopenScoreSheetValidator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("差し戻しの理由を入力してください。").MaximumLength(2000);
}

public sealed class ReopenScoreSheetHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReopenScoreSheet, long>
{
    public static Decision Decide(EvaluationView evaluation, ScoreSheetView sheet, ReopenScoreSheet c, Actor by, DateTimeOffset at)
    {
        if (evaluation.TechnicalClosed) return Decision.Refuse("技術審査は締め切られています。");
        if (sheet.Status != ScoreSheetStatus.Submitted) return Decision.Refuse("この採点表はまだ提出されていません。");
        return Decision.Append(new ScoreSheetReopened(c.CaseId, c.MemberId, c.Reason.Trim(), by, at));
    }

    public async ValueTask<long> Handle(ReopenScoreSheet c, CancellationToken ct)
    {
        var evaluation = await EvaluationGate.LoadAsync(session, c.CaseId, ct);
        EvaluationGate.RequireChair(user, evaluation);
        return await EvaluationGate.AppendToSheetAsync(session, c.CaseId, c.MemberId, sheet => Decide(evaluation, sheet, c, user.Actor, clock.GetUtcNow()), ct);
    }
}
