using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Features.Evaluation.Consensus;

/// <summary>
/// After the individual scores are in, the chair records the committee's consensus mark for one item of one vendor,
/// with a written reason. It replaces every member's mark for that item in the result; the individual marks stay
/// visible. Mark null withdraws the consensus.
/// </summary>
[Access(Roles.Committee)]
public sealed record SetConsensusScore(Guid CaseId, Guid VendorId, string ItemId, decimal? Mark, string Reason) : ICommand<long>, ICaseRequest;

public sealed class SetConsensusScoreValidator : AbstractValidator<SetConsensusScore>
{
    public SetConsensusScoreValidator()
    {
        RuleFor(c => c.ItemId).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().WithMessage("合議の理由を入力してください。").MaximumLength(2000);
    }
}

public sealed class SetConsensusScoreHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<SetConsensusScore, long>
{
    public static Decision Decide(EvaluationView state, SetConsensusScore c, Actor by, DateTimeOffset at)
    {
        if ((EvaluationRefusals.IfFinalised(state) ?? EvaluationRefusals.IfNotClosedYet(state, "合議による評価の決定")) is { } refused) return refused;
        if (state.Vendors.All(v => v.VendorId != c.VendorId)) return Decision.Refuse("評価対象ではない事業者です。");
        if (state.ScoredCriteria.SelectMany(x => x.Items).FirstOrDefault(i => i.Id == c.ItemId) is not { } item)
            return Decision.Refuse("評価項目「{0}」は評価基準にありません。", c.ItemId);
        if (c.Mark is { } mark && !Marks.IsValid(item, mark))
        {
            var range = Marks.RangeText(item); // one of the engine's templates (EngineTexts), each with its English
            return Decision.Refuse(range.Template, [.. range.Args]);
        }
        return Decision.Append(new ConsensusScoreSet(c.CaseId, c.VendorId, c.ItemId, c.Mark, c.Reason.Trim(), by, at));
    }

    public async ValueTask<long> Handle(SetConsensusScore c, CancellationToken ct)
    {
        return await EvaluationGate.AppendAsync(session, c.CaseId, state =>
        {
            EvaluationGate.RequireChair(user, state);
            return Decide(state, c, user.Actor, clock.GetUtcNow());
        }, ct);
    }
}
