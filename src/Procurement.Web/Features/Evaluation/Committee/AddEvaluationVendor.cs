namespace Procurement.Features.Evaluation.Committee;

/// <summary>
/// Puts a vendor (one registered on the case in the vendors feature, or typed by the officer) on the evaluation.
/// The vendor id is the one the proposals use, so conflicts and scores line up with them.
/// </summary>
[Access(Roles.Officer)]
public sealed record AddEvaluationVendor(Guid CaseId, Guid VendorId, string Name) : ICommand<long>, ICaseRequest;

public sealed class AddEvaluationVendorValidator : AbstractValidator<AddEvaluationVendor>
{
    public AddEvaluationVendorValidator()
    {
        RuleFor(c => c.VendorId).NotEmpty();
        RuleFor(c => c.Name).NotEmpty().WithMessage("事業者名を入力してください。").MaximumLength(200);
    }
}

public sealed class AddEvaluationVendorHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<AddEvaluationVendor, long>
{
    public static Decision Decide(EvaluationView state, AddEvaluationVendor c, Actor by, DateTimeOffset at)
    {
        if (state.CriteriaFrozen && state.Vendors.All(v => v.VendorId != c.VendorId)) return Decision.Refuse("提案書の開封後は評価対象の事業者を追加できません。");
        if (state.Vendors.Any(v => v.VendorId == c.VendorId && v.Name == c.Name.Trim())) return Decision.Nothing;
        return Decision.Append(new EvaluationVendorAdded(c.CaseId, c.VendorId, c.Name.Trim(), by, at));
    }

    public async ValueTask<long> Handle(AddEvaluationVendor c, CancellationToken ct)
    {
        return await EvaluationGate.AppendAsync(session, c.CaseId, state => Decide(state, c, user.Actor, clock.GetUtcNow()), ct);
    }
}
