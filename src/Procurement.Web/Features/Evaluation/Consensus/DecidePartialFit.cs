using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Features.Evaluation.Consensus;

/// <summary>
/// The chair records the committee's decision on a △ (the vendor proposes an alternative): accepted as ○ or
/// rejected as ×. Until every △ is decided the result is not final.
/// </summary>
[Access(Roles.Committee)]
public sealed record DecidePartialFit(Guid CaseId, Guid VendorId, string ItemId, bool TreatAsFit, string Reason) : ICommand<long>, ICaseRequest;

public sealed class DecidePartialFitValidator : AbstractValidator<DecidePartialFit>
{
    public DecidePartialFitValidator()
    {
        RuleFor(c => c.ItemId).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().WithMessage("判断の理由（代替案の評価）を入力してください。").MaximumLength(2000);
    }
}

public sealed class DecidePartialFitHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<DecidePartialFit, long>
{
    public static Decision Decide(EvaluationView state, DecidePartialFit c, Actor by, DateTimeOffset at)
    {
        if (EvaluationRefusals.IfFinalised(state) is { } refused) return refused;
        if (state.Vendors.All(v => v.VendorId != c.VendorId)) return Decision.Refuse("評価対象ではない事業者です。");
        if (state.ScoredCriteria.SelectMany(x => x.Items).FirstOrDefault(i => i.Id == c.ItemId) is not { } item)
            return Decision.Refuse("評価項目「{0}」は評価基準にありません。", c.ItemId);
        if (item.Scale != ScaleKind.FitGap) return Decision.Refuse("「{0}」は○△×で評価する項目ではありません。", item.Name);
        return Decision.Append(new PartialFitDecided(c.CaseId, c.VendorId, c.ItemId, c.TreatAsFit, c.Reason.Trim(), by, at));
    }

    public async ValueTask<long> Handle(DecidePartialFit c, CancellationToken ct)
    {
        return await EvaluationGate.AppendAsync(session, c.CaseId, state =>
        {
            EvaluationGate.RequireChair(user, state);
            return Decide(state, c, user.Actor, clock.GetUtcNow());
        }, ct);
    }
}
