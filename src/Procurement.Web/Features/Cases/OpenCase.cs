using Procurement.Features.Catalog;

namespace Procurement.Features.Cases;

[Access(Roles.Officer, Roles.Admin)]
public sealed record OpenCaseCommand(
    Guid GroupId, string Title, IReadOnlyList<string> TargetBusinesses, CloudForm? CloudForm,
    DateOnly? PlannedGoLive, long? BudgetCeiling, ProcurementProcedure? Procedure = null) : ICommand<Guid>, IGroupRequest;

/// <summary>The fields of a case that officers can set when opening it and change later.</summary>
public static class CaseDetailRules
{
    public const long MaxBudget = 1_000_000_000_000;

    public static void Apply<T>(AbstractValidator<T> v, UiText t, TimeProvider clock,
        System.Linq.Expressions.Expression<Func<T, string>> title,
        System.Linq.Expressions.Expression<Func<T, IReadOnlyList<string>>> businesses,
        System.Linq.Expressions.Expression<Func<T, CloudForm?>> form,
        System.Linq.Expressions.Expression<Func<T, DateOnly?>> goLive,
        System.Linq.Expressions.Expression<Func<T, long?>> budget)
    {
        v.RuleFor(title).NotEmpty().WithMessage(t["案件名を入力してください。"])
            .MaximumLength(200).WithMessage(t["案件名は200文字以内で入力してください。"]);
        v.RuleFor(businesses).NotEmpty().WithMessage(t["対象業務を1つ以上選択してください。"])
            .Must(b => b.All(BusinessCatalog.IsKnown)).WithMessage(t["対象業務に不明な業務が含まれています。"]);
        v.RuleFor(form).NotNull().WithMessage(t["クラウドの形態を選択してください。"]);
        v.RuleFor(goLive).NotNull().WithMessage(t["稼働予定日を入力してください。"])
            .Must(d => d is null || d > DateOnly.FromDateTime(clock.GetLocalNow().DateTime)).WithMessage(t["稼働予定日は今日より後の日付にしてください。"]);
        v.RuleFor(budget).NotNull().WithMessage(t["予算上限額を入力してください。"])
            .Must(b => b is null || (b > 0 && b <= MaxBudget)).WithMessage(t["予算上限額は1円以上1兆円以下で入力してください。"]);
    }
}

public sealed class OpenCaseValidator : AbstractValidator<OpenCaseCommand>
{
    public OpenCaseValidator(UiText t, TimeProvider clock)
    {
        RuleFor(c => c.GroupId).NotEmpty().WithMessage(t["グループを選択してください。"]);
        CaseDetailRules.Apply(this, t, clock, c => c.Title, c => c.TargetBusinesses, c => c.CloudForm, c => c.PlannedGoLive, c => c.BudgetCeiling);
        RuleFor(c => c.Procedure).Must(p => p is null || Enum.IsDefined(p.Value)).WithMessage(t["調達方式を選択してください。"]);
    }
}

public static class OpenCaseDecision
{
    /// <summary>A new case: nothing to decide against, the command says it all.</summary>
    public static Decision Decide(Guid caseId, OpenCaseCommand c, Actor by, DateTimeOffset at) =>
        Decision.Append(new CaseOpened(caseId, c.GroupId, c.Title.Trim(), c.TargetBusinesses.Distinct().ToList(), c.CloudForm!.Value,
            c.PlannedGoLive!.Value, c.BudgetCeiling!.Value, by, at, c.Procedure ?? ProcurementProcedures.Default));
}

public sealed class OpenCaseHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<OpenCaseCommand, Guid>
{
    public async ValueTask<Guid> Handle(OpenCaseCommand command, CancellationToken cancellationToken)
    {

        var id = Guid.NewGuid();
        session.Events.StartStream<CaseSummary>(id, [.. OpenCaseDecision.Decide(id, command, user.Actor, clock.GetUtcNow()).Events]);
        await session.SaveChangesAsync(cancellationToken);
        return id;
    }
}
