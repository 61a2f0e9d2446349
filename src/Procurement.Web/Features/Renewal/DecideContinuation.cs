using Procurement.Features.Catalog;

namespace Procurement.Features.Renewal;

/// <summary>
/// Records 継続 or 切替え; a switch opens the successor case in the same transaction. <paramref name="ExpectedVersion"/> is
/// the renewal version the page was loaded at (null: not checked): a decision recorded by someone else since is stale.
/// </summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record DecideContinuationCommand(
    Guid CaseId, RenewalChoice? Choice, string Reasons, string Lessons, string CurrentVendor, DateOnly? ContractEnd,
    string SuccessorTitle, DateOnly? SuccessorGoLive, long? ExpectedVersion = null) : ICommand<Guid?>, ICaseRequest;

public sealed class DecideContinuationValidator : AbstractValidator<DecideContinuationCommand>
{
    public DecideContinuationValidator(UiText t)
    {
        RuleFor(c => c.Choice).NotNull().WithMessage(t["継続か切替えかを選択してください。"]);
        RuleFor(c => c.Reasons).NotEmpty().WithMessage(t["判断の理由を入力してください。"]).MaximumLength(4000).WithMessage(t.Format("{0}文字以内で入力してください。", 4000));
        RuleFor(c => c.Lessons).MaximumLength(4000).WithMessage(t.Format("{0}文字以内で入力してください。", 4000));
        RuleFor(c => c.CurrentVendor).NotEmpty().WithMessage(t["現行の事業者名を入力してください。"]).MaximumLength(100).WithMessage(t.Format("{0}文字以内で入力してください。", 100));
        RuleFor(c => c.ContractEnd).NotNull().WithMessage(t["契約期間の満了日を入力してください。"]);
        When(c => c.Choice == RenewalChoice.Switch, () =>
        {
            RuleFor(c => c.SuccessorTitle).NotEmpty().WithMessage(t["次期調達の案件名を入力してください。"]).MaximumLength(200).WithMessage(t["案件名は200文字以内で入力してください。"]);
            RuleFor(c => c.SuccessorGoLive).NotNull().WithMessage(t["次期システムの稼働予定日を入力してください。"])
                .Must((c, d) => d is null || c.ContractEnd is null || d > c.ContractEnd).WithMessage(t["次期システムの稼働予定日は契約満了日より後にしてください。"]);
        });
    }
}

public static class DecideContinuationDecision
{
    /// <summary>The end-of-contract clause per 業務: what the outgoing vendor owes the next procurement.</summary>
    public static IReadOnlyList<DataProvisionObligation> Obligations(CaseSummary previous) => previous.TargetBusinesses
        .Select(BusinessCatalog.Find).Where(b => b is not null)
        .Select(b => new DataProvisionObligation(b!.Code, b.Name, b.DataStandardName)).ToList();

    /// <summary>Decided once per case: a later change of mind is a new case's business, not an overwrite.</summary>
    public static Decision Decide(RenewalView? existing, DecideContinuationCommand c, Guid? successorId, Actor by, DateTimeOffset at)
    {
        EventStreamWriter.RequireUnchangedSince(c.ExpectedVersion, existing?.DecisionVersion ?? 0);
        if (existing?.Decision is not null) return Decision.Refuse("この案件の継続・切替えは既に決定されています。");
        return Decision.Append(new ContinuationDecided(c.CaseId, c.Choice!.Value, c.Reasons.Trim(), c.Lessons.Trim(), c.CurrentVendor.Trim(), c.ContractEnd!.Value, successorId, by, at));
    }
}

public sealed class DecideContinuationHandler(IDocumentSession session, CaseAccess access, ICurrentUser user, TimeProvider clock, UiText t)
    : ICommandHandler<DecideContinuationCommand, Guid?>
{
    public async ValueTask<Guid?> Handle(DecideContinuationCommand command, CancellationToken cancellationToken)
    {
        var current = await access.FindCaseAsync(command.CaseId, cancellationToken) ?? throw new DomainRuleException(t["案件が見つかりません。"]);
        var at = clock.GetUtcNow();
        Guid? successor = command.Choice == RenewalChoice.Switch ? Guid.NewGuid() : null;
        await session.WriteAsync<RenewalView>(command.CaseId, existing => DecideContinuationDecision.Decide(existing, command, successor, user.Actor, at),
            cancellationToken, alongside: _ =>
        {
            if (successor is not { } id) return;
            // The successor starts where the group stands today: same group, same 業務, the vendor's hand-over duty and the lessons.
            session.Events.StartStream<CaseSummary>(id,
                new CaseOpened(id, current.GroupId, command.SuccessorTitle.Trim(), current.TargetBusinesses, current.CloudForm,
                    command.SuccessorGoLive!.Value, current.BudgetCeiling, user.Actor, at),
                new CarriedOverFromPreviousCase(id, current.Id, current.Title, command.CurrentVendor.Trim(), command.ContractEnd!.Value,
                    DecideContinuationDecision.Obligations(current), command.Lessons.Trim(), user.Actor, at));
        });
        return successor;
    }
}
