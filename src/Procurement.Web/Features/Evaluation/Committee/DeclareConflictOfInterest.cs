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
    public static Decision Decide(EvaluationView state, DeclareConflictOfInterest c, Guid memberId, Actor by, DateTimeOffset at)
    {
        if (EvaluationRefusals.IfClosed(state) is { } refused) return refused;
        if (c.ConflictedVendorIds.Any(v => state.Vendors.All(x => x.VendorId != v))) return Decision.Refuse("評価対象ではない事業者が指定されています。");
        return Decision.Append(new ConflictOfInterestDeclared(c.CaseId, memberId, c.ConflictedVendorIds.Distinct().ToList(), c.Statement.Trim(), by, at));
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
