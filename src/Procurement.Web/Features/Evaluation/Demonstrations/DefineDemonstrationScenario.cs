using Procurement.Features.Evaluation.Criteria;
using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Features.Evaluation.Demonstrations;

/// <summary>
/// The items every vendor must demonstrate, scored like criteria (they appear as the category "デモンストレーション").
/// Part of the criteria: once proposals are opened, a change needs a reason and every member's re-confirmation.
/// </summary>
[Access(Roles.Officer)]
public sealed record DefineDemonstrationScenario(Guid CaseId, IReadOnlyList<CriteriaItem> Items, string? Reason) : ICommand<long>, ICaseRequest;

public sealed class DefineDemonstrationScenarioValidator : AbstractValidator<DefineDemonstrationScenario>
{
    public DefineDemonstrationScenarioValidator()
    {
        RuleFor(c => c.Items).NotEmpty().WithMessage("デモンストレーションの項目を1つ以上入力してください。").SetValidator(new CriteriaItemsValidator());
        RuleFor(c => c.Items).Must(i => i.Select(x => x.Id).Distinct().Count() == i.Count).WithMessage("項目番号が重複しています。");
    }
}

public sealed class DefineDemonstrationScenarioHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<DefineDemonstrationScenario, long>
{
    public static Decision Decide(EvaluationView state, DefineDemonstrationScenario c, Actor by, DateTimeOffset at)
    {
        if (EvaluationRefusals.IfClosed(state) is { } refused) return refused;
        var reason = string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim();
        if (state.CriteriaFrozen && reason is null) return Decision.Refuse("提案書の開封後にデモンストレーションの項目を変更するには、変更理由が必要です。");
        var criteriaIds = state.Criteria.SelectMany(x => x.Items).Select(i => i.Id).ToHashSet();
        if (c.Items.FirstOrDefault(i => criteriaIds.Contains(i.Id)) is { } clash) return Decision.Refuse("項目番号「{0}」は評価基準の項目と重複しています。", clash.Id);
        return Decision.Append(new DemonstrationScenarioDefined(c.CaseId, c.Items, state.CriteriaRevision + 1, state.CriteriaFrozen ? reason : null, by, at));
    }

    public async ValueTask<long> Handle(DefineDemonstrationScenario c, CancellationToken ct)
    {
        return await EvaluationGate.AppendAsync(session, c.CaseId, state => Decide(state, c, user.Actor, clock.GetUtcNow()), ct);
    }
}
