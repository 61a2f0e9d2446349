namespace Procurement.Features.Cases;

/// <summary>Edits the case header. <paramref name="ExpectedVersion"/> is the version the officer saw.</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record ChangeCaseDetailsCommand(
    Guid CaseId, long ExpectedVersion, string Title, IReadOnlyList<string> TargetBusinesses, CloudForm? CloudForm,
    DateOnly? PlannedGoLive, long? BudgetCeiling, ProcurementProcedure? Procedure = null) : ICommand<long>, ICaseRequest;

public sealed class ChangeCaseDetailsValidator : AbstractValidator<ChangeCaseDetailsCommand>
{
    public ChangeCaseDetailsValidator(UiText t, TimeProvider clock)
    {
        CaseDetailRules.Apply(this, t, clock, c => c.Title, c => c.TargetBusinesses, c => c.CloudForm, c => c.PlannedGoLive, c => c.BudgetCeiling);
        RuleFor(c => c.Procedure).Must(p => p is null || Enum.IsDefined(p.Value)).WithMessage(t["調達方式を選択してください。"]);
    }
}

public static class ChangeCaseDetailsDecision
{
    /// <summary>Nothing changed → no event, so the history shows only real changes. A null procedure keeps the case's.</summary>
    public static Decision Decide(CaseSummary? current, ChangeCaseDetailsCommand c, Actor by, DateTimeOffset at)
    {
        if (current is null) return Decision.Refuse("案件が見つかりません。");
        var businesses = c.TargetBusinesses.Distinct().ToList();
        var unchanged = current.Title == c.Title.Trim() && current.TargetBusinesses.SequenceEqual(businesses)
            && current.CloudForm == c.CloudForm && current.PlannedGoLive == c.PlannedGoLive && current.BudgetCeiling == c.BudgetCeiling
            && (c.Procedure is null || c.Procedure == current.Procedure);
        return unchanged ? Decision.Nothing : Decision.Append(new CaseDetailsChanged(c.CaseId, c.Title.Trim(), businesses, c.CloudForm!.Value, c.PlannedGoLive!.Value,
            c.BudgetCeiling!.Value, by, at, c.Procedure is { } p && p != current.Procedure ? p : null));
    }
}

public sealed class ChangeCaseDetailsHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ChangeCaseDetailsCommand, long>
{
    public async ValueTask<long> Handle(ChangeCaseDetailsCommand command, CancellationToken cancellationToken)
    {
        // Other features (vendors, workflows, …) append to the case stream too, so the stream version
        // moves without the header changing. The header is the record this form replaces: its own
        // version decides staleness, checked under the stream's lock.
        var decision = Decision.Nothing;
        var version = await session.WriteAsync<CaseSummary>(command.CaseId, current =>
        {
            if (current is not null && current.Version != command.ExpectedVersion) throw new StaleVersionException();
            return decision = ChangeCaseDetailsDecision.Decide(current, command, user.Actor, clock.GetUtcNow());
        }, cancellationToken);
        return decision.Events.Count == 0 ? command.ExpectedVersion : version;
    }
}
