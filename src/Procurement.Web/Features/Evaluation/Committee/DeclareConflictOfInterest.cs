namespace Procurement.Features.Evaluation.Committee;

/// <summary>
/// The member's own declaration, required before any proposal or score page opens. An empty list declares no
/// conflict; each listed vendor excludes the member from scoring it (shown in the results).
/// </summary>
[Access(Roles.Committee)]
public sealed record DeclareConflictOfInterest(Guid CaseId, IReadOnlyList<Guid> ConflictedVendorIds, string Statement) : ICommand<long>, ICaseRequest;

public sealed class DeclareConflictOfInterestValidator : AbstractValidator<DeclareConflictOfInterest>
{
    public DeclareConflictOfInterestValidator()
    {
        RuleFor(c => c.ConflictedVendorIds).NotNull();
        RuleFor(c => c.Statement).NotEmpty().When(c => c.ConflictedVendorIds.Count > 0)
            .WithMessage("利害関係の内容（取引関係、親族の勤務先など）を記入してください。").MaximumLength(2000);
    }
}

public sealed class DeclareConflictOfInterestHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<DeclareConflictOfInterest, long>
{
    public static object[] Decide(EvaluationView state, DeclareConflictOfInterest c, Guid memberId, Actor by, DateTimeOffset at)
    {
        EvaluationGate.RequireOpen(state);
        var unknown = c.ConflictedVendorIds.Where(v => state.Vendors.All(x => x.VendorId != v)).ToList();
        if (unknown.Count > 0) throw new DomainRuleException("評価対象ではない事業者が指定されています。");
        return [new ConflictOfInterestDeclared(c.CaseId, memberId, c.ConflictedVendorIds.Distinct().ToList(), c.Statement.Trim(), by, at)];
    }

    public async ValueTask<long> Handle(DeclareConflictOfInterest c, CancellationToken ct)
    {
        return await EvaluationGate.AppendAsync(session, c.CaseId, state =>
        {
            EvaluationGate.RequireScorer(user, state);
            return Decide(state, c, user.Id, user.Actor, clock.GetUtcNow());
        }, ct);
    }
}
