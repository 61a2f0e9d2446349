namespace Procurement.Features.Evaluation.Demonstrations;

[Access(Roles.Officer)]
public sealed record CancelDemonstration(Guid CaseId, Guid SlotId, string Reason) : ICommand<long>, ICaseRequest;

public sealed class CancelDemonstrationValidator : AbstractValidator<CancelDemonstration>
{
    public CancelDemonstrationValidator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("取消の理由を入力してください。");
}

public sealed class CancelDemonstrationHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<CancelDemonstration, long>
{
    public static Decision Decide(EvaluationView state, CancelDemonstration c, Actor by, DateTimeOffset at)
    {
        if (state.Demonstrations.All(s => s.SlotId != c.SlotId)) return Decision.Refuse("指定されたデモンストレーションの予定が見つかりません。");
        return Decision.Append(new DemonstrationCancelled(c.CaseId, c.SlotId, c.Reason.Trim(), by, at));
    }

    public async ValueTask<long> Handle(CancelDemonstration c, CancellationToken ct)
    {
        return await EvaluationGate.AppendAsync(session, c.CaseId, state => Decide(state, c, user.Actor, clock.GetUtcNow()), ct);
    }
}
