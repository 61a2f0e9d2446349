namespace Procurement.Features.Evaluation.Committee;

/// <summary>
/// The officer takes a vendor off the evaluation before the proposals are opened (added by mistake, or it withdrew).
/// A vendor with a demonstration slot or a recorded bid stays until those are cancelled, so nothing points at a vendor
/// the evaluation no longer knows.
/// </summary>
[Access(Roles.Officer)]
public sealed record RemoveEvaluationVendor(Guid CaseId, Guid VendorId) : ICommand<long>, ICaseRequest;

public sealed class RemoveEvaluationVendorValidator : AbstractValidator<RemoveEvaluationVendor>
{
    public RemoveEvaluationVendorValidator() => RuleFor(c => c.VendorId).NotEmpty().WithMessage("除外する事業者を選択してください。");
}

public sealed class RemoveEvaluationVendorHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<RemoveEvaluationVendor, long>
{
    public static Decision Decide(EvaluationView state, RemoveEvaluationVendor c, Actor by, DateTimeOffset at)
    {
        if (state.Vendors.FirstOrDefault(v => v.VendorId == c.VendorId) is not { } vendor) return Decision.Refuse("この事業者は評価対象ではありません。");
        if (state.CriteriaFrozen) return Decision.Refuse("提案書の開封後は評価対象の事業者を除外できません。");
        if (state.Demonstrations.Any(d => d.VendorId == c.VendorId))
            return Decision.Refuse("デモンストレーションの日程が登録されている事業者は除外できません。先に日程を取り消してください。");
        if (state.Bids.ContainsKey(c.VendorId)) return Decision.Refuse("入札価格が記録されている事業者は除外できません。");
        return Decision.Append(new EvaluationVendorRemoved(c.CaseId, vendor.VendorId, vendor.Name, by, at));
    }

    public async ValueTask<long> Handle(RemoveEvaluationVendor c, CancellationToken ct)
    {
        return await EvaluationGate.AppendAsync(session, c.CaseId, state => Decide(state, c, user.Actor, clock.GetUtcNow()), ct);
    }
}
